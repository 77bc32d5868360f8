#!/usr/bin/env bash
#
# valgrind-regress.sh - the pg_regress suite against a postmaster running
# under valgrind memcheck (Debian's server is not built with USE_VALGRIND:
# palloc chunks are not marked, so this finds reads of uninitialised malloc
# memory, invalid reads and writes outside malloc'd blocks, and errors in
# ICU calls; see test/VALGRIND.md).  Every backend is traced (fork).
#
# The limits test is left out: it parses 50 MB inputs and measures time.
# Prints the number of memcheck errors in all, and the ones whose stack goes
# through govreport.so, with their stacks; exits 1 when there are such.
#
#   test/valgrind-regress.sh            (needs make install first)
#   VG_TESTS="install parse" test/valgrind-regress.sh
#
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

bindir="$(pg_config --bindir)"
analyse_only="${VG_ANALYSE:-}"   # a log directory of an earlier run: only analyse it
port="${VG_PORT:-54329}"
tests="${VG_TESTS:-$(sed -n 's/^REGRESS *= *//p' Makefile | tr ' ' '\n' | grep -vx limits | tr '\n' ' ')}"
work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-vg.XXXXXX")"
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -n "$analyse_only" ]; then
	rmdir "$work"; work="$analyse_only"; secs="?"
else
as_pg "$bindir/initdb" -D "$work/data" -E UTF8 --locale=C -A trust >"$work/initdb.log" 2>&1 ||
	{ cat "$work/initdb.log"; exit 2; }
as_pg valgrind --quiet --trace-children=yes --track-origins=yes --read-var-info=no \
	--leak-check=no --error-limit=no --num-callers=30 \
	--suppressions=test/valgrind-pg.supp --suppressions=test/valgrind.supp \
	--log-file="$work/vg.%p.log" \
	"$bindir/postgres" -D "$work/data" -p "$port" -k "$work" -c listen_addresses= \
	-c max_parallel_workers_per_gather=0 -c autovacuum=off -c fsync=off \
	>"$work/server.log" 2>&1 &
for _ in $(seq 1 240); do
	"$bindir/pg_isready" -q -h "$work" -p "$port" && break
	sleep 1
done

echo "=== pg_regress under valgrind: $tests"
start=$(date +%s)
make -s installcheck PGHOST="$work" PGPORT="$port" PGUSER=postgres REGRESS="$tests" 2>&1 |
	grep -E '^(test| +[a-z_]+ +\.\.\.)| tests (passed|failed)' 
secs=$(( $(date +%s) - start ))
as_pg "$bindir/pg_ctl" -D "$work/data" -m fast -w -t 300 stop >/dev/null 2>&1
fi

python3 - "$work" "$secs" <<'PY'
import glob, re, sys
work, secs = sys.argv[1], sys.argv[2]
total = 0; ours = []; procs = 0; memmove_fp = []
for f in sorted(glob.glob(work + "/vg.*.log")):
    procs += 1
    blocks, cur = [], []
    for line in open(f, errors="replace"):
        m = re.match(r"==\d+== ?(.*)", line.rstrip("\n"))
        if not m:
            continue
        t = m.group(1)
        if t == "":
            if cur:
                blocks.append(cur); cur = []
        else:
            cur.append(t)
    if cur:
        blocks.append(cur)
    for b in blocks:
        if not b or b[0].startswith(("HEAP SUMMARY", "LEAK SUMMARY", "For lists", "ERROR SUMMARY", "Memcheck", "Copyright", "Using", "Command")):
            continue
        if not any(s.strip().startswith(("at 0x", "by 0x")) for s in b):
            continue
        total += 1
        # valgrind 3.19 reports __memmove_chk (fortified memmove) in the
        # server as "overlap in memcpy_chk": PostgreSQL's own memmove in
        # RE_compile_and_cache gets the same report; the call is a memmove
        if b[0].startswith("Source and destination overlap in memcpy_chk") and \
                any("memmove (string_fortified.h" in s or "RE_compile_and_cache" in s for s in b):
            memmove_fp.append((f, b))
            continue
        if any("govreport.so" in s or re.search(r"\bgr_\w+", s) for s in b):
            ours.append((f, b))
print("valgrind: %d server processes traced, pg_regress took %s s" % (procs, secs))
print("valgrind: %d memcheck errors in all: %d memmove reported as memcpy_chk overlap "
      "(valgrind false positive, %d of them in govreport.so), %d other errors through govreport.so"
      % (total, len(memmove_fp), sum(1 for f, b in memmove_fp if any("gr_" in x for x in b)), len(ours)))
for f, b in ours[:20]:
    print("--- " + f)
    print("\n".join(b[:25]))
sys.exit(1 if ours else 0)
PY
rc=$?
echo "valgrind logs: $work"
exit $rc
