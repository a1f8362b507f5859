"""Workshop input on the ideas page: the staff-only section (a meeting and a file) and what an upload does.

The upload goes through the same import as ``python -m indicators
import-ideas`` (``indicators.ideas.files``), as the signed-in user, so the
permission is the service's: the section is only left out for others, which
is no lock. Problems are listed as the other imports list them (file, sheet,
row, column), and a refused file changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.components.help_link import help_note
from dashboard.components.widgets import dropdown, labelled
from dashboard.data import DashboardData
from dashboard.i18n.messages import plural, text
from dashboard.ids_ideas import (
    IDEA_IMPORT,
    IDEA_IMPORT_MEETING,
    IDEA_IMPORT_RESULT,
    IDEA_IMPORT_UPLOAD,
)
from dashboard.server.language import current_language
from dashboard.server.uploads import decode_upload, limited_upload, shown_name
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError, Problem
from indicators.ideas.files import import_workshop_bytes, localities_by_id
from indicators.ideas.store import IdeaStore


def workshop_import_section(data: DashboardData, language: str | None = None) -> html.Section | None:
    """The section for staff (None for everyone else): choose the meeting, drop the file, read the help."""
    if not can(data.current_user(), Action.RECORD_WORKSHOP_IDEAS):
        return None
    options = [{"label": f"{meeting.date.isoformat()} · {meeting.title}", "value": meeting.id}
               for meeting in data.gw.meetings()]
    return html.Section(
        [
            html.H3(text("idea_import_heading", language), id="idea-import-heading"),
            labelled(text("idea_import_meeting", language), dropdown(
                IDEA_IMPORT_MEETING, language, options=options,
                placeholder=text("idea_import_meeting_placeholder", language)), IDEA_IMPORT_MEETING),
            limited_upload(IDEA_IMPORT_UPLOAD, text("idea_import_drop", language), language),
            html.Div(id=IDEA_IMPORT_RESULT, role="status", **{"aria-live": "polite"}),
            help_note(text("idea_import_help", language), "import-forslag", language),
        ],
        id=IDEA_IMPORT,
        className="form-card",
        **{"aria-labelledby": "idea-import-heading"},
    )


def import_workshop_upload(
    data: DashboardData,
    ideas: IdeaStore,
    contents: str | None,
    filename: str | None,
    meeting_id: object,
    language: str | None = None,
) -> tuple[html.Div | html.P | None, bool]:
    """(the message to show, whether ideas were stored) for one uploaded file."""
    if not contents:
        return None, False
    language = language or current_language()
    shown = shown_name(filename)
    meeting = meeting_id if isinstance(meeting_id, int) and not isinstance(meeting_id, bool) else None
    try:
        name, payload = decode_upload(contents, filename or "")
        shown = name
        report = import_workshop_bytes(
            ideas, data.current_user(), payload, name, localities=localities_by_id(data.localities()),
            meetings=data.gw.meetings(), area_contains=data.area_contains, meeting=meeting,
        )  # fmt: skip
    except PermissionDenied as error:  # the service asks; the section left out for others is no lock
        return _failure(shown, [Problem(shown, error.message)], language), False
    except InputError as error:
        return _failure(shown, error.problems, language), False
    said = plural("idea_import_ok", len(report.ideas), language, file=name)
    return html.P(said, className="notice notice-ok", role="status"), True


def _failure(name: str, problems: Sequence[Problem], language: str) -> html.Div:
    return html.Div(
        [html.P(text("import_failed", language, file=name)), html.Ul([html.Li(p.render(language)) for p in problems])],
        className="notice notice-error",
        role="alert",
    )
