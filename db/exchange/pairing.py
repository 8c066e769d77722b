"""Pairing: this site's identity file, and trusting another site's.

A clerk exports the identity file, carries it to the other office (stick or e-mail), and the two
clerks read the fingerprint to each other over the phone before the receiver pairs. Only
packages signed by a paired site's key are ever imported.
"""

from __future__ import annotations

import base64
from pathlib import Path

from db.audit import SYSTEM, Actor, write_audit
from db.campaign import local_site
from db.engine import Database
from db.exchange import state
from db.exchange.errors import ExchangeError
from db.exchange.keys import (
    MAX_IDENTITY_BYTES,
    SiteIdentity,
    default_key_dir,
    identity_bytes,
    load_or_create_key,
    parse_identity,
    public_raw,
)
from db.exchange.package import os_reason
from db.models import utcnow
from db.services.permissions import require


def local_identity(db: Database, *, key_dir: Path | None = None) -> SiteIdentity:
    """This site's identity (makes the key pair on first use)."""
    with db.session() as s:
        me = local_site(s)
        if me is None:
            raise ExchangeError("本数据库尚未设置站点，不能导出身份文件。请先完成站点设置。")
        key = load_or_create_key(key_dir or default_key_dir(), me.code)
        return SiteIdentity(me.code, me.name, me.level, me.parent_code, public_raw(key))


def export_identity(db: Database, *, key_dir: Path | None = None) -> bytes:
    """The identity file's bytes (JSON): code, name, level, parent, public key, fingerprint."""
    return identity_bytes(local_identity(db, key_dir=key_dir))


def read_identity(source: Path | bytes) -> SiteIdentity:
    """Parse an identity file, to show its fingerprint before pairing."""
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_IDENTITY_BYTES:
                raise ExchangeError("所选文件太大，不是民情台账的站点身份文件。请重新选择。")
            return parse_identity(source.read_bytes())
        except OSError as exc:
            raise ExchangeError(f"无法读取身份文件“{source}”（{os_reason(exc)}），未做任何配对。"
                                "请检查文件后重试。") from exc
    return parse_identity(source)


def pair(db: Database, key_file: Path | bytes, *, actor: Actor = SYSTEM,
         expected_fingerprint: str | None = None, replace_key: bool = False) -> SiteIdentity:
    """Trust the site in *key_file*. A changed key for a site already paired is refused unless
    *replace_key* (the clerk has confirmed the new fingerprint: a site that reinstalled)."""
    require(actor, "exchange")
    identity = read_identity(key_file)
    if expected_fingerprint is not None and (
            expected_fingerprint.replace(" ", "").upper()
            != identity.fingerprint.replace(" ", "")):
        raise ExchangeError("身份文件的指纹与电话核对的指纹不一致，未配对。该文件可能被调换过，"
                            "请让对方重新发送身份文件，再次核对指纹。")
    with db.transaction() as s:
        me = local_site(s)
        if me is None:
            raise ExchangeError("本数据库尚未设置站点，不能配对。请先完成站点设置。")
        if identity.code == me.code:
            raise ExchangeError(f"这是本站（{me.code}）自己的身份文件，不需要配对。"
                                "请选择对方站点导出的身份文件。")
        peers = state.load_peers(s)
        key_text = base64.b64encode(identity.public_key).decode("ascii")
        old = peers.get(identity.code)
        if old is not None and old.public_key != key_text and not replace_key:
            raise ExchangeError(
                f"站点“{identity.code}”已配对，但这个身份文件中的密钥与之前的不同（原指纹 "
                f"{old.fingerprint}，新指纹 {identity.fingerprint}），未做改动。如对方确实重装了"
                "程序，请电话核对新指纹后选择“更换密钥”重新配对。")
        peer = old or state.Peer(identity.code, identity.name, identity.level,
                                 identity.parent_code, key_text, identity.fingerprint,
                                 utcnow().isoformat())
        peer.name, peer.level, peer.parent_code = identity.name, identity.level, \
            identity.parent_code
        peer.public_key, peer.fingerprint = key_text, identity.fingerprint
        peers[identity.code] = peer
        state.save_peers(s, peers, me.code)
        write_audit(s, actor, "update", "setting", state.PEERS_KEY,
                    f"与站点 {identity.code} {identity.name} 配对（指纹 {identity.fingerprint}）",
                    after={"code": identity.code, "name": identity.name,
                           "fingerprint": identity.fingerprint}, site=me.code)
    return identity


def list_peers(db: Database) -> list[state.Peer]:
    with db.session() as s:
        return sorted(state.load_peers(s).values(), key=lambda p: p.code)
