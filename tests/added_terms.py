"""Terms a bureau adds to its vocabularies, stored through the settings service (as the settings
dialog does), for the tests that check every screen, report and file offers and labels them."""

from __future__ import annotations

from db.audit import Actor
from db.engine import Database
from db.services.settings import load_settings, save_settings
from db.vocab import Term

# The local user of a database without accounts is its administrator.
SETTINGS_ADMIN = Actor("local", "admin", "本机用户")

AREA = Term("x_1", "心理健康", "Mental health")
CATEGORY = Term("x_1", "家校共育类（家庭教育）", "Home and school together")
CHANNEL = Term("x_1", "12345热线", "12345 hotline")


def add_terms(db: Database, actor: Actor = SETTINGS_ADMIN) -> None:
    """An area, a category and a source channel added in the settings (code x_1 each)."""
    with db.session() as s:
        settings = load_settings(s)
    save_settings(db, actor, settings.with_changes(vocab_extra={
        "area": (AREA,), "category": (CATEGORY,), "source_channel": (CHANNEL,)}))
