"""The key that signs session cookies, kept across restarts so sign-ins survive them."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs

SECRET_ENV = "DASHBOARD_SECRET_KEY"


def load_or_create_secret(path: Path | None = None) -> str:
    """``DASHBOARD_SECRET_KEY`` if set, else a random key stored (mode 0600) in the data directory."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env
    path = path or Path(platformdirs.user_data_dir("allas-vimmerby")) / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
