#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the tests: data directory and unix socket in a temp folder owned by the
# `postgres` OS user (PostgreSQL refuses to run as root), trust auth on loopback, a free port.
# Usage: source scripts/throwaway-postgres.sh  → exports PORTAL_TEST_POSTGRES and PG_THROWAWAY_DIR;
#        pg_throwaway_stop stops it and removes the folder (test.sh calls it from a trap).
PG_BIN=/usr/lib/postgresql/15/bin

pg_throwaway_install() {
  if [ -x "$PG_BIN/initdb" ]; then return 0; fi
  if [ "$(id -u)" != "0" ]; then
    echo "The PostgreSQL tests need PostgreSQL 15: run 'sudo apt-get install postgresql-15', then ./test.sh again."
    return 1
  fi
  echo "Installing PostgreSQL 15 for the PostgreSQL tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
}

pg_throwaway_start() {
  pg_throwaway_install || return 1
  local run=()
  if [ "$(id -u)" = "0" ]; then run=(runuser -u postgres --); fi
  PG_THROWAWAY_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chmod 755 "$PG_THROWAWAY_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$PG_THROWAWAY_DIR"; fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_THROWAWAY_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/postgres.log" -w \
    -o "-p $port -k $PG_THROWAWAY_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null || { cat "$PG_THROWAWAY_DIR/postgres.log"; return 1; }
  export PG_THROWAWAY_DIR
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "Throwaway PostgreSQL on port $port ($PG_THROWAWAY_DIR)"
}

pg_throwaway_stop() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] && [ -d "$PG_THROWAWAY_DIR" ] || return 0
  local run=()
  if [ "$(id -u)" = "0" ]; then run=(runuser -u postgres --); fi
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$PG_THROWAWAY_DIR"
}
