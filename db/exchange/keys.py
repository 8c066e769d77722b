"""Site keys: each site signs its packages with an Ed25519 key pair.

The private key is never stored in the database (a database copy or backup must not be able to
sign packages); it lives in a key file in the data folder, ``<data>/keys/<SITE>.key``. The
folder is a parameter so that several sites can live side by side in one test.

Another site learns our public key from an *identity file* (``export_identity``), carried over
on the same USB stick or e-mail as the packages. Because that channel is not trusted, the clerks
compare the fingerprint over the phone before pairing: it is short, in groups of four hex digits.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from db.exchange.errors import ExchangeError
from db.paths import data_dir
from db.vocab import SITE_LEVELS

IDENTITY_FORMAT = "mqtz-site-identity"
IDENTITY_VERSION = 1
MAX_IDENTITY_BYTES = 16 * 1024


def default_key_dir() -> Path:
    return data_dir() / "keys"


def key_path(key_dir: Path, site_code: str) -> Path:
    return key_dir / f"{site_code}.key"


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes, as 8 groups of 4 hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_or_create_key(key_dir: Path, site_code: str) -> Ed25519PrivateKey:
    """The site's private key, made on first use."""
    path = key_path(key_dir, site_code)
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as exc:
            raise ExchangeError(
                f"本站点的密钥文件“{path}”已损坏或无法读取，不能签名交换包。"
                "请从备份中恢复该文件；如无备份，请删除它后重新生成密钥，"
                "并把新的身份文件重新发给各个交换单位配对。"
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise ExchangeError(f"密钥文件“{path}”不是本程序使用的 Ed25519 密钥。"
                                "请删除后重新生成。")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    key_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # Written aside and renamed, so a power cut never leaves half a key behind.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class SiteIdentity:
    """Who a site is and its public key, as carried by an identity file."""

    code: str
    name: str
    level: str
    parent_code: str | None
    public_key: bytes  # raw 32 bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def to_json(self) -> dict[str, object]:
        return {
            "format": IDENTITY_FORMAT, "version": IDENTITY_VERSION,
            "code": self.code, "name": self.name, "level": self.level,
            "parent_code": self.parent_code,
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "fingerprint": self.fingerprint,
        }


def identity_bytes(identity: SiteIdentity) -> bytes:
    return json.dumps(identity.to_json(), ensure_ascii=False, indent=2).encode("utf-8")


_BAD_IDENTITY = ("这不是民情台账的站点身份文件，或文件已损坏，未做任何配对。"
                 "请让对方在“数据交换 → 导出本站身份文件”中重新导出，再选择该文件。")


def parse_identity(data: bytes) -> SiteIdentity:
    """Read an identity file; ExchangeError if it is anything else."""
    if len(data) > MAX_IDENTITY_BYTES:
        raise ExchangeError(_BAD_IDENTITY)
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ExchangeError(_BAD_IDENTITY) from exc
    if not isinstance(obj, dict) or obj.get("format") != IDENTITY_FORMAT:
        raise ExchangeError(_BAD_IDENTITY)
    if obj.get("version") != IDENTITY_VERSION:
        raise ExchangeError("该身份文件由不同版本的民情台账生成，无法配对。"
                            "请双方安装相同版本后重新导出。")
    code, name, level = obj.get("code"), obj.get("name"), obj.get("level")
    parent = obj.get("parent_code")
    key_text = obj.get("public_key")
    if not (isinstance(code, str) and code and code.isascii() and len(code) <= 32
            and isinstance(name, str) and isinstance(level, str) and level in SITE_LEVELS
            and (parent is None or isinstance(parent, str)) and isinstance(key_text, str)):
        raise ExchangeError(_BAD_IDENTITY)
    try:
        raw = base64.b64decode(key_text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ExchangeError(_BAD_IDENTITY) from exc
    identity = SiteIdentity(code=code, name=name, level=level, parent_code=parent or None,
                            public_key=raw)
    stated = obj.get("fingerprint")
    if stated is not None and stated != identity.fingerprint:
        raise ExchangeError("身份文件中的指纹与公钥不一致，文件可能被改动过，未做任何配对。"
                            "请让对方重新导出身份文件。")
    return identity
