"""Password hashes as the earlier hand-made code wrote them, for tests that old accounts still work."""

from __future__ import annotations

import base64
import hashlib
import secrets


def legacy_hash(password: str, n: int = 2**15, r: int = 8, p: int = 1) -> str:
    """``scrypt$n$r$p$salt$key`` (base64, 32-byte key), exactly as before werkzeug's format."""
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                         maxmem=256 * r * n + (1 << 20))
    return "$".join(("scrypt", str(n), str(r), str(p),
                     base64.b64encode(salt).decode("ascii"), base64.b64encode(key).decode("ascii")))
