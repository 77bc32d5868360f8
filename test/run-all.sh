#!/usr/bin/env bash
#
# run-all.sh - what "make test" does, from a fresh Debian 12 machine:
# install missing packages (as root), build with warnings as errors, run the
# core unit tests (ASan + UBSan), install the extension, and run pg_regress
# in a throwaway cluster (pg_virtualenv).  Ends with one line
# "N passed, N failed" (unit assertions + pg_regress tests) and exits
# non-zero when anything failed.
#
# Environment: PG_CONFIG (default pg_config), GR_WERROR=0 to build without
# -Werror, GR_SKIP_DEPS=1 to skip the package check.
#
set -uo pipefail
cd "$(dirname "$0")/.."

MAKE="${MAKE:-make}"
PG_CONFIG="${PG_CONFIG:-pg_config}"
STRICT_CFLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare"
[ "${GR_WERROR:-1}" = "0" ] && STRICT_CFLAGS="-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare"

passed=0
failed=0
log_dir="$(mktemp -d "${TMPDIR:-/tmp}/govreport-test.XXXXXX")"
trap 'rm -rf "$log_dir"' EXIT

step() { printf '\n=== %s\n' "$*"; }

finish() {
	echo
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# --- packages -------------------------------------------------------------
if [ "${GR_SKIP_DEPS:-0}" != "1" ]; then
	step "dependencies"
	if ! test/install-deps.sh; then
		failed=$((failed + 1))
		finish
	fi
fi

# --- build ----------------------------------------------------------------
step "build (PG_CFLAGS=$STRICT_CFLAGS)"
build_ok=1
if ! "$MAKE" PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$STRICT_CFLAGS"; then
	echo "run-all: build failed"
	build_ok=0
	failed=$((failed + 1))
fi

# --- unit tests -------------------------------------------------------------
# run_unit LABEL TARGET: one unit test binary; adds its assertions to the counts
run_unit() {
	local label="$1" target="$2" rc line up uf
	step "$label"
	"$MAKE" PG_CONFIG="$PG_CONFIG" "$target" 2>&1 | tee "$log_dir/unit.log"
	rc=${PIPESTATUS[0]}
	line="$(grep -E '^unit: [0-9]+ passed, [0-9]+ failed$' "$log_dir/unit.log" | tail -n 1)"
	if [ -n "$line" ]; then
		up="$(echo "$line" | sed -E 's/^unit: ([0-9]+) passed, ([0-9]+) failed$/\1/')"
		uf="$(echo "$line" | sed -E 's/^unit: ([0-9]+) passed, ([0-9]+) failed$/\2/')"
		passed=$((passed + up))
		failed=$((failed + uf))
		# a crash or sanitizer report after the summary still fails the run
		if [ "$rc" -ne 0 ] && [ "$uf" -eq 0 ]; then
			failed=$((failed + 1))
		fi
	else
		echo "run-all: the unit test binary did not finish (build error, crash or sanitizer report)"
		failed=$((failed + 1))
	fi
}
run_unit "unit tests (ASan + UBSan)" unit
run_unit "unit tests, portable build without the SSE2 paths (-DGR_NO_SSE2; ASan + UBSan)" unit-portable

# --- fuzz regressions ------------------------------------------------------
step "fuzz regressions replayed (ASan + UBSan, test/fuzz/regressions)"
if "$MAKE" PG_CONFIG="$PG_CONFIG" fuzz-replay 2>&1 | tee "$log_dir/replay.log" | grep -v '^replay: test/'; then
	:
fi
# two builds (SSE2 and portable): both must replay every input
if [ "$(grep -cE '^replay: [0-9]+ inputs, 0 failed$' "$log_dir/replay.log")" -eq 2 ]; then
	passed=$((passed + 1))
else
	echo "run-all: an input of test/fuzz/regressions fails again (see above)"
	failed=$((failed + 1))
fi

# --- install + pg_regress ---------------------------------------------------

# run_regress LABEL PGOPTIONS: one pg_regress run in a new throwaway cluster;
# adds its tests to the counts and prints regression.diffs on failure.
run_regress() {
	local label="$1" opts="$2" rc ok bad
	step "$label"
	rm -f regression.diffs regression.out
	PGOPTIONS="$opts" pg_virtualenv -t "$MAKE" PG_CONFIG="$PG_CONFIG" installcheck </dev/null 2>&1 |
		tee "$log_dir/regress.log"
	rc=${PIPESTATUS[0]}

	# one line per test: "test NAME ... ok|FAILED|failed (ignored)"; the
	# closing "All N tests passed." / "M of N tests failed." must follow,
	# else pg_regress stopped early (a missing expected file, a crash)
	ok="$(grep -cE '^(test )? *[^ ]+ +\.\.\. ok( |$)' "$log_dir/regress.log")"
	bad="$(grep -cE '^(test )? *[^ ]+ +\.\.\. (FAILED|failed)' "$log_dir/regress.log")"
	passed=$((passed + ok))
	failed=$((failed + bad))
	if ! grep -qE 'All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed' "$log_dir/regress.log"; then
		echo "run-all: pg_regress did not finish"
		failed=$((failed + 1))
	elif [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "run-all: pg_regress exited with status $rc"
		failed=$((failed + 1))
	fi
	if [ -s regression.diffs ]; then
		step "regression.diffs ($label)"
		cat regression.diffs
	fi
	return 0
}

if [ "$build_ok" -eq 1 ]; then
	step "install"
	if ! "$MAKE" PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$STRICT_CFLAGS" install; then
		echo "run-all: make install failed"
		failed=$((failed + 1))
		finish
	fi

	run_regress "pg_regress in a throwaway cluster" ""
	# PARALLEL SAFE markings hold: every query again, run by a parallel worker
	major="$("$PG_CONFIG" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
	if [ "${major:-15}" -ge 16 ]; then
		run_regress "pg_regress, parallel workers" "-c debug_parallel_query=regress"
	else
		run_regress "pg_regress, parallel workers" "-c force_parallel_mode=regress"
	fi
	step "loader (test/t/loader.sh)"; if test/t/loader.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "dump/restore (test/t/dump_restore.sh)"; if test/t/dump_restore.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "upgrade from 0.1 (test/t/upgrade.sh)"; if test/t/upgrade.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "concurrency (test/t/concurrency.sh)"; if test/t/concurrency.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "postgres_fdw pushdown (test/t/fdw.sh)"; if test/t/fdw.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "non-UTF8 databases (test/t/encoding.sh)"; if test/t/encoding.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

# --- the shared corpus, when it lies beside the checkout -------------------
if [ -d ../shared/corpus ]; then
	step "ground truth of ../shared/corpus (test/corpus/check_truth.py)"
	if python3 test/corpus/check_truth.py --whole --all; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	step "seeds converted to HTML, aligned, glued, traditional (test/fixtures/layouts/check_seeds.py)"
	if python3 test/fixtures/layouts/check_seeds.py; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

finish
