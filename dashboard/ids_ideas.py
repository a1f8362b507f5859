"""Component ids of the ideas page, apart from ``dashboard/ids.py`` so that this page's work
does not collide with other pages' edits of that shared file (decision in docs/decisions.md)."""

from __future__ import annotations

IDEA_URL = "idea-url"
IDEA_REFRESH = "idea-refresh"
IDEA_LOCALITY = "idea-locality"
IDEA_TITLE = "idea-title"
IDEA_DESCRIPTION = "idea-description"
IDEA_AREAS = "idea-areas"
IDEA_PICKER = "idea-picker"
IDEA_LAT = "idea-lat"
IDEA_LON = "idea-lon"
IDEA_CONTACT = "idea-contact"
IDEA_TRAP = "idea-website"
IDEA_SEND = "idea-send"
IDEA_FORM_MESSAGE = "idea-form-message"
IDEA_ACTION_MESSAGE = "idea-action-message"
IDEA_LIST = "idea-list"
IDEA_QUEUE = "idea-queue"
IDEA_COUNTS = "idea-counts"
IDEA_SUPPORT = "idea-support"
"""Pattern id type of a support button: ``{"type": IDEA_SUPPORT, "id": idea_id}``."""
IDEA_MODERATE = "idea-moderate"
"""Pattern id type of a moderation button: ``{"type", "id", "version", "step"}``."""
IDEA_REASON = "idea-reason"
IDEA_TARGET = "idea-target"
FIELDS = ("locality_id", "title", "description", "areas", "point", "contact")
"""The form fields that can carry a message (lat/lon problems show under the place)."""


def error_id(field: str) -> str:
    """The id of the message under a form field."""
    return f"idea-error-{field}"

IDEA_IMPORT = "idea-import"
"""The staff-only section for workshop input (a meeting and a file)."""
IDEA_IMPORT_MEETING = "idea-import-meeting"
IDEA_IMPORT_UPLOAD = "idea-import-upload"
IDEA_IMPORT_RESULT = "idea-import-result"
