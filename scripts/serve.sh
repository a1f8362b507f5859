#!/usr/bin/env bash
# Install the project into .venv (created on first use) and start the
# production server: gunicorn with 2 worker processes (--workers N or
# WEB_CONCURRENCY) at http://127.0.0.1:8050. Extra arguments go to
# `python -m dashboard serve` (see `bash scripts/serve.sh --help`).
# For a real deployment set DATABASE_URL (PostgreSQL) and DASHBOARD_SECRET_KEY,
# and put it behind a reverse proxy with TLS (README, "Running it for real").
set -euo pipefail
# run.sh installs and hands its arguments to `python -m dashboard`; "serve" picks the production server.
exec bash "$(dirname "$0")/run.sh" serve "$@"
