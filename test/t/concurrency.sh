#!/usr/bin/env bash
#
# concurrency.sh - 8 concurrent sessions load reports through the
# govreport_enforce trigger in quarantine mode (pgbench -c 8 -j 2, custom
# script), in a throwaway cluster.
#
# The input is a table of N documents with a checksum each: synthetic
# reports of every format and layout (bench/gen.py), the same with one
# planted error (a strict rule fails), and texts holding no report.  Each
# pgbench transaction takes the next three ids from a sequence and inserts
# those documents with one INSERT ... SELECT.  Afterwards every input row must
# be either in the target table or in gr.govreport_quarantine (diverted),
# none lost, none duplicated (counted by checksum), each on the side a
# single-session run puts it, and every quarantined row carries its reason.
#
# Run from anywhere; needs the extension installed (make install), pgbench
# and pg_virtualenv.  Prints "concurrency: N checks passed, M failed" and
# exits non-zero on failure.  CONC_CLIENTS (8), CONC_TXN (20 per client).
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin concurrency
t_venv "$@"

clients="${CONC_CLIENTS:-8}"
txn="${CONC_TXN:-20}"
per_txn=3
n=$((clients * txn * per_txn))


work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-conc.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# ------------------------------------------------------------ the input
# n/3 good reports; each also comes with a planted error and as a notice
python3 bench/gen.py -n $((n / 3)) --seed 8 --min-kb 2 --max-kb 12 --out "$work/gen.copy" 2>/dev/null ||
	{ echo "concurrency: bench/gen.py failed"; exit 1; }

q -v gen="$work/gen.copy" -v nr="$(cat test/fixtures/bad_prose.txt)" >"$work/setup.out" 2>&1 <<'EOF'
SET client_min_messages = warning;
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;
CREATE TABLE gen (id int, kind text, format text, layout text, nr bigint, pt bigint, doc text);
\set copycmd '\\copy gen FROM ' :'gen'
:copycmd

-- the input: good, planted (the t3 new_received total + 1: R1 and R3 fail;
-- the first printed occurrence after the table-3 heading), no report
CREATE TABLE src (id int PRIMARY KEY, variant text NOT NULL, doc text NOT NULL,
                  checksum text);
INSERT INTO src (id, variant, doc, checksum)
SELECT row_number() OVER (ORDER BY g.id, v.k), v.k, v.doc, NULL
FROM gen g
CROSS JOIN LATERAL (VALUES
	('good', g.doc || E'\n编号 ' || g.id || E'\n'),
	('planted', g.doc || E'\n编号 ' || g.id || E'-p\n'),
	('noreport', :'nr' || E'\n编号 ' || g.id || E'\n')) v(k, doc);

-- plant: bump the first number of the table-3 new_received row (templates);
-- other formats get a doubled closing total that breaks their own rules,
-- else they stay good and are counted as such below
UPDATE src SET doc = regexp_replace(doc,
	'(一、本年新收政府信息公开申请数量[^0-9]*)([0-9])', '\1\2' || '9')
WHERE variant = 'planted';
UPDATE src SET checksum = md5(doc);
ALTER TABLE src ALTER checksum SET NOT NULL, ADD UNIQUE (checksum);

-- what a single session makes of each row
CREATE FUNCTION side_of(doc text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r gr.govreport;
BEGIN
	r := gr.govreport_parse(doc);
	IF gr.govreport_is_consistent(r) THEN
		RETURN 'target';
	END IF;
	RETURN 'quarantine:violation';
EXCEPTION WHEN OTHERS THEN
	RETURN 'quarantine:parse_error';
END $$;
CREATE TABLE expect AS SELECT id, checksum, side_of(doc) AS side FROM src;

CREATE TABLE target (
	id       int,
	checksum text,
	raw      text,
	r        gr.govreport,
	loaded_by int DEFAULT pg_backend_pid()
);
CREATE TRIGGER target_enforce BEFORE INSERT ON target
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'quarantine');
CREATE SEQUENCE feed;
EOF
rc=$?
check "input set up" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || { cat "$work/setup.out"; bad=$((bad + 1)); t_end; exit 1; }

check "input holds $n documents" same "$(q -c 'SELECT count(*) FROM src')" "$n"
echo "concurrency: expected sides: $(q -c "SELECT string_agg(side || ' ' || c, ', ' ORDER BY side) FROM (SELECT side, count(*) c FROM expect GROUP BY 1) s")"

# ------------------------------------------------------------- the load
cat >"$work/load.sql" <<EOF
WITH ids AS (SELECT nextval('feed') AS id FROM generate_series(1, $per_txn))
INSERT INTO target (id, checksum, raw)
SELECT s.id, s.checksum, s.doc FROM src s JOIN ids USING (id);
EOF
pgbench -n -c "$clients" -j 2 -t "$txn" -f "$work/load.sql" >"$work/pgbench.out" 2>&1
rc=$?
check "pgbench ($clients clients x $txn transactions x $per_txn rows) exits 0" [ "$rc" -eq 0 ]
grep -E 'number of (transactions actually processed|failed)|tps|latency average' "$work/pgbench.out"
[ "$rc" -eq 0 ] || tail -n 20 "$work/pgbench.out"

# ------------------------------------------------------------- the check
check "the sequence handed out every id once" same "$(q -c "SELECT last_value FROM feed")" "$n"
check "sessions really ran concurrently (several backends loaded rows)" \
	[ "$(q -c 'SELECT count(DISTINCT loaded_by) FROM target')" -ge 2 ]

q <<'EOF'
CREATE VIEW landed AS
SELECT checksum, 'target' AS side FROM target
UNION ALL
SELECT row_data->>'checksum', 'quarantine:' || reason
FROM gr.govreport_quarantine
WHERE relid = 'target'::regclass AND diverted;
EOF

check "no row lost: every input checksum landed" \
	same "$(q -c "SELECT count(*) FROM src WHERE checksum NOT IN (SELECT checksum FROM landed)")" "0"
check "no row duplicated: each checksum landed once" \
	same "$(q -c "SELECT count(*) FROM (SELECT checksum FROM landed GROUP BY 1 HAVING count(*) > 1) d")" "0"
check "nothing landed that was not input" \
	same "$(q -c "SELECT count(*) FROM landed WHERE checksum IS NULL OR checksum NOT IN (SELECT checksum FROM src)")" "0"
check "target + quarantine = input" \
	same "$(q -c "SELECT count(*) FROM landed")" "$n"
check "each row on the side a single session puts it" \
	same "$(q -c "SELECT count(*) FROM expect e LEFT JOIN landed l USING (checksum) WHERE l.side IS DISTINCT FROM e.side")" "0"
check "every target row has its report, parsed from its own text" \
	same "$(q -c "SELECT count(*) FROM target WHERE r IS NULL OR (r).format IS NULL OR md5(raw) <> checksum")" "0"
check "every quarantined row keeps its raw text, row and reason" \
	same "$(q -c "SELECT count(*) FROM gr.govreport_quarantine WHERE relid = 'target'::regclass AND (raw IS NULL OR md5(raw) <> row_data->>'checksum' OR (reason = 'violation' AND (violations IS NULL OR report IS NULL)) OR (reason = 'parse_error' AND error_sqlstate IS NULL))")" "0"
check "some rows were quarantined for each reason" \
	same "$(q -c "SELECT string_agg(DISTINCT reason, ',' ORDER BY reason) FROM gr.govreport_quarantine WHERE relid = 'target'::regclass")" "parse_error,violation"
echo "concurrency: landed: $(q -c "SELECT (SELECT count(*) FROM target) || ' in target, ' || (SELECT count(*) FROM gr.govreport_quarantine WHERE reason = 'violation') || ' quarantined (violation), ' || (SELECT count(*) FROM gr.govreport_quarantine WHERE reason = 'parse_error') || ' quarantined (parse_error)'")"

t_end
