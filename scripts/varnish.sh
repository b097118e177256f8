#!/usr/bin/env bash
# Run Varnish in front of gunicorn with Harbour's VCL (deploy/varnish/harbour.vcl), from
# Debian's `varnish` package: for the load test, the tests and a single-machine deployment.
#
#   scripts/varnish.sh start    install (as root, once), write harbour-site.vcl, start, wait
#   scripts/varnish.sh stop     stop the instance this script started
#   scripts/varnish.sh status   say whether it runs, its version and its backend's health
#   scripts/varnish.sh url      print the URL visitors use (and FRONTEND_CACHE_PURGE_URL)
#
# Settings (environment):
#   VARNISH_PORT         default 6081: where visitors connect
#   VARNISH_BACKEND      default 127.0.0.1:8000: where gunicorn listens
#   VARNISH_PROBE_HOST   default localhost: the Host header of the health probe (in ALLOWED_HOSTS)
#   VARNISH_MEMORY       default 256m: the cache's size (-s malloc); least recently used goes first
#   VARNISH_GRACE        default 3600s: how long a kept page is served while the app is down
#   VARNISH_PURGERS      default "127.0.0.1; ::1": addresses allowed to PURGE and BAN (the app servers)
#   VARNISH_HOME_DIR     default /var/tmp/harbour-varnish: the instance's working files
set -euo pipefail

VARNISH_PORT="${VARNISH_PORT:-6081}"
VARNISH_BACKEND="${VARNISH_BACKEND:-127.0.0.1:8000}"
VARNISH_PROBE_HOST="${VARNISH_PROBE_HOST:-localhost}"
VARNISH_MEMORY="${VARNISH_MEMORY:-256m}"
VARNISH_GRACE="${VARNISH_GRACE:-3600s}"
VARNISH_PURGERS="${VARNISH_PURGERS:-127.0.0.1; ::1}"
VARNISH_HOME_DIR="${VARNISH_HOME_DIR:-/var/tmp/harbour-varnish}"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VCL_DIR="$PROJECT_DIR/deploy/varnish"
INSTANCE_DIR="$VARNISH_HOME_DIR/instance-$VARNISH_PORT"
SITE_VCL_DIR="$VARNISH_HOME_DIR/vcl-$VARNISH_PORT"
PID_FILE="$VARNISH_HOME_DIR/varnishd-$VARNISH_PORT.pid"
URL="http://127.0.0.1:$VARNISH_PORT"

SCRIPT_NAME=varnish.sh
# shellcheck source=scripts/lib.sh
source "$PROJECT_DIR/scripts/lib.sh"

ensure_installed() {
    command -v varnishd >/dev/null 2>&1 || [[ -x /usr/sbin/varnishd ]] || apt_install varnish
}

varnishd_bin() { command -v varnishd 2>/dev/null || echo /usr/sbin/varnishd; }

is_running() { pid_file_is_running "$PID_FILE"; }

write_site_vcl() {
    local host="${VARNISH_BACKEND%:*}" port="${VARNISH_BACKEND##*:}" acl="" address
    IFS=';' read -ra addresses <<<"$VARNISH_PURGERS"
    for address in "${addresses[@]}"; do
        address="$(echo "$address" | xargs)"
        [[ -n "$address" ]] && acl+="    \"$address\";"$'\n'
    done
    mkdir -p "$SITE_VCL_DIR"
    cat >"$SITE_VCL_DIR/harbour-site.vcl" <<VCL
# Written by scripts/varnish.sh: what deploy/varnish/harbour.vcl needs to know about this machine.
backend default {
    .host = "$host";
    .port = "$port";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # /healthz/live/ is 200 while the app can serve pages (503 when its database is down).
    .probe = {
        .request = "GET /healthz/live/ HTTP/1.1"
                   "Host: $VARNISH_PROBE_HOST"
                   "Connection: close"
                   "User-Agent: Varnish health probe";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

acl purgers {
$acl}

sub harbour_grace {
    set beresp.grace = $VARNISH_GRACE;
}
VCL
}

start() {
    ensure_installed
    if is_running; then
        log "already running at $URL (pid $(cat "$PID_FILE"))"
        status
        return
    fi
    mkdir -p "$VARNISH_HOME_DIR" "$INSTANCE_DIR"
    write_site_vcl
    log "checking the VCL: $VCL_DIR/harbour.vcl with $SITE_VCL_DIR/harbour-site.vcl"
    "$(varnishd_bin)" -C -n "$INSTANCE_DIR" -p vcl_path="$SITE_VCL_DIR:$VCL_DIR" \
        -f "$VCL_DIR/harbour.vcl" >/dev/null 2>"$VARNISH_HOME_DIR/vcl-check-$VARNISH_PORT.log" ||
        { cat "$VARNISH_HOME_DIR/vcl-check-$VARNISH_PORT.log" >&2; die "the VCL does not compile"; }
    log "starting Varnish on $URL in front of $VARNISH_BACKEND (malloc $VARNISH_MEMORY, grace $VARNISH_GRACE)"
    # -t 0: a response without Cache-Control is not kept (Django marks what may be).
    "$(varnishd_bin)" \
        -a "127.0.0.1:$VARNISH_PORT" \
        -n "$INSTANCE_DIR" \
        -P "$PID_FILE" \
        -p vcl_path="$SITE_VCL_DIR:$VCL_DIR" \
        -f "$VCL_DIR/harbour.vcl" \
        -s "malloc,$VARNISH_MEMORY" \
        -t 0 \
        -p ban_lurker_sleep=0.01 \
        -T 127.0.0.1:0 \
        >"$VARNISH_HOME_DIR/varnishd-$VARNISH_PORT.log" 2>&1 ||
        { cat "$VARNISH_HOME_DIR/varnishd-$VARNISH_PORT.log" >&2; die "Varnish did not start"; }
    wait_until 10 "Varnish did not answer on $URL within 10 s" \
        curl -s -o /dev/null --max-time 2 "$URL/healthz/live/"
    status
}

stop() { stop_pid_file "$PID_FILE" 10; }

status() {
    if ! is_running; then
        echo "Varnish is not running on 127.0.0.1:$VARNISH_PORT"
        return 1
    fi
    local version health
    version="$("$(varnishd_bin)" -V 2>&1 | sed -n 's/.*(varnish-\([^ ]*\) .*/\1/p')"
    # backend.list: name, admin state, probe results, health, last change
    health="$(varnishadm -n "$INSTANCE_DIR" backend.list 2>/dev/null | awk 'NR == 2 {print $4 " (probe " $3 ")"}')"
    echo "Varnish $version running at $URL in front of $VARNISH_BACKEND: backend ${health:-unknown}"
}

run_command "$@"
