# Sourced by test.sh: a throwaway PostgreSQL server for the storage tests.
#
#   ensure_postgres   install Debian's postgresql when the server programs are
#                     missing and we are root; start a new cluster in a temporary
#                     folder on a free loopback port; create a role and a database;
#                     export TEST_POSTGRES_URL. Does nothing when TEST_POSTGRES_URL
#                     is already set (a server of your own). Registers
#                     stop_postgres on EXIT unless an EXIT trap is already set.
#   stop_postgres     stop that server and remove its folder.
#
# Without the server programs and without root it warns and returns 0: the
# PostgreSQL tests then skip locally, and fail under CI=true.

_PG_DIR=""
_PG_BIN=""
_PG_RUN_AS=""

# The newest server's bin folder (Debian keeps them off PATH), or initdb's folder on PATH.
_postgres_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

# Run a server program as the cluster's owner: the postgres user when we are
# root (the server refuses to run as root), ourselves otherwise.
_pg_as_owner() {
    if [ -n "$_PG_RUN_AS" ]; then
        runuser -u "$_PG_RUN_AS" -- "$@"
    else
        "$@"
    fi
}

_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ensure_postgres() {
    if [ -n "${TEST_POSTGRES_URL:-}" ]; then
        echo "PostgreSQL for the tests: TEST_POSTGRES_URL is already set, using that server."
        return 0
    fi
    if ! _PG_BIN=$(_postgres_bindir); then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing Debian's postgresql for the storage tests..."
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
            _PG_BIN=$(_postgres_bindir)
        else
            echo "PostgreSQL server programs missing and not root: the PostgreSQL tests will be skipped (sudo apt-get install postgresql)." >&2
            return 0
        fi
    fi

    if [ "$(id -u)" = 0 ]; then
        _PG_RUN_AS=postgres
    fi
    _PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/allas-postgres.XXXXXX")
    if [ -n "$_PG_RUN_AS" ]; then
        chown "$_PG_RUN_AS" "$_PG_DIR"
    fi
    local port password=allas-test role=allas_test database=allas_test
    port=$(_pg_free_port)
    echo "$password" >"$_PG_DIR/pwfile"
    chmod 600 "$_PG_DIR/pwfile"
    if [ -n "$_PG_RUN_AS" ]; then
        chown "$_PG_RUN_AS" "$_PG_DIR/pwfile"
    fi

    # Local socket: trust (only the owner can reach the folder); TCP: password.
    if ! _pg_as_owner "$_PG_BIN/initdb" -D "$_PG_DIR/data" -U postgres --pwfile="$_PG_DIR/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale \
        >"$_PG_DIR/initdb.log" 2>&1; then
        cat "$_PG_DIR/initdb.log" >&2
        return 1
    fi
    # Loopback only; durability off, since the cluster is thrown away after the run.
    if ! _pg_as_owner "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        cat "$_PG_DIR/server.log" >&2
        return 1
    fi
    if [ -z "$(trap -p EXIT)" ]; then
        trap stop_postgres EXIT
    fi
    local psql="$_PG_BIN/psql"
    [ -x "$psql" ] || psql=psql
    _pg_as_owner "$psql" -q -h "$_PG_DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE $role LOGIN PASSWORD '$password'" \
        -c "CREATE DATABASE $database OWNER $role" >/dev/null
    export TEST_POSTGRES_URL="postgresql+psycopg://$role:$password@127.0.0.1:$port/$database"
    echo "PostgreSQL for the tests on 127.0.0.1:$port ($("$_PG_BIN/postgres" --version))."
}

stop_postgres() {
    if [ -n "$_PG_DIR" ] && [ -d "$_PG_DIR/data" ]; then
        _pg_as_owner "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$_PG_DIR" ]; then
        rm -rf "$_PG_DIR"
    fi
    _PG_DIR=""
}
