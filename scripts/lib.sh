# What scripts/{postgres,elasticsearch,redis,varnish}.sh share: messages, installing a Debian
# package, a server's pid file, and the start|stop|status|url commands. Sourced, not run:
#
#   SCRIPT_NAME=redis.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   ...define start, stop and status...
#   run_command "$@"
#
# Each script keeps what is its own server's (how it starts, what "ready" means) and reads
# its settings from the environment before sourcing this file.

log() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() { log "$*"; exit 1; }

# Installs Debian's package as root (refreshing the package lists once if it is not found);
# without root, stops with the command to run.
apt_install() {
    local package="$1"
    [[ "$(id -u)" == 0 ]] || die "$package is not installed (apt-get install $package)"
    log "installing $package from Debian's packages"
    apt-get install -y -q "$package" >/dev/null ||
        { apt-get update -q >/dev/null && apt-get install -y -q "$package" >/dev/null; }
}

# True when the pid file names a process that is alive.
pid_file_is_running() {
    local pid_file="$1"
    [[ -s "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# Stops the process the pid file names: TERM, up to `seconds` for it to go, then KILL.
stop_pid_file() {
    local pid_file="$1" seconds="$2" pid
    if ! pid_file_is_running "$pid_file"; then
        log "not running (no server started by this script)"
        rm -f "$pid_file"
        return
    fi
    pid="$(cat "$pid_file")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((seconds * 5))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pid_file"
    log "stopped"
}

# Waits up to `seconds` until the command succeeds; `die`s with the message otherwise.
wait_until() {
    local seconds="$1" message="$2" waited=0
    shift 2
    until "$@" >/dev/null 2>&1; do
        ((waited += 1))
        ((waited < seconds * 5)) || die "$message"
        sleep 0.2
    done
}

# The four commands every script answers; `url` prints $URL.
run_command() {
    case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    url) echo "$URL" ;;
    *)
        echo "usage: $0 start|stop|status|url" >&2
        exit 2
        ;;
    esac
}
