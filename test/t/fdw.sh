#!/usr/bin/env bash
#
# fdw.sh - scale-out test: reports partitioned by year across two PostgreSQL
# clusters through postgres_fdw, govreport listed in the foreign server's
# "extensions" option, and EXPLAIN VERBOSE showing that parsing, checks and
# the govreport_sum aggregate run on the shard (Remote SQL).
#
#   coordinator  reports PARTITION BY LIST (year)
#                  reports_2020  local partition (govreport_enforce, quarantine)
#                  reports_2021  foreign table -> shard.public.reports_2021
#   shard        reports_2021 with govreport_enforce in quarantine mode: the
#                raw text sent by the coordinator is parsed and checked there
#
# The clusters are made with initdb/pg_ctl (pg_virtualenv cannot nest) in a
# private /tmp directory, as the postgres user when run as root, listening
# only on Unix sockets in that directory (ports 5471 and 5472 name the
# sockets; nothing listens on TCP).  Needs the extension installed (make
# install) and postgres_fdw (postgresql-15 ships it).  Prints
# "fdw: N checks passed, M failed" and exits non-zero on failure.
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin fdw

PG_CONFIG="${PG_CONFIG:-pg_config}"
BIN="$("$PG_CONFIG" --bindir)"
PORT_C="${GR_FDW_PORT_COORD:-5471}"
PORT_S="${GR_FDW_PORT_SHARD:-5472}"


T="$(mktemp -d /tmp/govreport-fdw.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$T"
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi

cleanup() {
	for c in coord shard; do
		[ -f "$T/$c/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$T/$c" -m immediate stop >/dev/null 2>&1
	done
	rm -rf "$T"
}
[ -n "${GR_FDW_KEEP:-}" ] && echo "fdw: keeping $T" || trap cleanup EXIT

start() {
	local name="$1" port="$2"
	as_pg "$BIN/initdb" -D "$T/$name" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$T/$name.initdb.log" 2>&1 || {
		cat "$T/$name.initdb.log"
		return 1
	}
	as_pg "$BIN/pg_ctl" -D "$T/$name" -l "$T/$name.log" -w \
		-o "-p $port -k $T -c listen_addresses='' -c max_worker_processes=4" start >/dev/null || {
		cat "$T/$name.log"
		return 1
	}
}
if ! start coord "$PORT_C" || ! start shard "$PORT_S"; then
	echo "fdw: could not start the two clusters"
	exit 1
fi

psql_c() { psql -X -q -h "$T" -p "$PORT_C" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_s() { psql -X -q -h "$T" -p "$PORT_S" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

# ----------------------------------------------------------------- shard
psql_s <<'EOF' || { echo "fdw: shard setup failed"; exit 1; }
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;
CREATE TABLE reports_2021 (
	id         bigint PRIMARY KEY,
	lineage_id text,
	year       integer NOT NULL CHECK (year = 2021),
	raw        text,
	report     gr.govreport
);
CREATE TRIGGER reports_10_enforce BEFORE INSERT OR UPDATE ON reports_2021
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report', 'quarantine');
EOF

# ----------------------------------------------------------- coordinator
psql_c -v sockdir="$T" -v port="$PORT_S" <<'EOF' || { echo "fdw: coordinator setup failed"; exit 1; }
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;
CREATE EXTENSION postgres_fdw;
-- fdw_tuple_cost: what fetching one row costs, in planner units.  A row
-- with a govreport column costs about 0.4 ms to ship and decode (record_out
-- on the shard, record_in here), some 200 units, not the default 0.01.  With
-- the default, and govreport_sum / govreport_is_consistent at their real
-- COST (0.2), aggregating on the shard and aggregating here cost the same
-- within 1%, and the local plan, which starts sooner, wins.
CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host :'sockdir', port :'port', dbname 'postgres', extensions 'govreport',
	         fdw_tuple_cost '200');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard OPTIONS (user 'postgres');

CREATE TABLE reports (
	id         bigint NOT NULL,
	lineage_id text,
	year       integer NOT NULL,
	raw        text,
	report     gr.govreport
) PARTITION BY LIST (year);
CREATE TABLE reports_2020 PARTITION OF reports FOR VALUES IN (2020);
CREATE TRIGGER reports_10_enforce BEFORE INSERT OR UPDATE ON reports_2020
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report', 'quarantine');
CREATE FOREIGN TABLE reports_2021 PARTITION OF reports FOR VALUES IN (2021)
	SERVER shard OPTIONS (schema_name 'public', table_name 'reports_2021');

-- load through the coordinator: only the raw text travels to the shard
\set d `cat test/fixtures/t2019_tab.txt`
INSERT INTO reports (id, lineage_id, year, raw) VALUES (1, 'qingxi-market', 2020, :'d');
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO reports (id, lineage_id, year, raw) VALUES (2, 'qinghe-eco', 2021, :'d');
\set d `cat test/fixtures/t2021_pipe.txt`
INSERT INTO reports (id, lineage_id, year, raw) VALUES (3, 'qinghe-eco-copy', 2021, :'d');
\set d `cat test/fixtures/t2021_md.txt`
INSERT INTO reports (id, lineage_id, year, raw) VALUES (4, 'qinghe-eco-md', 2021, :'d');
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO reports (id, lineage_id, year, raw)
VALUES (5, 'qinghe-eco-planted', 2021, replace(:'d', E'\u300052', E'\u300053'));
ANALYZE reports_2020;
EOF

q_c() { psql_c -At -c "$1"; }
q_s() { psql_s -At -c "$1"; }

# ------------------------------------------------------------------ data
check "three 2021 reports parsed on the shard (the planted one quarantined there)" \
	[ "$(q_s 'SELECT count(*) FROM reports_2021 WHERE report IS DISTINCT FROM NULL')" = 3 ]
check "shard quarantine holds the planted report" \
	[ "$(q_s "SELECT string_agg(row_data->>'lineage_id' || ' ' || reason, ',') FROM gr.govreport_quarantine")" = "qinghe-eco-planted violation" ]
check "coordinator sees both partitions" \
	[ "$(q_c "SELECT string_agg(year || ':' || n, ',' ORDER BY year) FROM (SELECT year, count(*) n FROM reports GROUP BY year) x")" = "2020:1,2021:3" ]

# --------------------------------------------------------- pushed down
plan() { psql_c -At -c "EXPLAIN (VERBOSE, COSTS OFF) $1"; }

p1="$(plan "SELECT id FROM reports WHERE year = 2021 AND gr.govreport_is_consistent(gr.govreport_parse(raw))")"
echo "$p1"
check "parse + is_consistent in the Remote SQL" \
	grep -q 'Remote SQL: SELECT id FROM public.reports_2021 WHERE .*gr.govreport_is_consistent(gr.govreport_parse(raw))' <<<"$p1"
check "only the 2021 partition is scanned" bash -c "! grep -q reports_2020 <<<'$p1'"

# an aggregate over the partitioned table reaches a foreign partition with
# partitionwise aggregation, grouped by the partition key
p2="$(psql_c -At -c "SET enable_partitionwise_aggregate = on" \
	-c "EXPLAIN (VERBOSE, COSTS OFF) SELECT year, gr.govreport_sum(report) FROM reports GROUP BY year")"
echo "$p2"
check "govreport_sum aggregated on the shard" grep -q 'Remote SQL: SELECT year, gr.govreport_sum(report) FROM public.reports_2021 GROUP BY 1' <<<"$p2"

p3="$(psql_c -At -c "SET enable_partitionwise_aggregate = on" \
	-c "EXPLAIN (VERBOSE, COSTS OFF) SELECT year, count(*) FILTER (WHERE NOT gr.govreport_is_consistent(report)) AS failing, count(*) FROM reports GROUP BY year")"
echo "$p3"
check "partitionwise: the shard counts failing reports itself" \
	grep -q 'Remote SQL: SELECT year, count(\*) FILTER (WHERE (NOT gr.govreport_is_consistent(report))), count(\*) FROM public.reports_2021 GROUP BY 1' <<<"$p3"

p4="$(plan "SELECT id FROM reports WHERE year = 2021 AND (gr.govreport_parse(raw)) = report")"
check "a whole govreport value compared on the shard" grep -q 'Remote SQL: .*gr.govreport_parse(raw)' <<<"$p4"

# the violations of the shard's sum, checked on the coordinator
check "rules hold on the shard's sum" \
	[ "$(q_c "SELECT count(*) FROM gr.govreport_violations((SELECT gr.govreport_sum(report) FROM reports WHERE year = 2021)) WHERE kind = 'strict'")" = 0 ]
check "sum of the 2021 partition" \
	[ "$(q_c "SELECT (gr.govreport_sum(report)).new_received FROM reports WHERE year = 2021")" = 3630 ]
check "same answer as computing locally" \
	[ "$(q_c "SELECT count(*) FROM reports WHERE year = 2021 AND gr.govreport_is_consistent(gr.govreport_parse(raw))")" = 3 ]

# without the extensions option nothing of govreport is shipped
psql_c -c "ALTER SERVER shard OPTIONS (DROP extensions)"
p5="$(plan "SELECT id FROM reports WHERE year = 2021 AND gr.govreport_is_consistent(gr.govreport_parse(raw))")"
echo "$p5"
check "without extensions 'govreport' the filter stays local" \
	bash -c "grep -q 'Filter: gr.govreport_is_consistent(gr.govreport_parse(reports.raw))' <<<'$p5' && ! grep -q 'Remote SQL: .*govreport' <<<'$p5'"
psql_c -c "ALTER SERVER shard OPTIONS (ADD extensions 'govreport')"

t_end
