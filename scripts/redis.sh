#!/usr/bin/env bash
# Run a local Redis for Harbour's cache with the project's settings (deploy/redis/harbour.conf:
# a memory bound and least-recently-used eviction), from Debian's `redis-server` package.
#
#   scripts/redis.sh start    install (as root, once), start, wait
#   scripts/redis.sh stop     stop the server this script started
#   scripts/redis.sh status   say whether it runs, its version and its memory use
#   scripts/redis.sh url      print the REDIS_URL to use
#
# Settings (environment):
#   REDIS_PORT       default 6380 (beside any system server on 6379)
#   REDIS_MAXMEMORY  default: the config file's (256mb)
#   REDIS_HOME_DIR   default /var/tmp/harbour-redis
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6380}"
REDIS_MAXMEMORY="${REDIS_MAXMEMORY:-}"
REDIS_HOME_DIR="${REDIS_HOME_DIR:-/var/tmp/harbour-redis}"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="$PROJECT_DIR/deploy/redis/harbour.conf"
PID_FILE="$REDIS_HOME_DIR/redis-$REDIS_PORT.pid"
LOG_FILE="$REDIS_HOME_DIR/redis-$REDIS_PORT.log"
URL="redis://127.0.0.1:$REDIS_PORT/0"

SCRIPT_NAME=redis.sh
# shellcheck source=scripts/lib.sh
source "$PROJECT_DIR/scripts/lib.sh"

ensure_installed() {
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
}

is_running() { pid_file_is_running "$PID_FILE"; }

start() {
    ensure_installed
    if is_running; then
        log "already running at $URL (pid $(cat "$PID_FILE"))"
        status
        return
    fi
    mkdir -p "$REDIS_HOME_DIR"
    local extra=()
    [[ -n "$REDIS_MAXMEMORY" ]] && extra+=(--maxmemory "$REDIS_MAXMEMORY")
    log "starting Redis on 127.0.0.1:$REDIS_PORT with $CONFIG ${extra[*]}"
    redis-server "$CONFIG" --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_HOME_DIR" \
        --daemonize yes --pidfile "$PID_FILE" --logfile "$LOG_FILE" "${extra[@]}"
    wait_until 10 "Redis did not answer within 10 s (log: $LOG_FILE)" redis-cli -p "$REDIS_PORT" ping
    status
}

stop() { stop_pid_file "$PID_FILE" 10; }

status() {
    local info
    if ! info="$(redis-cli -p "$REDIS_PORT" info 2>/dev/null)" || [[ -z "$info" ]]; then
        echo "Redis is not answering on 127.0.0.1:$REDIS_PORT"
        return 1
    fi
    local version used limit policy
    version="$(echo "$info" | sed -n 's/^redis_version:\(.*\)\r$/\1/p')"
    used="$(echo "$info" | sed -n 's/^used_memory_human:\(.*\)\r$/\1/p')"
    limit="$(echo "$info" | sed -n 's/^maxmemory_human:\(.*\)\r$/\1/p')"
    policy="$(echo "$info" | sed -n 's/^maxmemory_policy:\(.*\)\r$/\1/p')"
    echo "Redis $version running at $URL ($used used of $limit, $policy)"
}

run_command "$@"
