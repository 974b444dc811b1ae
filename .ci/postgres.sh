#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the shared-store tests (if none is running there yet) and prints its
# JDBC URL. Trust authentication on 127.0.0.1 only: a CI database, never a deployment.
set -euo pipefail
PORT="${WATTIQ_PG_PORT:-54329}"
DIR="${WATTIQ_PG_DIR:-/tmp/wattiq-ci-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi   # postgres refuses to run as root
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    mkdir -p "$DIR" && { [ "$(id -u)" != 0 ] || chown postgres "$DIR"; }
    "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U wattiq -A trust --no-sync >&2
  fi
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >&2
  "${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U wattiq wattiq >&2 2>/dev/null || true
fi
echo "jdbc:postgresql://127.0.0.1:$PORT/wattiq?user=wattiq"
