#!/usr/bin/env bash
#
# bench/costs.sh - measure the time of one call of every govreport function
# that does real work and print the planner COST it comes to beside the
# COST the installed scripts declare (bench/costs.sql says how).  Run it
# before a release and carry the figures into sql/govreport--*.sql when
# the order between functions has moved.
#
# Environment:
#   COSTS_N=200      reports in the corpus (bench/gen.py, every format and layout)
#   COSTS_RUNS=5     timed runs per function (the median counts)
#   COSTS_SEED=6     generator seed
#   PG_CONFIG        pg_config of the server to use (the extension must be installed)
#
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")/.."

N="${COSTS_N:-200}"
RUNS="${COSTS_RUNS:-5}"
SEED="${COSTS_SEED:-6}"

work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-costs.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

python3 bench/gen.py -n "$N" --seed "$SEED" --out "$work/docs.copy"
chmod 644 "$work/docs.copy"
# the cluster runs as postgres when started by root: it must read the corpus
pg_virtualenv -o 'shared_buffers=256MB' -o 'synchronous_commit=off' \
	psql -X -q -v ON_ERROR_STOP=1 -v docs="$work/docs.copy" -v runs="$RUNS" \
	-f bench/costs.sql </dev/null
