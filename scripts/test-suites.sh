#!/usr/bin/env bash
# Run the test suite on SQLite and on PostgreSQL at the same time, each spread over the
# processors by pytest-xdist: while one run waits (on a browser, a server, a subprocess or
# its slowest worker) the other keeps the processors busy. Each run's output is printed
# whole when it ends; the script fails if either run failed.
#   usage: scripts/test-suites.sh PYTEST [PYTEST ARGUMENTS...]
set -uo pipefail

here=$(dirname "$0")
logs=$(mktemp -d -t twinning-tests.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null; done
}
trap 'stop; rm -rf "$logs"; exit 130' INT TERM
trap 'rm -rf "$logs"' EXIT

set -m  # each run in its own process group, so that an interrupt stops all of it
"$@" >"$logs/sqlite.log" 2>&1 &
pids+=($!)
# The accessibility sweep measures pages, which do not depend on the database: once is enough.
bash "$here/with-postgres.sh" "$@" -m "not a11y" >"$logs/postgresql.log" 2>&1 &
pids+=($!)
set +m

wait "${pids[0]}"
sqlite=$?
echo "== test suite on SQLite (exit $sqlite)"
cat "$logs/sqlite.log"
wait "${pids[1]}"
postgresql=$?
echo "== test suite on PostgreSQL (exit $postgresql)"
cat "$logs/postgresql.log"
[ "$sqlite" -eq 0 ] && [ "$postgresql" -eq 0 ]
