#!/usr/bin/env bash
#
# loader.sh - test of bin/govreport-load in a throwaway cluster.
#
# A temporary folder holds the fixtures in mixed encodings (UTF-8, UTF-8 with
# BOM, GB18030 and Big5 made with iconv), a report with a planted error, a
# document with two reports, a text holding no report and two broken files.
# The loader runs twice (the second run skips everything it loaded), then
# against a port nobody listens on (exit status 2).  Run from anywhere; needs
# the extension installed (make install) and pg_virtualenv (postgresql-common).
# Prints "loader: N checks passed, M failed" and exits non-zero on failure.
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin loader
t_venv "$@"


LOADER="${GR_LOADER:-bin/govreport-load}"
work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-loader.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------ the folder
src=test/fixtures
mkdir -p "$work/in/sub"
cp "$src/t2021_tab.txt" "$work/in/a_utf8.txt"
printf '\xef\xbb\xbf' >"$work/in/b_bom.md"
cat "$src/t2021_pipe.txt" >>"$work/in/b_bom.md"
iconv -f UTF-8 -t GB18030 "$src/t2019_tab.txt" >"$work/in/c_gb18030.txt"
sed 's/\xc2\xa0/ /g' "$src/layouts/t2021_trad.txt" | iconv -f UTF-8 -t BIG5 >"$work/in/d_big5.txt"
sed 's/\xe3\x80\x8052/\xe3\x80\x8053/' "$src/t2021_tab.txt" >"$work/in/e_planted.txt"
cp "$src/two_reports.txt" "$work/in/sub/f_two.html"
cp "$src/bad_prose.txt" "$work/in/sub/g_notice.txt"
printf 'abc\xff\xff\xfe\x80 not a report\n' >"$work/in/h_broken.txt"
: >"$work/in/i_empty.txt"
echo 'ignored: not a report extension' >"$work/in/notes.csv"

psql -X -q -c 'CREATE EXTENSION govreport' >/dev/null
sql() { psql -X -At -c "$1"; }

# --------------------------------------------------------------- first run
"$LOADER" --district 青禾区 "$work/in" >"$work/run1.out" 2>"$work/run1.err"
rc=$?
cat "$work/run1.out"
check "first run exits 0" [ "$rc" -eq 0 ]
check "no progress line when stderr is not a terminal" [ ! -s "$work/run1.err" ]
check "UTF-8 file loaded" grep -q 'a_utf8.txt: loaded 1 report (2021 青禾区生态环境局) \[UTF-8\]' "$work/run1.out"
check "UTF-8 with BOM loaded" grep -q 'b_bom.md: loaded 1 report (2021 青禾区生态环境局) \[UTF-8 with BOM\]' "$work/run1.out"
check "GB18030 file loaded" grep -q 'c_gb18030.txt: loaded 1 report (2020 .*) \[GB18030\]' "$work/run1.out"
check "Big5 file loaded" grep -q 'd_big5.txt: loaded 1 report (2021 .*) \[Big5\]' "$work/run1.out"
check "planted error quarantined with its rules" \
	grep -q 'e_planted.txt: quarantined 1 of 1 report: part 1 violation: R1 natural_person, R3 carried_forward' "$work/run1.out"
check "two reports in one file" grep -q 'f_two.html: loaded 2 reports' "$work/run1.out"
check "text without a report" grep -q 'g_notice.txt: no report: invalid input syntax for type govreport' "$work/run1.out"
check "broken bytes unreadable" grep -q 'h_broken.txt: unreadable: bytes are neither UTF-8' "$work/run1.out"
check "empty file unreadable" grep -q 'i_empty.txt: unreadable: empty file' "$work/run1.out"
check "other extensions ignored" bash -c "! grep -q notes.csv '$work/run1.out'"
check "summary line" grep -qx '9 files: 5 loaded, 1 quarantined, 1 no report, 2 unreadable' "$work/run1.out"

check "6 reports stored" [ "$(sql 'SELECT count(*) FROM govreport_analyst.reports')" = 6 ]
check "raw text kept verbatim" [ "$(sql "SELECT raw FROM govreport_analyst.reports WHERE file_name LIKE '%a_utf8.txt'")" = "$(cat "$work/in/a_utf8.txt")" ]
check "sha256 of the file bytes" [ "$(sql "SELECT checksum FROM govreport_analyst.reports WHERE file_name LIKE '%c_gb18030.txt'")" = "$(sha256sum "$work/in/c_gb18030.txt" | cut -d' ' -f1)" ]
check "district recorded" [ "$(sql "SELECT count(*) FROM govreport_analyst.reports WHERE district = '青禾区'")" = 6 ]
check "encodings recorded" [ "$(sql "SELECT string_agg(encoding, ',' ORDER BY encoding) FROM govreport_analyst.loads WHERE encoding IS NOT NULL")" = "Big5,GB18030,UTF-8,UTF-8,UTF-8,UTF-8,UTF-8 with BOM" ]
check "quarantine holds the planted report and the notice" [ "$(sql "SELECT string_agg(reason, ',' ORDER BY reason) FROM govreport_analyst.quarantined WHERE rule IS NULL OR rule = 'R1'")" = "parse_error,violation" ]
check "every stored report reconciles" [ "$(sql 'SELECT bool_and(gr_ok) FROM (SELECT govreport_is_consistent(report) AS gr_ok FROM govreport_analyst.reports) x')" = t ]

# -------------------------------------------------------------- second run
"$LOADER" "$work/in" "$work/in/a_utf8.txt" >"$work/run2.out" 2>&1
rc=$?
cat "$work/run2.out"
check "second run exits 0" [ "$rc" -eq 0 ]
check "second run skips what was loaded" grep -qx '10 files: 2 unreadable, 8 skipped' "$work/run2.out"
check "nothing stored twice" [ "$(sql 'SELECT count(*) FROM govreport_analyst.reports')" = 6 ]
check "no new quarantine entries" [ "$(sql 'SELECT count(*) FROM govreport_quarantine')" = 2 ]

# ------------------------------------------------------ errors of the call
"$LOADER" -p 1 -h /nonexistent "$work/in" >"$work/run3.out" 2>&1
check "connection error exits 2" [ $? -eq 2 ]
"$LOADER" "$work/in/missing.txt" >"$work/run4.out" 2>&1
check "missing file is a per-file result, exit 0" [ $? -eq 0 ]
check "missing file reported" grep -q 'missing.txt: unreadable: no such file' "$work/run4.out"
"$LOADER" --help >"$work/help.out" 2>&1
check "--help" grep -q 'usage: govreport-load' "$work/help.out"

t_end
