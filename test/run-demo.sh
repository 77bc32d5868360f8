#!/usr/bin/env bash
#
# run-demo.sh - what "make demo" does: install missing packages (as root),
# build and install govreport, start a throwaway cluster with pg_virtualenv
# and run demo/demo.sql, which loads demo/reports/*.txt and prints the
# parsed totals and dispositions.
#
set -euo pipefail
cd "$(dirname "$0")/.."

MAKE="${MAKE:-make}"
PG_CONFIG="${PG_CONFIG:-pg_config}"

[ "${GR_SKIP_DEPS:-0}" = "1" ] || test/install-deps.sh
"$MAKE" PG_CONFIG="$PG_CONFIG"
"$MAKE" PG_CONFIG="$PG_CONFIG" install

# psql reads the reports (client side), so the server needs no file access.
pg_virtualenv -t psql -X -v ON_ERROR_STOP=1 -P pager=off -f demo/demo.sql </dev/null
