"""What ``dcc.Upload`` delivers, turned into a file name and its bytes; and the upload area itself.

A browser sends only a file's own name, never a folder. A name that is empty,
names a folder (``..``, ``/``, ``\\``), holds a control character (NUL among
them) or is longer than a file system allows was crafted or broken on the way,
so it is refused in words rather than cleaned up: the importers write the
upload to a temporary file under that name, and such names made that write
fail with a server error.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata

from dash import dcc, html

from dashboard.i18n.messages import message, text
from dashboard.server.request_limits import current_max_upload_bytes, megabytes
from dashboard.server.settings import MAX_REQUEST_MB_ENV
from indicators.core.errors import InputError, Problem
from indicators.i18n.texts import Text

MAX_NAME_LENGTH = 255
"""Characters in a file name; also what Linux file systems allow (in bytes)."""
_SHOWN_NAME_LENGTH = 80
_FOLDER_PARTS = ("..", "/", "\\")


def decode_upload(contents: str, filename: str) -> tuple[str, bytes]:
    """(the file's name, its bytes); InputError naming the problem for a bad name or a broken upload."""
    problem = name_problem(filename)
    if problem is not None:
        raise InputError([Problem(shown_name(filename), problem)])
    try:
        return filename, base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error, ValueError):
        raise InputError([Problem(filename, message("upload_broken"))]) from None


def name_problem(filename: str) -> Text | None:
    """What is wrong with an uploaded file's name, or None for a name that can be used as it is."""
    if not filename or not filename.strip():
        return message("upload_name_empty")
    for position, character in enumerate(filename, start=1):
        if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp"):
            return message("upload_name_control", position=position)
    for part in _FOLDER_PARTS:
        if part in filename:
            return message("upload_name_path", part=part)
    if len(filename) > MAX_NAME_LENGTH or len(filename.encode("utf-8")) > MAX_NAME_LENGTH:
        return message("upload_name_too_long", length=len(filename), limit=MAX_NAME_LENGTH)
    return None


def shown_name(filename: str | None) -> str:
    """A file name fit to show in a message: control characters made visible, a long name shortened."""
    if not filename:
        return "–"
    visible = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in filename)
    if len(visible) > _SHOWN_NAME_LENGTH:
        return visible[: _SHOWN_NAME_LENGTH - 1] + "…"
    return visible


def limited_upload(component_id: str, label: str, language: str | None = None, *, shown: bool = True) -> html.Div:
    """``dcc.Upload`` that the browser refuses to send a file too large for the server, and says so.

    ``max_size`` makes the browser drop a larger file without sending it; the
    limit is stated under the area beforehand, and ``assets/upload_limit.js``
    shows the refusal (rendered here, in the page's language) when it happens.
    """
    size = current_max_upload_bytes()
    return html.Div(
        [
            dcc.Upload(id=component_id, children=html.Div(label), className="upload", multiple=False,
                       max_size=size),
            html.P(text("upload_limit", language, size=megabytes(size)), className="source upload-limit-note"),
            html.P(text("upload_too_large", language, size=megabytes(size), setting=MAX_REQUEST_MB_ENV),
                   className="notice notice-error upload-too-large", role="alert", hidden=True),
        ],
        className="upload-limit",
        style={} if shown else {"display": "none"},
        **{"data-max-bytes": str(size)},
    )
