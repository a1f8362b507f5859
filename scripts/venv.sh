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
    pip_install --upgrade pip
}

# pip into .venv, quiet unless it fails (then its whole output is shown).
pip_install() {
    local log
    log=$(mktemp)
    if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}
