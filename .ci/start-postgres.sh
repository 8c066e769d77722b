#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the database tests and print its URL.
# Usage: eval "$(.ci/start-postgres.sh)"  → exports MQ_TEST_PG_URL.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL server binaries not found" >&2
  exit 1
fi
PGDATA=$(mktemp -d /tmp/mq-pg.XXXXXX)
PORT=${MQ_PG_PORT:-55432}
chown postgres "$PGDATA"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "$PGBIN/initdb -D $PGDATA -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
run "$PGBIN/pg_ctl -D $PGDATA -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $PGDATA/log -w start >/dev/null"
run "$PGBIN/createdb -h 127.0.0.1 -p $PORT -U postgres minqing_test"
echo "export MQ_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/minqing_test"
echo "export MQ_TEST_PGDATA=$PGDATA"
