"""The groups page tells how a file is read only to someone who can upload one.

A visitor sees the Excel download but no upload, so "Varje fil sparas helt eller inte alls" would
describe something they cannot do.
"""

from __future__ import annotations

from dashboard.pages.groups import groups_page
from indicators.groupwork import service as gw_service
from tests.dashboard.helpers import texts

FILES_NOTE = "Varje fil sparas helt eller inte alls."


def test_a_visitor_gets_the_download_without_the_upload_note(dashboard_data, monkeypatch):
    monkeypatch.setattr(dashboard_data, "current_user", lambda: None)
    page = texts(groups_page(dashboard_data, "sv"))
    assert "Ladda ner aktiviteter och initiativ (Excel)" in page
    assert FILES_NOTE not in page


def test_a_signed_in_editor_gets_the_upload_note(dashboard_data, monkeypatch):
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    assert FILES_NOTE in texts(groups_page(dashboard_data, "sv"))
