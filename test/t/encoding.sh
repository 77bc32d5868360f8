#!/usr/bin/env bash
#
# encoding.sh - govreport in databases whose encoding is not UTF8, in a
# throwaway cluster: an EUC_CN database is served correctly (the text is
# converted to UTF-8 for the parser and the results back, so printed and
# positions refer to the stored text), a GB18030 file read as bytea works
# there too, and a SQL_ASCII database is refused with SQLSTATE 0A000.
#
# Needs the extension installed (make install) and pg_virtualenv.  Prints
# "encoding: N checks passed, M failed" and exits non-zero on failure.
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin encoding
t_venv "$@"

q() { local db="$1"; shift; PGCLIENTENCODING=UTF8 psql -X -q -At -d "$db" "$@" 2>&1; }

createdb -T template0 -E EUC_CN --locale=C gr_euc || { echo "encoding: createdb EUC_CN failed"; exit 1; }
createdb -T template0 -E SQL_ASCII --locale=C gr_ascii || { echo "encoding: createdb SQL_ASCII failed"; exit 1; }
createdb -T template0 -E UTF8 gr_utf8 || { echo "encoding: createdb UTF8 failed"; exit 1; }
q gr_utf8 <<<'CREATE EXTENSION govreport' >/dev/null
q gr_euc <<<'CREATE EXTENSION govreport' >/dev/null
q gr_ascii <<<'CREATE EXTENSION govreport' >/dev/null

# the TAB fixture pads cells with U+00A0, which EUC_CN cannot hold: the
# pipe copy of the same report has only U+3000 padding
doc="$(cat test/fixtures/t2021_pipe.txt)"
gb="$(iconv -f UTF-8 -t GB18030 test/fixtures/t2021_pipe.txt | base64 -w0)"
gb_nbsp="$(base64 -w0 test/fixtures/layouts/t2021_gb18030.txt)"

check "EUC_CN: agency, year, totals" same \
	"$(q gr_euc -v d="$doc" <<<"SELECT (r).agency, (r).year, (r).new_received, (r).processed_total FROM (SELECT govreport_parse(:'d') AS r) s")" \
	"青禾区生态环境局|2021|1210|1199"
check "EUC_CN: every printed text stands at its position in the stored text" same \
	"$(q gr_euc -v d="$doc" <<<"SELECT bool_and(substr(:'d', src_start, src_len) = printed), count(*) FROM govreport_cells(govreport_parse(:'d'))")" \
	"t|$(q gr_euc -v d="$doc" <<<"SELECT cardinality((govreport_parse(:'d')).cells)")"
cells="SELECT tbl, row_key, col_key, value, printed, src_start, src_len FROM govreport_cells(govreport_parse(:'d'))"
check "EUC_CN: the same cells, printed text and positions as in a UTF8 database" same \
	"$(q gr_euc -v d="$doc" <<<"$cells")" \
	"$(q gr_utf8 -v d="$doc" <<<"$cells")"
check "EUC_CN: dispositions" same \
	"$(q gr_euc -v d="$doc" <<<"SELECT count(*), sum(count) FROM govreport_dispositions(govreport_parse(:'d'))")" \
	"126|1199"
check "EUC_CN: raw GB18030 bytes" same \
	"$(q gr_euc -v b="$gb" <<<"SELECT (r).agency, (r).new_received, (r).warnings[1] FROM (SELECT govreport_parse(decode(:'b', 'base64')) AS r) s")" \
	"青禾区生态环境局|1210|encoding: GB18030 (detected from the bytes)"
check "EUC_CN: a report character the database cannot hold (U+00A0) is 22P05, not garbled" same \
	"$(q gr_euc -v b="$gb_nbsp" <<<"\\set VERBOSITY sqlstate
SELECT govreport_parse(decode(:'b', 'base64'))")" \
	"ERROR:  22P05"
check "SQL_ASCII: refused with 0A000" same \
	"$(q gr_ascii -v d="$doc" <<<"\\set VERBOSITY sqlstate
SELECT govreport_parse(:'d')")" \
	"ERROR:  0A000"

t_end
