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
#   BENCH_MEM_BYTES=4000000  size of the table-dense inputs of the memory figures
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

# parsing core memory on table-dense input: the bytes it holds at once
# (counted through gr_mem by bench/mem_peak.c), per input byte, for a
# report of every layout whose table 3 (or the rows inside it) is repeated
# to BENCH_MEM_BYTES (default 4 MB): the pages a broken scraper produces;
# and a listing page of that size holding thousands of short reports
dense_report=""
if ${CC:-cc} -O2 -std=gnu11 -Isrc/core $(pkg-config --cflags icu-uc icu-i18n) \
	-o "$work/mem_peak" bench/mem_peak.c src/core/*.c \
	$(pkg-config --libs icu-uc icu-i18n) 2>"$work/mem_peak.log"; then
	dense_report="$(python3 - "$work" "${BENCH_MEM_BYTES:-4000000}" <<'EOF'
import os, subprocess, sys
work, target = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, "bench")
import gen
LIMIT = 4.0
T3, T4, ROW2 = "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议", "二、上年结转"

def first(lines, pred, start=0):
    return next(i for i in range(start, len(lines)) if pred(lines[i]))

def repeat(lines, a, e, size):
    """lines[a:e] (blank lines at its end left out) repeated after itself
    until the text has about size bytes"""
    while e > a and not lines[e - 1].strip():
        e -= 1
    head, body, tail = "".join(lines[:e]), "".join(lines[a:e]), "".join(lines[e:])
    n = max(1, (size - len((head + tail).encode())) // len(body.encode()))
    return head + body * n + tail, n

def report(kind):
    return next(t for _, f, l, _, t in gen.generate(1, 6, 20, 30, [kind]))

cases = []
for lay in ("tab", "pipe", "markdown", "html", "aligned", "glued"):
    lines = report("template_2021/" + lay).splitlines(keepends=True)
    h3 = first(lines, lambda l: T3 in l)
    h4 = first(lines, lambda l: T4 in l, h3)
    cases.append((lay, "table 3 repeated") + repeat(lines, h3, h4, target))
    # TAB rows end with a blank line: repeat it with the row
    a = first(lines, lambda l: ROW2 in l, h3) - (1 if lay == "tab" else 0)
    e = first(lines, lambda l: "</table>" in l, a) if lay == "html" else h4
    cases.append((lay, "table-3 rows repeated") + repeat(lines, a, e, target))
lines = report("stats_table_pre2019/tab").splitlines(keepends=True)
a = first(lines, lambda l: "一、主动公开情况" in l) - 1
e = first(lines, lambda l: "存在的主要问题" in l, a)
cases.append(("stats_table", "rows repeated") + repeat(lines, a, e, target))
# narrative: its short lines with figures, gathered and repeated
lines = report("narrative/prose").splitlines(keepends=True)
figs = [i for i in range(1, len(lines)) if len(lines[i]) < 300 and any(c.isdigit() for c in lines[i])]
lines = lines[:figs[0]] + [lines[i] for i in figs] + lines[figs[0]:]
cases.append(("narrative", "figure lines repeated") + repeat(lines, figs[0], figs[0] + len(figs), target))
# a listing page of many short reports, every one of them returned
short, size = [], 0
while size < target:
    k = len(short)
    short.append("某某区第%d局%d年政府信息公开工作年度报告\n"
                 "本机关共受理政府信息公开申请%d件，已全部办结，上年结转0件，结转下年度0件。\n"
                 "本年度未发生政府信息公开行政复议。\n\n" % (k, 2001 + k % 20, k + 3))
    size += len(short[-1].encode())
cases.append(("narrative", "short reports on one page", "".join(short), len(short)))

out = ["| layout | input | bytes | peak bytes | per input byte | returned | transient per input byte | target | status |",
       "|---|---|---|---|---|---|---|---|---|"]
for k, (lay, what, doc, n) in enumerate(cases):
    p = os.path.join(work, "dense%02d.txt" % k)
    open(p, "w", encoding="utf-8").write(doc)
    r = subprocess.run([os.path.join(work, "mem_peak"), p], capture_output=True, text=True, check=True)
    _, nbytes, peak, ratio, _, result, transient = r.stdout.split()
    out.append("| %s | %s (x%d) | %s | %s | %s | %s | %s | at most %gx | %s |" % (
        lay, what, n, nbytes, peak, ratio, result, transient, LIMIT,
        "met" if int(peak) - int(result) <= LIMIT * int(nbytes) else "NOT MET"))
print("\n".join(out))
EOF
)" || dense_report="(table-dense memory measurement failed)"
else
	dense_report="(bench/mem_peak.c did not build: $(head -c 300 "$work/mem_peak.log"))"
fi

# the same count on ordinary reports: 280 generated reports of every kind,
# one file each; by size, the share within 4x, counted with and without the
# reports returned (a template report's room for 256 cells is about 25 KB
# whatever its size: output, not working memory)
ordinary_report=""
if [ -x "$work/mem_peak" ] &&
	python3 bench/gen.py -n 280 --seed "$SEED" --dir "$work/ordinary" >/dev/null 2>&1; then
	ordinary_report="$("$work/mem_peak" "$work"/ordinary/* | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
rows = [(int(r[1]), int(r[2]), int(r[5])) for r in rows]
out = ["| input size | reports | peak per input byte (max) | peak within 4x | transient per input byte (max) | transient within 4x | status |",
       "|---|---|---|---|---|---|---|"]
for lo, hi, name in ((0, 10000, "under 10 KB"), (10000, 20000, "10-20 KB"),
                     (20000, 50000, "20-50 KB"), (50000, 1 << 62, "50 KB and more")):
    g = [(n, p, p - res) for n, p, res in rows if lo <= n < hi]
    if not g:
        continue
    ok = sum(1 for n, p, t in g if p <= 4 * n)
    tok = sum(1 for n, p, t in g if t <= 4 * n)
    out.append("| %s | %d | %.2fx | %d | %.2fx | %d | %s |" % (
        name, len(g), max(p / n for n, p, t in g), ok, max(t / n for n, p, t in g), tok,
        "met" if tok == len(g) else "NOT MET"))
print("\n".join(out))
')" || ordinary_report="(ordinary-report memory measurement failed)"
fi

echo "=== benchmark in a throwaway cluster"
# the cluster runs as postgres when started by root: it must read the corpus
pg_virtualenv -o 'shared_buffers=256MB' -o 'work_mem=64MB' -o 'max_wal_size=4GB' \
	-o 'synchronous_commit=off' \
	psql -X -q -v ON_ERROR_STOP=1 -v docs="$work/docs.copy" -v work="$work" -v runs="$RUNS" \
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
echo
echo "Transient memory of the parsing core on table-dense input (bytes held at once, counted through gr_mem; transient = peak - the reports returned; target: at most 4x the input)"
echo "$dense_report"
if [ -n "$ordinary_report" ]; then
	echo
	echo "Transient memory of the parsing core on ordinary reports (280 generated, every kind; the same count; target: transient at most 4x the input)"
	echo "$ordinary_report"
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
	echo "- Cluster: pg_virtualenv, shared_buffers=256MB, synchronous_commit=off, jit=off, max_parallel_workers_per_gather=0, govreport columns COMPRESSION lz4"
	echo "- Corpus: \`python3 bench/gen.py -n $N --seed $SEED\`, $RUNS runs per figure (median); md5 and the parse at least 5, in turn"
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
		echo
		echo "$mem_report"
	fi
	echo
	echo "## Transient memory on table-dense input (parsing core)"
	echo
	echo "The most bytes the core holds at once while it parses (\`bench/mem_peak.c\`: the"
	echo "sizes it asks the gr_mem callback for, live high-water mark, the reports returned"
	echo "included), for a generated report of every layout whose table 3, or the rows inside"
	echo "it, are repeated to about ${BENCH_MEM_BYTES:-4000000} bytes, and a page of that size made of short"
	echo "reports (every one returned). \"returned\" is what the reports returned hold (all"
	echo "that is still allocated when the parse returns); transient = (peak - returned) /"
	echo "input, the working memory of the parse. Target: transient at most 4x the input. See"
	echo "[PROFILE.md](PROFILE.md#transient-memory-on-table-dense-input)."
	echo
	echo "$dense_report"
	if [ -n "$ordinary_report" ]; then
		echo
		echo "## Transient memory on ordinary reports (parsing core)"
		echo
		echo "The same count on 280 generated reports of every kind (\`gen.py -n 280 --seed $SEED\`),"
		echo "one parse each, by input size. A template report is returned in room for 256"
		echo "cells (about 25 KB, of which it fills about 205) whatever its size, so counted"
		echo "with the reports returned, small reports are above 4x; the working memory of the"
		echo "parse (transient: peak - the reports returned) is within 4x on every one."
		echo
		echo "$ordinary_report"
	fi
	echo
	echo "## Profile"
	echo
	echo "Why parse is far from md5 and what to change: see [PROFILE.md](PROFILE.md)."
} > "$RESULTS"
echo "bench: results written to $RESULTS"
