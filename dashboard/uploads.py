"""What ``dcc.Upload`` delivers, turned into a file name and its bytes."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from dashboard.messages import message
from indicators.errors import InputError, Problem


def decode_upload(contents: str, filename: str) -> tuple[str, bytes]:
    """(the file's own name without any folder part, its bytes); InputError for a broken upload.

    The browser sends a data URL; only the name's last part is kept, so a crafted
    name cannot point anywhere on the server.
    """
    name = Path(filename).name
    try:
        return name, base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error, ValueError):
        raise InputError([Problem(name, message("upload_broken"))]) from None
