"""Every string the visit log shows through tr() has its Chinese in pending/visits.json."""

from __future__ import annotations

from pathlib import Path

from tests.ui.visits.translations import pending, sources_in_code


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    in_code = sources_in_code(tmp_path)
    translated = pending()
    missing = {context: sorted(texts - set(translated.get(context, {})))
               for context, texts in in_code.items()}
    assert {c: m for c, m in missing.items() if m} == {}
    unused = {context: sorted(set(messages) - in_code.get(context, set()))
              for context, messages in translated.items()}
    assert {c: u for c, u in unused.items() if u} == {}
    assert all(text.strip() for messages in translated.values() for text in messages.values())
