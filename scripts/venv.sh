# Shared by run.sh and test.sh: make sure .venv exists, installing Debian's
# python3-venv first when it is missing and we are root (a fresh Debian box).
ensure_venv() {
    local python=${PYTHON:-python3}
    if [ -x .venv/bin/python ]; then
        return 0
    fi
    if ! "$python" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
            "$python" -m venv .venv
        else
            echo "Could not create a virtual environment: install python3-venv (sudo apt-get install python3-venv)." >&2
            exit 1
        fi
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
}
