#!/usr/bin/env bash
# The newsletter suite runs against real PostgreSQL as well as SQLite. This installs
# Debian's PostgreSQL server if needed, starts a cluster on loopback and creates the
# test role and database. Idempotent; returns at once when a server already answers.
set -euo pipefail
PGHOST_ADDR=127.0.0.1
PGPORT_NUM=5432
ROLE=vaart
PASSWORD=vaart
DB=vaart_test

ready() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM" >/dev/null 2>&1; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

if ! ready; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing Debian's PostgreSQL server (the newsletter tests need it)…"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    $SUDO pg_createcluster "$version" main -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  fi
  # Loopback only (localhost = 127.0.0.1 and ::1).
  $SUDO pg_conftool "$version" main set listen_addresses localhost
  $SUDO pg_conftool "$version" main set port "$PGPORT_NUM"
  $SUDO pg_conftool "$version" main set max_connections 200
  $SUDO pg_ctlcluster "$version" main start || $SUDO pg_ctlcluster "$version" main restart
  for _ in $(seq 1 60); do ready && break; sleep 0.5; done
  ready || { echo "PostgreSQL did not start on $PGHOST_ADDR:$PGPORT_NUM" >&2; exit 1; }
fi

as_postgres() { $SUDO -u postgres "$@" 2>/dev/null || su postgres -c "$(printf '%q ' "$@")"; }
if command -v runuser >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  as_postgres() { runuser -u postgres -- "$@"; }
fi

# Role and database: create when missing (needs the local superuser; skipped when we
# can already log in as the test role, e.g. on a server we did not start).
if PGPASSWORD="$PASSWORD" psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$ROLE" -d "$DB" -Atqc 'select 1' >/dev/null 2>&1; then
  exit 0
fi
as_postgres psql -p "$PGPORT_NUM" -v ON_ERROR_STOP=1 -qAt <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$PGPORT_NUM" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  as_postgres createdb -p "$PGPORT_NUM" -O "$ROLE" "$DB"
fi
PGPASSWORD="$PASSWORD" psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$ROLE" -d "$DB" -Atqc 'select 1' >/dev/null
echo "PostgreSQL ready: postgres://$ROLE:***@$PGHOST_ADDR:$PGPORT_NUM/$DB"
