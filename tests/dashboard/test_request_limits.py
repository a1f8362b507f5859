"""Bounded requests and safe upload names.

A body larger than ``max_request_mb`` is refused with 413 before anything reads
it — said with a Content-Length, or sent chunked without one — on Dash's
callback route as on every other, and the answer says the limit in the page's
language. The upload areas give the browser the file limit that fits in such a
request and say it. Upload names that point at folders, hold control
characters, are empty or too long get a message naming the problem, through
the callbacks as plain functions and over HTTP.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import socket
import threading
from collections.abc import Iterator
from http.cookies import SimpleCookie

import pytest
from werkzeug.serving import make_server

from dashboard import ids
from dashboard.app import create_app
from dashboard.cli import _settings, build_parser
from dashboard.pages.importing import handle_upload, import_page
from dashboard.server.request_limits import (
    MB,
    LimitSettingError,
    max_request_mb_from_env,
    max_upload_bytes,
    parse_max_request_mb,
)
from dashboard.server.settings import DEFAULT_MAX_REQUEST_MB, Settings
from dashboard.server.uploads import (
    MAX_NAME_LENGTH,
    decode_upload,
    name_problem,
    shown_name,
)
from dashboard.views.groups import import_upload
from indicators.core.errors import InputError
from indicators.groupwork import service
from indicators.groupwork.store import GroupworkStore
from tests.dashboard.dash_http import DashClient
from tests.dashboard.helpers import find, texts

ADMIN_PASSWORD = "admin-lösenord-1"
CSV = b"indicator_id,locality_id,year,value,source\nbroadband_100,tuna,2024,80,PTS\n"
BAD_NAMES = {
    "..": "..",
    "../../etc/passwd.csv": "..",
    "mapp/fil.csv": "/",
    "C:\\Users\\anna\\fil.csv": "\\",
    "fil\x00.csv": "styrtecken",
    "fil\n.csv": "styrtecken",
    "\u202ecod.csv": "styrtecken",  # right-to-left override: a name that shows something else
    "": "inget namn",
    "   ": "inget namn",
    "a" * 252 + ".csv": f"högst {MAX_NAME_LENGTH} tecken",
    "å" * 130 + ".csv": f"högst {MAX_NAME_LENGTH} tecken",  # 264 bytes in UTF-8: too long for the file system
}


def _data_url(payload: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64," + base64.b64encode(payload).decode()


def _app(store, database_url: str, max_request_mb: int = DEFAULT_MAX_REQUEST_MB):
    settings = Settings(database_url=database_url, secret_key="test-secret", max_request_mb=max_request_mb)
    return create_app(settings, store=store)


@pytest.fixture
def admin_client(store, database_url) -> Iterator[tuple]:
    service.bootstrap_admin(GroupworkStore(store), "admin", ADMIN_PASSWORD)

    def signed_in(max_request_mb: int = DEFAULT_MAX_REQUEST_MB) -> DashClient:
        client = DashClient(_app(store, database_url, max_request_mb))
        client.sign_in("admin", ADMIN_PASSWORD)
        return client

    return signed_in


# ---------------------------------------------------------------- the setting


def test_the_limit_comes_from_the_flag_then_the_environment_then_the_default(monkeypatch):
    monkeypatch.delenv("ALLAS_MAX_REQUEST_MB", raising=False)
    assert _settings(build_parser().parse_args([])).max_request_mb == DEFAULT_MAX_REQUEST_MB == 25
    monkeypatch.setenv("ALLAS_MAX_REQUEST_MB", "40")
    assert _settings(build_parser().parse_args([])).max_request_mb == 40
    assert _settings(build_parser().parse_args(["--max-request-mb", "7"])).max_request_mb == 7
    assert _settings(build_parser(serve=True).parse_args(["--max-request-mb", "9"])).max_request_mb == 9


@pytest.mark.parametrize("value", ["0", "-3", "tjugo", "2.5", "5000"])
def test_a_wrong_limit_is_refused_in_words(value, capsys):
    with pytest.raises(LimitSettingError, match="ALLAS_MAX_REQUEST_MB ska vara ett helt antal MB"):
        max_request_mb_from_env({"ALLAS_MAX_REQUEST_MB": value})
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--max-request-mb", value])
    assert "--max-request-mb ska vara ett helt antal MB från 1 till 1024" in capsys.readouterr().err
    assert parse_max_request_mb(" 30 ") == 30


def test_the_file_limit_leaves_room_for_base64_and_the_rest_of_the_request():
    for mb in (1, 25, 100):
        size = max_upload_bytes(mb * MB)
        encoded = len(_data_url(b"x" * size))
        assert encoded < mb * MB - 200_000  # the JSON and the other callback values still fit
    assert round(max_upload_bytes(25 * MB) / MB, 2) == 18.56


# ---------------------------------------------------------------- 413 before parsing


class _RecordingStream(io.BytesIO):
    """A request body that counts what the server read of it."""

    bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self.bytes_read += len(data)
        return data


def test_a_200_mb_callback_body_is_refused_before_it_is_read(store, database_url):
    client = DashClient(_app(store, database_url))  # anonymous, with the CSRF token any visitor gets
    body = _RecordingStream(b"{" + b" " * 10_000)
    response = client.client.post("/_dash-update-component", content_type="application/json",
                                  headers={"X-CSRFToken": client.csrf},
                                  environ_overrides={"CONTENT_LENGTH": str(200 * MB), "wsgi.input": body})
    assert response.status_code == 413
    assert body.bytes_read == 0
    body = response.get_json()
    assert body["limit_bytes"] == 25 * MB
    assert "högst 25 MB" in body["message"] and "högst 18,5 MB" in body["message"]
    assert response.headers["Connection"] == "close"


def test_the_refusal_is_in_english_on_an_english_page_and_html_for_a_browser(store, database_url):
    client = DashClient(_app(store, database_url, max_request_mb=2))
    client.client.set_cookie("lang", "en")
    response = client.client.post("/logga-in", data=b"username=x", content_type="application/x-www-form-urlencoded",
                                  headers={"Accept": "text/html"},
                                  environ_overrides={"CONTENT_LENGTH": str(200 * MB)})
    assert response.status_code == 413
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<html lang="en">' in page and "at most 2 MB at a time" in page


def test_a_body_within_the_limit_is_read_as_before(store, database_url):
    client = DashClient(_app(store, database_url, max_request_mb=1))
    response = client.call("compare-url.search", {"compare-url.search": "?orter=tuna,storebro"})
    assert response.status_code in (200, 204)


def test_a_file_just_under_the_upload_limit_goes_through_and_one_over_is_refused(admin_client):
    client = admin_client(max_request_mb=1)
    size = max_upload_bytes(1 * MB)
    fits = CSV + b"#" * (size - len(CSV))
    response = client.call(f"{ids.UPLOAD}.contents", {f"{ids.UPLOAD}.contents": _data_url(fits),
                                                      f"{ids.UPLOAD}.filename": "stor.csv"})
    assert response.status_code == 200  # read and answered (the import itself may find problems)
    assert "stor.csv" in json.dumps(response.get_json(), ensure_ascii=False)
    too_big = b"#" * (1 * MB)
    response = client.call(f"{ids.UPLOAD}.contents", {f"{ids.UPLOAD}.contents": _data_url(too_big),
                                                      f"{ids.UPLOAD}.filename": "for-stor.csv"})
    assert response.status_code == 413


@pytest.fixture
def small_limit_server(store, database_url) -> Iterator[int]:
    """The app with a 1 MB limit behind werkzeug's real HTTP server; yields its port."""
    app = _app(store, database_url, max_request_mb=1)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=10)


def _visitor_headers(port: int) -> str:
    """The cookie and CSRF header an anonymous visitor has after opening the page, as header lines."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/")
    response = connection.getresponse()
    response.read()
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    connection.close()
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    return f"Cookie: {cookie}\r\nX-CSRFToken: {cookies['_csrf_token'].value}\r\n"


def _raw_post(port: int, headers: str, chunks: Iterator[bytes]) -> bytes:
    """Send a request by hand as a visitor and return the response; the server may answer and close early."""
    headers = headers.replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\n" + _visitor_headers(port), 1)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(headers.encode("ascii"))
        try:
            for chunk in chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused while we were still sending: what should happen
        received = b""
        try:
            while data := sock.recv(65536):
                received += data
        except (ConnectionResetError, TimeoutError):
            if not received:
                raise
        return received


def test_over_http_a_declared_200_mb_body_is_refused_without_reading_it(small_limit_server):
    headers = (f"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Content-Type: application/json\r\nContent-Length: {200 * MB}\r\nConnection: close\r\n\r\n")
    response = _raw_post(small_limit_server, headers, iter([b"{" + b" " * 1000]))
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    message = json.loads(response.split(b"\r\n\r\n", 1)[1])["message"]
    assert "högst 1 MB åt gången" in message and "högst 0,5 MB" in message


def test_over_http_a_chunked_body_without_length_is_cut_off_at_the_limit(small_limit_server):
    """No Content-Length: werkzeug reads through a stream that stops at the limit."""
    headers = ("POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    piece = b" " * 65536

    def chunks() -> Iterator[bytes]:
        yield b"1\r\n{\r\n"
        for _ in range(3 * 16):  # 3 MB in 64 KB chunks
            yield b"%x\r\n%s\r\n" % (len(piece), piece)
        yield b"0\r\n\r\n"

    response = _raw_post(small_limit_server, headers, chunks())
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    message = json.loads(response.split(b"\r\n\r\n", 1)[1])["message"]
    assert "högst 1 MB åt gången" in message and "högst 0,5 MB" in message


# ---------------------------------------------------------------- the pages say the limit


def test_the_import_page_states_the_limit_and_gives_it_to_the_browser(dashboard_data, monkeypatch):
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    page = import_page(dashboard_data, "sv")
    upload = find(page, ids.UPLOAD)
    assert upload.max_size == max_upload_bytes(DEFAULT_MAX_REQUEST_MB * MB)
    assert "Filen får vara högst 18,5 MB." in texts(page)


def test_the_pages_use_the_servers_limit(store, database_url):
    app = _app(store, database_url, max_request_mb=5)
    client = app.server.test_client()
    client.get("/")
    with app.server.test_request_context("/"):
        from dashboard.data import DashboardData
        from dashboard.pages.groups import groups_page

        upload = find(groups_page(DashboardData(store), "en"), ids.GW_UPLOAD)
    assert upload.max_size == max_upload_bytes(5 * MB)


# ---------------------------------------------------------------- upload names


@pytest.mark.parametrize("name", list(BAD_NAMES))
def test_a_bad_upload_name_is_refused_naming_the_problem(name):
    with pytest.raises(InputError) as refused:
        decode_upload(_data_url(CSV), name)
    [problem] = refused.value.problems
    assert BAD_NAMES[name] in problem.message
    assert "\x00" not in str(problem) and "\n" not in str(problem) and len(problem.file) <= 80
    assert problem.render("en") != str(problem)  # English too


@pytest.mark.parametrize("name", ["bredband 2024.csv", "Värden (kopia).xlsx", "a" * 251 + ".csv", ".csv",
                                  "kolada-vimmerby.json"])
def test_ordinary_names_are_kept_as_they_are(name):
    assert name_problem(name) is None
    assert decode_upload(_data_url(CSV), name) == (name, CSV)


def test_shown_names_are_visible_and_short():
    assert shown_name("a\x00b") == "a\ufffdb"
    assert len(shown_name("x" * 300)) == 80
    assert shown_name(None) == "–"


@pytest.mark.parametrize("name", list(BAD_NAMES))
def test_the_import_callback_answers_a_bad_name_in_words(dashboard_data, monkeypatch, name):
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    before = dashboard_data.store.import_log()
    result, _log = handle_upload(dashboard_data, _data_url(CSV), name, "sv")
    assert "notice-error" in result.className
    assert BAD_NAMES[name] in texts(result)
    assert dashboard_data.store.import_log() == before


@pytest.mark.parametrize("name", ["../aktiviteter.csv", "akt\x00.csv", "x" * 300])
def test_the_groups_upload_answers_a_bad_name_in_words(dashboard_data, monkeypatch, name):
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    message, changed = import_upload(dashboard_data, _data_url(b"locality_id,date,kind,title\n"), name)
    assert not changed
    assert "filnamnet" in texts(message)


@pytest.mark.parametrize("name", ["../../x.csv", "fil\x00.csv", "b" * 300 + ".csv", ""])
def test_over_http_bad_names_get_a_message_not_a_server_error(admin_client, name):
    client = admin_client()
    response = client.call(f"{ids.UPLOAD}.contents", {f"{ids.UPLOAD}.contents": _data_url(CSV),
                                                      f"{ids.UPLOAD}.filename": name})
    assert response.status_code == 200
    shown = json.dumps(response.get_json(), ensure_ascii=False)
    assert "notice-error" in shown and ("filnamnet" in shown or "inget namn" in shown)
    response = client.call(f"{ids.GW_UPLOAD}.contents", {f"{ids.GW_UPLOAD}.contents": _data_url(CSV),
                                                         f"{ids.GW_UPLOAD}.filename": name})
    assert response.status_code == 200
    shown = json.dumps(response.get_json(), ensure_ascii=False)
    assert "filnamnet" in shown or "inget namn" in shown
