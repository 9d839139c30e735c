#!/usr/bin/env bash
# Set everything up (including a PostgreSQL server for the central service's tests), lint, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
VAXDESK_WITH_POSTGRES=1 VAXDESK_TEST_DEPS=1 bash scripts/setup.sh
PY=.venv/bin/python
export QT_QPA_PLATFORM=offscreen

# A private PostgreSQL server for the tests that prove "PostgreSQL by URL".
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/vaxdesk-pg.XXXXXX)
cleanup() { [ -n "${PGBIN:-}" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDIR/data -m immediate stop" >/dev/null 2>&1 || true; }
trap cleanup EXIT
if [ -n "$PGBIN" ] && id postgres >/dev/null 2>&1; then
  chown postgres "$PGDIR"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGDIR/data -A trust -U postgres >/dev/null"
  PGPORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDIR/data -o '-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1' -l $PGDIR/log -w start >/dev/null"
  export VAXDESK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
fi

$PY -m ruff check .
.venv/bin/lint-imports
$PY -m mypy
$PY -m pytest "$@"
