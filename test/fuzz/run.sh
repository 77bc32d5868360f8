#!/usr/bin/env bash
#
# test/fuzz/run.sh - what "make fuzz" does after building test/fuzz/run:
# replay every file of test/fuzz/regressions/ (each must pass), then fuzz
# for FUZZ_SECONDS (default 60) from the seed corpus test/fuzz/corpus/.
# New interesting inputs go to a scratch directory (the checked-in corpus
# is not touched); a crashing input is written to
# test/fuzz/regressions/crash-<sha1> and the run fails.
#
# Environment: FUZZ_SECONDS (60), FUZZ_ARGS (extra libFuzzer options, e.g.
# "-jobs=2 -workers=2"), FUZZ_KEEP=1 keeps the scratch corpus,
# GR_FUZZ_LAX_WARNINGS=1 / GR_FUZZ_LAX_CELLS=1 skip the UTF-8 check of
# warnings / the UTF-8 and position checks of cells (known core bugs, see
# test/fuzz/regressions/README.md) so that fuzzing can look further.
#
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2

bin=test/fuzz/run
secs="${FUZZ_SECONDS:-60}"
[ -x "$bin" ] || { echo "fuzz: $bin not built (make fuzz builds it)" >&2; exit 2; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

fail=0
regs=(test/fuzz/regressions/*)
if [ -e "${regs[0]}" ]; then
	echo "=== fuzz: replaying ${#regs[@]} regression input(s)"
	for f in "${regs[@]}"; do
		case "$f" in *.md) continue ;; esac
		if ! "$bin" "$f" >/dev/null 2>"$f.log.tmp"; then
			echo "fuzz: regression FAILED: $f"
			tail -n 40 "$f.log.tmp"
			fail=1
		fi
		rm -f "$f.log.tmp"
	done
	[ "$fail" -ne 0 ] && echo "fuzz: a regression input still fails (fuzzing anyway)"
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/govreport-fuzz.XXXXXX")"
before="$(ls test/fuzz/regressions)"
[ "${FUZZ_KEEP:-0}" = "1" ] || trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/corpus"
echo "=== fuzz: ${secs}s from test/fuzz/corpus (new inputs go to $scratch/corpus)"
# shellcheck disable=SC2086
"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-dict=test/fuzz/gr.dict -artifact_prefix=test/fuzz/regressions/ \
	${FUZZ_ARGS:-} "$scratch/corpus" test/fuzz/corpus 2>&1 | tee "$scratch/fuzz.log" |
	grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)|^"|^###### '
rc=${PIPESTATUS[0]}
if [ "$rc" -ne 0 ]; then
	new="$(comm -13 <(echo "$before") <(ls test/fuzz/regressions) | sed 's|^|test/fuzz/regressions/|')"
	if [ -n "$new" ]; then
		echo "fuzz: libFuzzer exited with status $rc; the input: $new"
	else
		echo "fuzz: libFuzzer exited with status $rc and wrote no input (stopped by a signal?)"
	fi
	exit "$rc"
fi
if [ "$fail" -ne 0 ]; then
	echo "fuzz: no new crash in ${secs}s, but a regression input fails (see above)"
	exit 1
fi
echo "fuzz: no crash in ${secs}s ($(grep -oE 'stat::number_of_executed_units: [0-9]+' "$scratch/fuzz.log" | sed 's/.*: //') executions, $(ls "$scratch/corpus" | wc -l) new corpus inputs)"
