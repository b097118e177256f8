#!/usr/bin/env bash
# Run a single local Elasticsearch node for development and tests.
#
#   scripts/elasticsearch.sh start    fetch (once), build the analysis plugin (once), start, wait
#   scripts/elasticsearch.sh stop     stop the node this script started
#   scripts/elasticsearch.sh status   say whether it runs, and its version
#   scripts/elasticsearch.sh url      print the URL to put in ELASTICSEARCH_URL
#
# Elasticsearch comes from Maven Central (Elastic's download site is not reachable from our
# machines): the "integ-test-zip" distribution, which is the real server without a bundled JDK and
# without the analysis-common module. Wagtail's mappings and our search analyzers need a handful of
# the analysis-common components (edge_ngram, ngram, asciifolding, stemmer, synonym_graph), so we
# build a small plugin from scripts/elasticsearch-analysis/ with the JDK's javac against the jars
# that ship with the server, using Elasticsearch's stable plugin API. A full Elasticsearch
# distribution (any production cluster) already has these components and needs no plugin.
#
# Settings (environment):
#   ES_VERSION    default 9.5.0
#   ES_PORT       default 9200
#   ES_HEAP       default 512m
#   ES_HOME_DIR   where the server, its data and its logs live (default /var/tmp/harbour-elasticsearch)
#   ES_JAVA_HOME  default: the newest JDK 21+ under /usr/lib/jvm
set -euo pipefail

ES_VERSION="${ES_VERSION:-9.5.0}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_HOME_DIR="${ES_HOME_DIR:-/var/tmp/harbour-elasticsearch}"
ES_USER="${ES_USER:-harbour-es}"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLUGIN_SRC="$PROJECT_DIR/scripts/elasticsearch-analysis"
INSTALL_DIR="$ES_HOME_DIR/elasticsearch-$ES_VERSION"
DATA_DIR="$ES_HOME_DIR/data-$ES_PORT"
LOG_DIR="$ES_HOME_DIR/logs-$ES_PORT"
PID_FILE="$LOG_DIR/elasticsearch.pid"
URL="http://127.0.0.1:$ES_PORT"

SCRIPT_NAME=elasticsearch.sh
# shellcheck source=scripts/lib.sh
source "$PROJECT_DIR/scripts/lib.sh"

find_java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        echo "$ES_JAVA_HOME"
        return
    fi
    local candidate version best="" best_version=0
    for candidate in /usr/lib/jvm/*/; do
        candidate="${candidate%/}"
        [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
        version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 |
            awk -F' = ' '/java.specification.version/ {print $2}')"
        version="${version%%.*}"
        if [[ "$version" =~ ^[0-9]+$ ]] && ((version >= 21 && version > best_version)); then
            best="$candidate"
            best_version="$version"
        fi
    done
    [[ -n "$best" ]] || die "Elasticsearch $ES_VERSION needs a JDK 21 or newer; none found in /usr/lib/jvm (set ES_JAVA_HOME)"
    echo "$best"
}

node_version() {
    curl -fsS --max-time 5 "$URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null |
        sed -n 's/.*"version":"\([^"]*\)".*/\1/p'
}

is_running() { pid_file_is_running "$PID_FILE"; }

fetch() {
    [[ -x "$INSTALL_DIR/bin/elasticsearch" ]] && return
    command -v mvn >/dev/null || die "mvn is needed to fetch Elasticsearch from Maven Central"
    local download="$ES_HOME_DIR/download"
    mkdir -p "$download"
    log "fetching Elasticsearch $ES_VERSION from Maven Central (cached in ~/.m2 after the first time)"
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
        -DoutputDirectory="$download" >&2
    rm -rf "$INSTALL_DIR.partial"
    mkdir -p "$INSTALL_DIR.partial"
    (cd "$INSTALL_DIR.partial" && unzip -q "$download/elasticsearch-$ES_VERSION.zip")
    mv "$INSTALL_DIR.partial/elasticsearch-$ES_VERSION" "$INSTALL_DIR"
    rm -rf "$INSTALL_DIR.partial" "$download"
}

build_plugin() {
    local java_home="$1"
    local plugin_dir="$INSTALL_DIR/plugins/harbour-analysis"
    local stamp
    stamp="$(cat "$PLUGIN_SRC"/src/harbour/analysis/*.java "$PLUGIN_SRC/named_components.json" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)"
    if [[ -f "$plugin_dir/.source-hash" && "$(cat "$plugin_dir/.source-hash")" == "$stamp" ]]; then
        return
    fi
    log "building the harbour-analysis plugin with $java_home/bin/javac"
    local build
    build="$(mktemp -d)"
    local classpath
    classpath="$(find "$INSTALL_DIR/lib" -maxdepth 1 -name 'elasticsearch-plugin-*api-*.jar' -o -maxdepth 1 -name 'lucene-*.jar' | tr '\n' ':')"
    "$java_home/bin/javac" --release 21 -nowarn -d "$build/classes" -cp "$classpath" \
        "$PLUGIN_SRC"/src/harbour/analysis/*.java
    "$java_home/bin/jar" --create --file "$build/harbour-analysis.jar" -C "$build/classes" .
    rm -rf "$plugin_dir"
    mkdir -p "$plugin_dir"
    cp "$build/harbour-analysis.jar" "$PLUGIN_SRC/named_components.json" "$plugin_dir/"
    cat >"$plugin_dir/stable-plugin-descriptor.properties" <<EOF
description=Harbour: the analysis-common components that Maven Central's test distribution lacks
version=1.0
name=harbour-analysis
java.version=21
elasticsearch.version=$ES_VERSION
EOF
    echo "$stamp" >"$plugin_dir/.source-hash"
    rm -rf "$build"
}

ensure_user() {
    # Elasticsearch refuses to run as root; CI runs as root.
    [[ "$(id -u)" == 0 ]] || return 0
    id "$ES_USER" >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
}

run_as_es() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u "$ES_USER" -- "$@"
    else
        "$@"
    fi
}

start() {
    if is_running; then
        log "already running at $URL (pid $(cat "$PID_FILE"))"
        status
        return
    fi
    if curl -fsS --max-time 2 "$URL/_cluster/health" >/dev/null 2>&1; then
        log "a node not started by this script already answers at $URL; using it"
        status
        return
    fi
    mkdir -p "$ES_HOME_DIR"
    fetch
    local java_home
    java_home="$(find_java_home)"
    build_plugin "$java_home"
    ensure_user
    mkdir -p "$DATA_DIR" "$LOG_DIR"
    if [[ "$(id -u)" == 0 ]]; then
        chmod 755 "$ES_HOME_DIR"
        chown -R "$ES_USER" "$INSTALL_DIR/config" "$DATA_DIR" "$LOG_DIR"
    fi
    log "starting Elasticsearch $ES_VERSION on $URL (java: $java_home)"
    ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
        run_as_es "$INSTALL_DIR/bin/elasticsearch" \
        -E discovery.type=single-node \
        -E network.host=127.0.0.1 \
        -E http.port="$ES_PORT" \
        -E transport.port=0 \
        -E path.data="$DATA_DIR" \
        -E path.logs="$LOG_DIR" \
        -E xpack.security.enabled=false \
        -E xpack.ml.enabled=false \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        -E action.destructive_requires_name=false \
        -p "$PID_FILE" \
        >"$ES_HOME_DIR/console-$ES_PORT.log" 2>&1 &
    local launcher=$!
    local waited=0
    until curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; do
        if ! kill -0 "$launcher" 2>/dev/null; then
            tail -n 40 "$ES_HOME_DIR/console-$ES_PORT.log" >&2 || true
            rm -f "$PID_FILE"
            die "Elasticsearch exited during start-up (log above, more in $LOG_DIR)"
        fi
        ((waited += 2))
        ((waited < 120)) || die "Elasticsearch did not become ready within 120 s (see $LOG_DIR)"
        sleep 2
    done
    status
}

# The pid file is the server JVM's own (written by Elasticsearch's -p option); its launcher
# exits when the server does.
stop() { stop_pid_file "$PID_FILE" 60; }

status() {
    local version
    version="$(node_version)"
    if [[ -n "$version" ]]; then
        echo "Elasticsearch $version running at $URL"
    else
        echo "Elasticsearch is not answering at $URL"
        return 1
    fi
}

run_command "$@"
