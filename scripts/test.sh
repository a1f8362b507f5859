#!/usr/bin/env bash
# Install everything the tests need (Debian's chromium + chromium-driver when
# missing and we are root; the project with its test extras in .venv) and run
# the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's chromium and chromium-driver for the browser tests..."
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        echo "chromium/chromedriver missing and not root: browser tests will be skipped (sudo apt-get install chromium chromium-driver)." >&2
    fi
fi

# poppler-utils lets the export tests turn the PDF report into page images.
if ! command -v pdftoppm >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

ensure_venv
pip_install -e '.[test]'

# A throwaway PostgreSQL server (installed when missing and root) for the storage tests.
source scripts/postgres.sh
ensure_postgres

set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure, not a pass." >&2
    exit 1
fi
exit "$status"
