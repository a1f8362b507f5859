#!/usr/bin/env bash
# Install the project into .venv (created on first use) and start the dashboard
# at http://127.0.0.1:8050 on its embedded default data. Extra arguments go to
# `python -m dashboard` (see `bash scripts/run.sh --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv
echo "Installing the dashboard into .venv ..."
pip_install -e .
exec .venv/bin/python -m dashboard "$@"
