#!/usr/bin/env bash
# Run a throwaway PostgreSQL server for tests and benchmarks, from Debian's packages.
#
#   scripts/postgres.sh start    install (as root, once), initialise (once), start, create the database
#   scripts/postgres.sh stop     stop it
#   scripts/postgres.sh status   say whether it runs, and its version
#   scripts/postgres.sh url      print the DATABASE_URL to use
#
# Settings (environment):
#   PG_PORT      default 5433 (beside any system server on 5432)
#   PG_DATABASE  default harbour
#   PG_HOME_DIR  default /var/tmp/harbour-postgres
#   PG_FAST      1 turns off fsync and synchronous commit: faster tests, no crash safety
set -euo pipefail

PG_PORT="${PG_PORT:-5433}"
PG_DATABASE="${PG_DATABASE:-harbour}"
PG_HOME_DIR="${PG_HOME_DIR:-/var/tmp/harbour-postgres}"
PG_FAST="${PG_FAST:-0}"
DATA_DIR="$PG_HOME_DIR/data-$PG_PORT"
LOG_FILE="$PG_HOME_DIR/postgres-$PG_PORT.log"
URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DATABASE"

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT_NAME=postgres.sh
# shellcheck source=scripts/lib.sh
source "$PROJECT_DIR/scripts/lib.sh"

bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$dir" ]]; then
        apt_install postgresql
        dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
    echo "$dir"
}

as_postgres() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    local bin="$1"
    [[ -f "$DATA_DIR/PG_VERSION" ]] && as_postgres "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

start() {
    local bin
    bin="$(bin_dir)"
    if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
        mkdir -p "$PG_HOME_DIR"
        chown postgres "$PG_HOME_DIR"
    else
        mkdir -p "$PG_HOME_DIR"
    fi
    if ! [[ -f "$DATA_DIR/PG_VERSION" ]]; then
        log "initialising a cluster in $DATA_DIR"
        as_postgres "$bin/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if ! is_running "$bin"; then
        local options="-p $PG_PORT -k $PG_HOME_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
        if [[ "$PG_FAST" == 1 ]]; then
            options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        fi
        log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
        as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "$options" -w -t 60 start >/dev/null ||
            { tail -n 20 "$LOG_FILE" >&2; die "PostgreSQL did not start"; }
    fi
    if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1; then
        "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DATABASE"
    fi
    status
}

stop() {
    local bin
    bin="$(bin_dir)"
    if is_running "$bin"; then
        as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
        log "stopped"
    else
        log "not running on port $PG_PORT"
    fi
}

status() {
    local bin version
    bin="$(bin_dir)"
    version="$("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'SHOW server_version' 2>/dev/null || true)"
    if [[ -n "$version" ]]; then
        echo "PostgreSQL $version running at $URL"
    else
        echo "PostgreSQL is not answering on 127.0.0.1:$PG_PORT"
        return 1
    fi
}

run_command "$@"
