"""Sign-in, sessions and CSRF protection for the Flask server behind the Dash app.

Sessions are Flask's signed cookie (HttpOnly, SameSite=Lax) holding only the
user id and a CSRF token. Every state-changing request must prove it comes
from our own page: HTML forms carry the token in a hidden field, and Dash's
callback requests carry it in the ``X-CSRFToken`` header, which the Dash
renderer copies from the readable ``_csrf_token`` cookie (a cross-site page
can neither read that cookie nor set the header). Who may do what is decided
in ``indicators.auth`` and enforced again by ``indicators.groupwork_service``
on every write, whatever the browser sends.
"""

from __future__ import annotations

import hmac
import html
import secrets
from collections.abc import Callable
from urllib.parse import urlparse

import flask

from dashboard.language import current_language
from dashboard.messages import text
from indicators.auth import authenticate
from indicators.groupwork import User

CSRF_COOKIE = "_csrf_token"
CSRF_HEADER = "X-CSRFToken"
CSRF_FIELD = "csrf_token"
LOGIN_PATH = "/logga-in"
LOGOUT_PATH = "/logga-ut"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def csrf_token() -> str:
    """The session's token, created on first use."""
    token = flask.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        flask.session[CSRF_FIELD] = token
    return token


def current_user(load_user: Callable[[int], User | None]) -> User | None:
    """The signed-in, still active user of this request, or None (a visitor)."""
    if not flask.has_request_context():
        return None
    user_id = flask.session.get("user_id")
    if user_id is None:
        return None
    user = load_user(user_id)
    return user if user is not None and user.active else None


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
    on_sign_in: Callable[[User], None] = lambda user: None,
    on_failed_sign_in: Callable[[str], None] = lambda username: None,
) -> None:
    """Session settings, the CSRF guard, and the sign-in and sign-out routes."""
    server.config.update(
        SECRET_KEY=secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_NAME="allas_session",
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
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @server.route(LOGIN_PATH, methods=["GET", "POST"])
    def _login():
        error = ""
        if flask.request.method == "POST":
            username = flask.request.form.get("username", "").strip()
            password = flask.request.form.get("password", "")
            user = authenticate(find_user, username, password)
            if user is not None:
                flask.session.clear()  # a fresh session on sign-in: no fixation
                flask.session["user_id"] = user.id
                csrf_token()
                on_sign_in(user)
                return flask.redirect(safe_next(flask.request.args.get("next")))
            on_failed_sign_in(username)
            error = text("login_failed")
        return flask.Response(_login_page(error, flask.request.form.get("username", "")), mimetype="text/html")

    @server.route(LOGOUT_PATH, methods=["POST"])
    def _logout():
        flask.session.clear()
        return flask.redirect("/")


def safe_next(target: str | None) -> str:
    """Only paths on this site: a sign-in link must not bounce people elsewhere."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _login_page(error: str, username: str) -> str:
    message = f'<p class="notice notice-error" role="alert">{html.escape(error)}</p>' if error else ""
    return f"""<!DOCTYPE html>
<html lang="{current_language()}"><head><meta charset="utf-8"><title>{html.escape(text("login_title"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/style.css"></head>
<body><div class="app narrow-page login-page">
<header class="app-header"><div><h1>{html.escape(text("app_title"))}</h1></div></header>
<main><h2>{html.escape(text("login_title"))}</h2>{message}
<form method="post" class="login-form">
<input type="hidden" name="{CSRF_FIELD}" value="{html.escape(csrf_token())}">
<label for="username">{html.escape(text("login_username"))}</label>
<input id="username" name="username" autocomplete="username" required value="{html.escape(username)}">
<label for="password">{html.escape(text("login_password"))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="button">{html.escape(text("login_submit"))}</button>
</form>
<p><a href="/">{html.escape(text("login_back"))}</a></p></main></div></body></html>"""
