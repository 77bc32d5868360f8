#!/usr/bin/env bash
#
# dump_restore.sh - pg_dump / pg_restore of a database that uses govreport,
# in a throwaway cluster.
#
# The source database holds the extension in schema gr (off the
# search_path), reports in a table with an enforcing trigger (quarantine
# mode) and a CHECK constraint using gr.govreport_is_consistent, a table
# with a generated govreport column and an expression index, a continuity
# constraint trigger, a view over govreport_cells, a materialized view over
# govreport_parse_all, quarantined rows (an extension configuration table)
# and an analyst schema.  It is dumped in custom format and restored with
# pg_restore --exit-on-error, and dumped as plain SQL and restored with psql
# ON_ERROR_STOP; each copy must restore without an error or warning, hold the
# same rows (compared by checksums), and still enforce (trigger, CHECK).
#
# Run from anywhere; needs the extension installed (make install) and
# pg_virtualenv (postgresql-common).  Prints "dump_restore: N checks passed,
# M failed" and exits non-zero on failure.
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin dump_restore
t_venv "$@"


work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-dump.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

q() { local db="$1"; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

createdb -T template0 -E UTF8 gr_src || { echo "dump_restore: createdb failed"; exit 1; }

# ---------------------------------------------------------------- source
fx=test/fixtures
q gr_src -v d="$(cat $fx/t2021_tab.txt)" -v b="$(cat $fx/t2019_tab.txt)" \
	-v p="$(cat $fx/t2021_pipe.txt)" -v m="$(cat $fx/t2019_md.txt)" \
	-v bl="$(cat $fx/blank_cells.txt)" -v nr="$(cat $fx/bad_prose.txt)" \
	-v two="$(cat $fx/two_reports.txt)" >"$work/setup.out" 2>&1 <<'EOF'
SET client_min_messages = warning;
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;

CREATE TABLE public.reports (
	id   int PRIMARY KEY,
	body text NOT NULL,
	year int NOT NULL,
	raw  text NOT NULL,
	r    gr.govreport CHECK (gr.govreport_is_consistent(r))
);
CREATE TRIGGER reports_enforce BEFORE INSERT OR UPDATE ON public.reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'quarantine');
CREATE CONSTRAINT TRIGGER reports_r13 AFTER INSERT OR UPDATE ON public.reports
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION gr.govreport_enforce_continuity('r', 'body', 'year', 'quarantine');
CREATE INDEX reports_year_idx ON public.reports (((r).year));

INSERT INTO public.reports VALUES
	(1, 'qinghe-eco', 2021, :'d'),
	(2, 'qinghe-eco', 2020, :'b'),       -- R13 against row 1: a continuity entry
	(3, 'qinghe-eco-pipe', 2021, :'p'),
	(4, 'qingxi-market-md', 2020, :'m'),
	(5, 'qinghe-blank', 2021, :'bl'),
	(6, 'qinghe-planted', 2021, replace(:'d', E'\u300052', E'\u300053')),
	(7, 'notice', 2023, :'nr');

-- a generated column and an expression index on it
CREATE TABLE public.docs (
	id  int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	doc text NOT NULL,
	r   gr.govreport GENERATED ALWAYS AS (gr.govreport_parse(doc)) STORED,
	CONSTRAINT docs_consistent CHECK (gr.govreport_is_consistent(r))
);
CREATE INDEX docs_new_received_idx ON public.docs (((r).new_received));
INSERT INTO public.docs (doc) VALUES (:'d'), (:'b'), (:'p');

-- views over the extension's functions
CREATE VIEW public.report_cells AS
	SELECT d.id, c.* FROM public.docs d, gr.govreport_cells(d.r) c;
CREATE VIEW public.report_sum AS
	SELECT (r).format, (gr.govreport_sum(r)).new_received FROM public.docs GROUP BY 1;
CREATE MATERIALIZED VIEW public.pages AS
	SELECT p.agency, p.year, p.new_received FROM gr.govreport_parse_all(:'two') p;

SELECT gr.govreport_create_analyst_schema('analyst');
EOF
rc=$?
check "source database set up" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || cat "$work/setup.out"

# what a copy must hold: one checksum per relation, in a fixed order
fingerprint() {
	q "$1" <<'EOF'
SELECT 'reports', count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM public.reports t
UNION ALL
SELECT 'docs', count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM public.docs t
UNION ALL
SELECT 'report_cells', count(*), md5(string_agg(t::text, '|' ORDER BY id, src_start, row_key, col_key)) FROM public.report_cells t
UNION ALL
SELECT 'report_sum', count(*), md5(string_agg(t::text, '|' ORDER BY format)) FROM public.report_sum t
UNION ALL
SELECT 'pages', count(*), md5(string_agg(t::text, '|' ORDER BY year, agency)) FROM public.pages t
UNION ALL
SELECT 'quarantine', count(*), md5(string_agg(
		(t.relid::text, t.reason, t.diverted, t.raw, t.report, t.row_data, t.violations,
		 t.error_sqlstate, t.error_message, t.captured_at)::text, '|' ORDER BY id))
	FROM gr.govreport_quarantine t
UNION ALL
SELECT 'analyst_objects', count(*), md5(string_agg(c.relname || ':' || c.relkind::text, '|' ORDER BY c.relname))
	FROM pg_class c WHERE c.relnamespace = 'analyst'::regnamespace
UNION ALL
SELECT 'extension', count(*), string_agg(extname || ' ' || extversion || ' ' || extnamespace::regnamespace::text, ',')
	FROM pg_extension WHERE extname = 'govreport'
ORDER BY 1;
EOF
}

src_fp="$(fingerprint gr_src)"
check "source holds 5 reports and 3 quarantined rows" \
	same "$(q gr_src -c "SELECT (SELECT count(*) FROM public.reports) || ' ' || (SELECT count(*) FROM gr.govreport_quarantine)")" "5 3"

# ------------------------------------------------------------- the dumps
pg_dump -Fc -f "$work/src.dump" gr_src 2>"$work/dump.err"
check "pg_dump -Fc exits 0" [ $? -eq 0 ]
check "pg_dump -Fc prints nothing" [ ! -s "$work/dump.err" ]
pg_dump -Fp -f "$work/src.sql" gr_src 2>"$work/dumpp.err"
check "pg_dump -Fp exits 0" [ $? -eq 0 ]

# -------------------------------------------------- custom format restore
createdb -T template0 -E UTF8 gr_dst
pg_restore --exit-on-error -d gr_dst "$work/src.dump" >"$work/restore.out" 2>&1
rc=$?
check "pg_restore exits 0" [ "$rc" -eq 0 ]
check "pg_restore prints nothing (no error, no warning)" [ ! -s "$work/restore.out" ]
[ -s "$work/restore.out" ] && head -n 30 "$work/restore.out"
check "restored (pg_restore) rows and objects equal the source" same "$(fingerprint gr_dst)" "$src_fp"

# ------------------------------------------------------- plain SQL restore
createdb -T template0 -E UTF8 gr_dst_sql
psql -X -q -v ON_ERROR_STOP=1 -d gr_dst_sql -f "$work/src.sql" >"$work/restore_sql.out" 2>&1
rc=$?
check "psql restore of the plain dump exits 0" [ "$rc" -eq 0 ]
check "psql restore prints no error or warning" \
	[ "$(grep -cE 'ERROR|WARNING' "$work/restore_sql.out")" -eq 0 ]
grep -E 'ERROR|WARNING' "$work/restore_sql.out" | head -n 10
check "restored (plain SQL) rows and objects equal the source" same "$(fingerprint gr_dst_sql)" "$src_fp"

# -------------------------------------------- the copies still enforce
for db in gr_dst gr_dst_sql; do
	out="$(q "$db" -v d="$(cat $fx/t2021_tab.txt)" 2>&1 <<'EOF'
SET client_min_messages = warning;
INSERT INTO public.reports VALUES (10, 'new', 2022, replace(:'d', E'\u300052', E'\u300053'));
INSERT INTO public.reports VALUES (11, 'new2', 2022, :'d');
SELECT count(*) FROM public.reports WHERE id >= 10;
SELECT count(*) FROM gr.govreport_quarantine WHERE (row_data->>'id')::int = 10;
INSERT INTO public.docs (doc) VALUES (replace(:'d', E'\u300052', E'\u300053'));
EOF
)"
	check "$db: trigger still parses and quarantines" same "$(echo "$out" | sed -n '1,2p' | tr '\n' ' ')" "1 1 "
	check "$db: CHECK (gr.govreport_is_consistent) still rejects" \
		eval 'echo "$out" | grep -q "violates check constraint \"docs_consistent\""'
	check "$db: extension still in schema gr, off the search_path" \
		same "$(q "$db" -c "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'govreport'; SHOW search_path")" \
		"$(printf 'gr\n"$user", public')"
done

t_end
