#!/usr/bin/env bash
#
# bench/run.sh - what "make bench" does: generate a synthetic corpus
# (bench/gen.py), install the extension, load the corpus into a throwaway
# cluster (pg_virtualenv) and run bench/bench.sql; prints the figures next
# to their targets and writes them, with a description of the machine, to
# bench/RESULTS.md.
#
# Environment:
#   BENCH_N=2000        reports in the corpus (about 25 KB each on average)
#   BENCH_RUNS=3        runs per measurement (the median is reported)
#   BENCH_SEED=6        generator seed
#   BENCH_INSTALL=1     0: do not run "make install" first
#   BENCH_RESULTS=bench/RESULTS.md   where to write the results ("" = nowhere)
#   PG_CONFIG           pg_config of the server to use
#
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")/.."

N="${BENCH_N:-2000}"
RUNS="${BENCH_RUNS:-3}"
SEED="${BENCH_SEED:-6}"
PG_CONFIG="${PG_CONFIG:-pg_config}"
MAKE="${MAKE:-make}"
RESULTS="${BENCH_RESULTS-bench/RESULTS.md}"

work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-bench.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

echo "=== generating $N reports (seed $SEED)"
python3 bench/gen.py -n "$N" --seed "$SEED" --out "$work/docs.copy" 2>&1 | tee "$work/gen.txt"
chmod 644 "$work/docs.copy"

if [ "${BENCH_INSTALL:-1}" = "1" ]; then
	echo "=== make install"
	"$MAKE" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
fi

# standalone parser memory: peak RSS of grdump on the linearity inputs
mem_report=""
if "$MAKE" -s -f test/tools/grdump.mk test/tools/grdump >/dev/null 2>&1; then
	mem_report="$(python3 - "$work" <<'EOF'
import os, resource, subprocess, sys
work = sys.argv[1]
sys.path.insert(0, "bench")
import gen
rng_docs = [t for _, f, l, _, t in gen.generate(400, 6, 15, 25, ["template_2021/tab"])]
base = min(rng_docs, key=lambda t: abs(len(t.encode()) - 20000))
para = ("围绕年度政务公开工作要点，本单位坚持以公开为常态、不公开为例外，把政务公开贯穿行政权力运行全过程。"
        "加强政策解读工作，坚持政策文件与解读材料同步组织、同步审签、同步部署，提高解读的针对性和可读性。\n")
anchor = "二、主动公开政府信息情况"
out = []
prev = None
for f in (1, 100, 1000):
    nb = len(base.encode())
    reps = (f - 1) * nb // len(para.encode())
    doc = base.replace(anchor, para * reps + anchor, 1) if f > 1 else base
    p = os.path.join(work, "lin%d.txt" % f)
    open(p, "w", encoding="utf-8").write(doc)
    # a fresh child per size: ru_maxrss of RUSAGE_CHILDREN is the max over children
    r = subprocess.run([sys.executable, "-c",
        "import resource,subprocess,sys;"
        "subprocess.run([sys.argv[1], sys.argv[2]], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
        "test/tools/grdump", p], capture_output=True, text=True, check=True)
    rss = int(r.stdout) * 1024
    out.append((f, len(doc.encode()), rss))
b1 = out[0][2]
lines = ["| input | bytes | peak RSS | (RSS - RSS at 1x) / input |", "|---|---|---|---|"]
for f, nb, rss in out:
    extra = "" if f == 1 else "%.2f" % ((rss - b1) / nb)
    lines.append("| %dx | %d | %.1f MB | %s |" % (f, nb, rss / 1e6, extra))
print("\n".join(lines))
EOF
)" || mem_report="(grdump memory measurement failed)"
fi

echo "=== benchmark in a throwaway cluster"
# the cluster runs as postgres when started by root: it must read the corpus
pg_virtualenv -o 'shared_buffers=256MB' -o 'work_mem=64MB' -o 'max_wal_size=4GB' \
	-o 'synchronous_commit=off' \
	psql -X -q -v ON_ERROR_STOP=1 -v docs="$work/docs.copy" -v runs="$RUNS" \
	-f bench/bench.sql </dev/null 2>&1 | tee "$work/out.txt"
rc=${PIPESTATUS[0]}
if [ "$rc" -ne 0 ]; then
	echo "bench: psql failed ($rc)" >&2
	exit "$rc"
fi

if [ -n "$mem_report" ]; then
	echo
	echo "Transient memory of the standalone parser (grdump, peak RSS; target: growth at most 4x the input)"
	echo "$mem_report"
fi

[ -z "$RESULTS" ] && exit 0

cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo
	echo "## Machine"
	echo
	echo "- CPU: $cpu, $(nproc) cores visible (shared with other work while measured)"
	echo "- Memory: $(free -g | awk '/^Mem:/ {print $2}') GB; kernel $(uname -r)"
	echo "- $("$PG_CONFIG" --version); $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release)"
	echo "- Extension built by PGXS with CFLAGS: \`$("$PG_CONFIG" --cflags | tr -s ' ')\`"
	echo "- Cluster: pg_virtualenv, shared_buffers=256MB, jit=off, max_parallel_workers_per_gather=0"
	echo "- Corpus: \`python3 bench/gen.py -n $N --seed $SEED\`, $RUNS runs per figure (median)"
	echo
	echo "## Corpus"
	echo
	echo '```'
	cat "$work/gen.txt"
	echo '```'
	echo
	echo "## Figures"
	echo
	echo '```'
	grep -vE '^(Creating new PostgreSQL cluster|Dropping cluster)' "$work/out.txt"
	echo '```'
	if [ -n "$mem_report" ]; then
		echo
		echo "## Transient memory (standalone parser)"
		echo
		echo "Peak RSS of \`test/tools/grdump FILE\` (core + ICU, JSON printing included) on the"
		echo "linearity report padded with prose to 100x and 1000x. Target: at most 4x the input."
		echo "Prose is the easy case: input made of table rows takes 15-57x its size, see"
		echo "[PROFILE.md](PROFILE.md#transient-memory-on-table-dense-input)."
		echo
		echo "$mem_report"
	fi
	echo
	echo "## Profile"
	echo
	echo "Why parse is far from md5 and what to change: see [PROFILE.md](PROFILE.md)."
} > "$RESULTS"
echo "bench: results written to $RESULTS"
