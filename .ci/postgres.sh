#!/usr/bin/env bash
# Idempotent: install (if missing) and start a local PostgreSQL 15 for the storage tests, create the test role
# and database, and print the export line the tests read (AWARENESSBOT_TEST_POSTGRES).
# Usage:  eval "$(.ci/postgres.sh | tail -n 1)"   or   source <(.ci/postgres.sh | tail -n 1)
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_ROLE="${PG_ROLE:-awareness}"
PG_PASSWORD="${PG_PASSWORD:-awareness}"
PG_DB="${PG_DB:-awareness_test}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d "/usr/lib/postgresql/${PG_VERSION}" ]; then
  echo "installing postgresql ${PG_VERSION}" >&2
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql >&2
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main"' | grep -q .; then
  $SUDO pg_createcluster "$PG_VERSION" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  $SUDO pg_ctlcluster "$PG_VERSION" main start >&2
fi

# Wait until the server accepts connections (start is asynchronous on some systems).
for _ in $(seq 1 30); do
  if $SUDO su postgres -c "pg_isready -q -h 127.0.0.1"; then break; fi
  sleep 1
done

as_postgres() { $SUDO su postgres -c "$1"; }
if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='${PG_ROLE}'\"")" != "1" ]; then
  as_postgres "psql -q -c \"CREATE ROLE ${PG_ROLE} LOGIN PASSWORD '${PG_PASSWORD}' SUPERUSER\"" >&2
fi
if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='${PG_DB}'\"")" != "1" ]; then
  as_postgres "createdb -O ${PG_ROLE} ${PG_DB}" >&2
fi

echo "export AWARENESSBOT_TEST_POSTGRES='Host=127.0.0.1;Username=${PG_ROLE};Password=${PG_PASSWORD};Database=${PG_DB}'"
