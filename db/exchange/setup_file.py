"""The setup file a bureau hands a new site: "import a setup file from my bureau" in the
first-run wizard, so a township school never retypes units, cadres and settings.

A setup file (``.mqsetup``) is a ZIP holding three things made with the ordinary exchange:

- ``setup.json``: who it is for (site code, name, level) and who made it;
- ``sender.mqid``: the bureau's identity file (its public key and fingerprint);
- ``setup.mqpkg``: a full package from the bureau addressed to that site, signed with the
  bureau's key (regions, campaign, phases, settings, units, branches, cadres, assignments).

Making one (the bureau, ``write_setup_file``): the new site has no key yet, so the bureau cannot
have paired with it. For the length of the export the bureau records the new site as a
provisional peer below itself (code, name, level, no key); ``export_package`` needs only that to
address and direct the package; the provisional entry is removed again afterwards, so the normal
pairing later starts clean (its first package is then a full one — imports are idempotent).

Using one (the new site, ``apply_setup_file``, run on the wizard's fresh database): the site is
set up under the bureau (parent = the bureau's code), the bureau is paired from
``sender.mqid`` — this is where it becomes a trusted peer; the wizard shows its fingerprint to be
read out over the phone — and the package is imported with the normal checks (signature made by
that key, addressed to this site, schema version, checksums). The bureau's regions, campaign,
phases and settings replace the defaults the set-up made, as for any package from a site above.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from db.audit import SYSTEM, Actor
from db.campaign import SiteSetup, initialize_site, local_site
from db.engine import Database
from db.exchange import state
from db.exchange.errors import ExchangeError
from db.exchange.export import export_package
from db.exchange.keys import SiteIdentity, parse_identity
from db.exchange.merge import import_package
from db.exchange.package import os_reason
from db.exchange.pairing import export_identity, pair
from db.exchange.report import ImportReport
from db.models import utcnow
from db.vocab import SITE_LEVELS

SUFFIX = ".mqsetup"
FORMAT = "minqing-setup"
FORMAT_VERSION = 1
MAX_SETUP_BYTES = 512 * 1024 * 1024

_BAD = ("所选文件不是民情台账的开站设置文件，或文件已损坏，未做任何改动。"
        "请向上级教育局重新索取设置文件（扩展名 .mqsetup）。")


@dataclass(frozen=True)
class SetupFile:
    path: Path
    code: str  # the site it is for
    name: str
    level: str
    sender: SiteIdentity
    org_name: str
    package: bytes


def write_setup_file(db: Database, code: str, name: str, level: str, out_dir: Path, *,
                     key_dir: Path | None = None, actor: Actor = SYSTEM) -> Path:
    """The bureau's side: a setup file for the new site *code* below this one (administrators
    only: it carries the bureau's settings and makes the new site trust this one)."""
    from db.campaign import _validate
    from db.services.settings import require_settings_admin

    code = code.strip().upper()
    _validate(SiteSetup(code=code, name=name, level=level))  # the same rules as any site
    with db.transaction() as s:
        require_settings_admin(s, actor)
        me = local_site(s)
        if me is None:
            raise ExchangeError("本数据库尚未设置站点，不能生成设置文件。请先完成站点设置。")
        if code == me.code:
            raise ExchangeError(f"“{code}”是本站自己的代码，未生成设置文件。请填写新站点的代码。")
        peers = state.load_peers(s)
        provisional = code not in peers
        if provisional:
            peers[code] = state.Peer(code, name.strip(), level, me.code, "", "",
                                     utcnow().isoformat())
            state.save_peers(s, peers, me.code)
        from db.campaign import get_setting

        org_name = str(get_setting(s, "org.name") or "")
        sender_code = me.code
    try:
        with tempfile.TemporaryDirectory() as tmp:
            result = export_package(db, code, Path(tmp), full=True, key_dir=key_dir)
            package = result.path.read_bytes()
    finally:
        if provisional:
            with db.transaction() as s:
                peers = state.load_peers(s)
                peers.pop(code, None)
                state.save_peers(s, peers, sender_code)
    identity = export_identity(db, key_dir=key_dir)
    meta = {"format": FORMAT, "version": FORMAT_VERSION, "code": code, "name": name.strip(),
            "level": level, "org_name": org_name, "sender": sender_code}
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{sender_code}-setup-{code}{SUFFIX}"
    partial = out.with_name(out.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("setup.json", json.dumps(meta, ensure_ascii=False, indent=2))
            zf.writestr("sender.mqid", identity)
            zf.writestr("setup.mqpkg", package)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExchangeError(f"无法在“{out_dir}”写入设置文件（{os_reason(exc)}），"
                            "请检查文件夹是否可写后重试。") from exc
    return out


def read_setup_file(path: Path) -> SetupFile:
    """Open and check a setup file's outside (the package itself is checked on import)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SETUP_BYTES:
            raise ExchangeError(_BAD)
        with zipfile.ZipFile(path) as zf:
            meta = json.loads(zf.read("setup.json").decode("utf-8"))
            identity = parse_identity(zf.read("sender.mqid"))
            package = zf.read("setup.mqpkg")
    except OSError as exc:
        raise ExchangeError(f"无法读取设置文件“{path}”（{os_reason(exc)}），未做任何改动。"
                            "请检查文件是否还在、U盘是否插好后重试。") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError) as exc:
        raise ExchangeError(_BAD) from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ExchangeError(_BAD)
    if meta.get("version") != FORMAT_VERSION:
        raise ExchangeError("该设置文件由不同版本的民情台账生成，无法使用。"
                            "请安装与上级教育局相同的版本后重试。")
    code, name, level = meta.get("code"), meta.get("name"), meta.get("level")
    if not (isinstance(code, str) and code and isinstance(name, str) and level in SITE_LEVELS):
        raise ExchangeError(_BAD)
    if meta.get("sender") != identity.code:
        raise ExchangeError(_BAD)
    return SetupFile(path=path, code=code, name=name, level=str(level), sender=identity,
                     org_name=str(meta.get("org_name") or ""), package=package)


def apply_setup_file(db: Database, setup: SetupFile, *, actor: Actor = SYSTEM,
                     key_dir: Path | None = None) -> ImportReport:
    """Make the (new, empty) database *db* the site *setup* is for, trust its sender and
    import its package. Meant for a database that is thrown away on failure (the wizard's
    temporary file): the steps are separate transactions."""
    with db.transaction() as s:
        existing = local_site(s)
        if existing is not None and existing.code != setup.code.upper():
            raise ExchangeError(f"本数据库已是站点“{existing.code}”，该设置文件是给站点"
                                f"“{setup.code}”的，未做任何改动。")
        initialize_site(s, SiteSetup(
            code=setup.code, name=setup.name, level=setup.level,
            parent_code=setup.sender.code,
            org_name=setup.org_name or setup.sender.name), actor)
    pair(db, _identity_bytes(setup), actor=actor)
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / f"{setup.sender.code}-setup{'.mqpkg'}"
        package.write_bytes(setup.package)
        report = import_package(db, package, actor=actor)
    del key_dir  # the receiving site's key is made when it first exports
    return report


def _identity_bytes(setup: SetupFile) -> bytes:
    from db.exchange.keys import identity_bytes

    return identity_bytes(setup.sender)
