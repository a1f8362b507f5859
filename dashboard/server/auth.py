"""Sign-in, sessions and CSRF protection for the Flask server behind the Dash app.

Sessions live on the server (``indicators.accounts.sessions``): Flask's signed cookie
(HttpOnly, SameSite=Lax) holds only a random session token and a CSRF token,
and every request that asks who is signed in checks the token's row in the
database. Sign-out, a new password, a deactivation, the idle limit and the
absolute limit end that row, and a copy of the cookie is then worth nothing.
Failed sign-ins are counted per account name and per client address in the
database (``indicators.accounts.sign_in_limits``): they slow down and then lock, and an
attempt that comes too early is refused at once with the time to wait (no
request ever sleeps).

Every state-changing request must prove it comes
from our own page: HTML forms carry the token in a hidden field, and Dash's
callback requests carry it in the ``X-CSRFToken`` header, which the Dash
renderer copies from the readable ``_csrf_token`` cookie (a cross-site page
can neither read that cookie nor set the header). Who may do what is decided
in ``indicators.accounts.auth`` and enforced again by ``indicators.groupwork.service``
on every write, whatever the browser sends.

Behind a reverse proxy every request seems to come from the proxy, so the
per-address limit would lock everyone at once: set ``ALLAS_TRUSTED_PROXIES``
to the number of proxies in front of the app and the client address is taken
from ``X-Forwarded-For`` (werkzeug's ``ProxyFix``). Never set it without a
proxy: clients could then choose their own address.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

import flask
from sqlalchemy import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.templating import render
from indicators.accounts.auth import authenticate
from indicators.accounts.sessions import SessionLimits, SessionStore
from indicators.accounts.sign_in_limits import SignInGuard, SignInPolicy
from indicators.groupwork.records import User
from indicators.observations.import_log import utc_now
from indicators.storage.app_settings import AppSettings, read_settings

CSRF_COOKIE = "_csrf_token"
CSRF_HEADER = "X-CSRFToken"
CSRF_FIELD = "csrf_token"
LOGIN_PATH = "/logga-in"
LOGOUT_PATH = "/logga-ut"
SESSION_TOKEN = "sid"
"""The key of the raw session token in Flask's signed cookie (the database has only its hash)."""
TRUSTED_PROXIES_ENV = "ALLAS_TRUSTED_PROXIES"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_EXTENSION = "allas_auth"
_USER_CACHE = "allas_current_user"


@dataclass
class AuthState:
    """What the request hooks share: the session store, the sign-in guard and where settings come from."""

    sessions: SessionStore
    guard: SignInGuard
    settings: Callable[[], AppSettings]

    def limits(self) -> SessionLimits:
        return SessionLimits.from_settings(self.settings())

    @classmethod
    def on(cls, engine: Engine, clock: Callable[[], datetime] = utc_now) -> AuthState:
        """Everything read from ``engine``'s database, with ``clock`` (tests pass a fake one)."""

        def settings() -> AppSettings:
            return read_settings(engine)

        return cls(
            sessions=SessionStore(engine, clock=clock),
            guard=SignInGuard(engine, clock=clock, policy=lambda: SignInPolicy.from_settings(settings())),
            settings=settings,
        )

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """For tests: move both the sessions and the sign-in counters to another clock."""
        self.sessions.clock = clock
        self.guard.clock = clock


def csrf_token() -> str:
    """The session's token, created on first use."""
    token = flask.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        flask.session[CSRF_FIELD] = token
    return token


def current_user(load_user: Callable[[int], User | None]) -> User | None:
    """The signed-in, still active user of this request, or None (a visitor).

    The session token in the cookie must name a live session in the database
    (not ended, not idle too long, not past its absolute limit); a dead one is
    dropped from the cookie. Looked up once per request.
    """
    if not flask.has_request_context():
        return None
    if _USER_CACHE in flask.g:
        return flask.g.get(_USER_CACHE)
    state: AuthState | None = flask.current_app.extensions.get(_EXTENSION)
    token = flask.session.get(SESSION_TOKEN)
    user = None
    if state is not None and token is not None:
        limits = state.limits()
        flask.current_app.permanent_session_lifetime = limits.absolute
        user_id = state.sessions.resume(token, limits)
        if user_id is None:
            flask.session.pop(SESSION_TOKEN, None)
        else:
            user = load_user(user_id)
    user = user if user is not None and user.active else None
    setattr(flask.g, _USER_CACHE, user)
    return user


def current_session_token() -> str | None:
    """The raw token of this request's session (to keep it when its owner changes their password)."""
    if not flask.has_request_context():
        return None
    token = flask.session.get(SESSION_TOKEN)
    return token if isinstance(token, str) else None


def auth_state(server: flask.Flask) -> AuthState:
    """The sessions and sign-in guard ``register_auth`` installed (tests set its clock through it)."""
    return server.extensions[_EXTENSION]


def trusted_proxies(environ: Mapping[str, str] | None = None) -> int:
    """``ALLAS_TRUSTED_PROXIES`` as a count (0 when unset); anything but a small whole number is refused."""
    raw = (os.environ if environ is None else environ).get(TRUSTED_PROXIES_ENV, "").strip()
    if not raw:
        return 0
    if not raw.isdigit() or int(raw) > 10:
        raise ValueError(text("trusted_proxies_invalid", name=TRUSTED_PROXIES_ENV, value=raw))
    return int(raw)


def _token_ok(sent: str | None) -> bool:
    expected = flask.session.get(CSRF_FIELD)
    return bool(expected and sent and hmac.compare_digest(expected, sent))


def register_auth(
    server: flask.Flask,
    *,
    secret_key: str,
    secure_cookies: bool,
    find_user: Callable[[str], User | None],
    load_user: Callable[[int], User | None],
    engine: Engine,
    on_sign_in: Callable[[User], None] = lambda user: None,
    upgrade_hash: Callable[[User, str], object] = lambda user, password: None,
    clock: Callable[[], datetime] = utc_now,
    proxies: int = 0,
) -> None:
    """Session settings, the CSRF guard, and the sign-in and sign-out routes.

    Sessions and failed sign-in counters are kept in ``engine``'s database.
    ``proxies`` > 0 trusts that many reverse proxies' ``X-Forwarded-*``
    headers for the client address (see the module's docstring).
    ``upgrade_hash(user, password)`` runs after every successful sign-in, the
    one moment the password is known, to rewrite an old-format hash
    (``indicators.groupwork.service.upgrade_password_hash``).
    """
    state = AuthState.on(engine, clock)
    server.extensions[_EXTENSION] = state
    if proxies:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    server.config.update(
        SECRET_KEY=secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_NAME="allas_session",
        # The cookie expires with the absolute limit too (refreshed whenever a session is checked);
        # the limit that counts is the one checked on the server.
        PERMANENT_SESSION_LIFETIME=state.limits().absolute,
    )

    @server.before_request
    def _guard_state_changes():
        if flask.request.method in _SAFE_METHODS:
            return None
        sent = flask.request.headers.get(CSRF_HEADER) or flask.request.form.get(CSRF_FIELD)
        if not _token_ok(sent):
            return flask.Response(text("csrf_failed"), status=403, mimetype="text/plain; charset=utf-8")
        return None

    @server.after_request
    def _csrf_cookie(response: flask.Response) -> flask.Response:
        response.set_cookie(CSRF_COOKIE, csrf_token(), samesite="Strict", secure=secure_cookies, httponly=False)
        return response

    @server.route(LOGIN_PATH, methods=["GET", "POST"])
    def _login():
        error, status, headers = "", 200, {}
        if flask.request.method == "POST":
            username = flask.request.form.get("username", "")
            password = flask.request.form.get("password", "")
            address = flask.request.remote_addr
            # Refused before the password is looked at: a locked name stays locked with the right password.
            refusal = state.guard.check(username, address)
            if refusal is None:
                user = authenticate(find_user, username.strip(), password)
                if user is not None and user.id is not None:
                    state.guard.succeeded(username)
                    upgrade_hash(user, password)
                    limits = state.limits()
                    token = state.sessions.start(user.id, limits)
                    flask.session.clear()  # a fresh session on sign-in: no fixation
                    flask.session[SESSION_TOKEN] = token
                    flask.session.permanent = True
                    server.permanent_session_lifetime = limits.absolute
                    flask.g.pop(_USER_CACHE, None)
                    csrf_token()
                    on_sign_in(user)
                    return flask.redirect(safe_next(flask.request.args.get("next")))
                wait = state.guard.failed(username, address)
                error = text("login_failed")
                if wait is not None:
                    error = f"{error} {wait.message.render(current_language())}"
            else:
                error, status = refusal.message.render(current_language()), 429
                headers["Retry-After"] = str(refusal.seconds)
        page = _login_page(error, flask.request.form.get("username", ""))
        return flask.Response(page, status=status, headers=headers, mimetype="text/html")

    @server.route(LOGOUT_PATH, methods=["POST"])
    def _logout():
        state.sessions.end(flask.session.get(SESSION_TOKEN))
        flask.session.clear()
        flask.g.pop(_USER_CACHE, None)
        return flask.redirect("/")


def safe_next(target: str | None) -> str:
    """Only paths on this site: a sign-in link must not bounce people elsewhere.

    Browsers read a backslash as a slash and drop tabs and line breaks from a URL, so
    ``/\\evil.example`` and ``/<tab>/evil.example`` would become ``//evil.example``, another site:
    such targets are refused along with absolute and scheme-relative URLs.
    """
    if not target:
        return "/"
    if "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _login_page(error: str, username: str) -> str:
    """The sign-in form; the typed name and the error are template variables, escaped by the template."""
    return render("login.html", lang=current_language(), title=text("login_title"), app_title=text("app_title"),
                  error=error, csrf_field=CSRF_FIELD, csrf_token=csrf_token(), username=username,
                  username_label=text("login_username"), password_label=text("login_password"),
                  submit=text("login_submit"), back=text("login_back"))
