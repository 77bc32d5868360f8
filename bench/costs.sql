-- bench/costs.sql - the time of one call of every govreport function that
-- does real work, and the planner COST that time comes to; run by
-- bench/costs.sh on a throwaway cluster.  psql variables: docs (COPY file
-- from bench/gen.py), runs (timed runs per function; the median counts).
--
-- COST is in units of cpu_operator_cost: one unit is 5 ns on the machine
-- the 0.2 costs were set on (sql/govreport--0.1--0.2.sql says how that
-- was found), so COST = microseconds per call * 200, rounded to two
-- significant figures.  Each call includes detoasting its arguments; a
-- set-returning function's call includes reading its rows back (the
-- planner charges an SRF's COST once per call, so that is the figure to
-- compare).  The compare, combine and trans calls take pairs of reports of
-- the same format.  A set-returning function is called in the target list,
-- where it runs once per row (a correlated scan of it could be rewound
-- instead of called again).

\set ON_ERROR_STOP on
\ir corpus.sql

CREATE TABLE src AS
	SELECT id, format, doc, pg_catalog.convert_to(doc, 'UTF8') AS b,
		   gr.govreport_parse(doc) AS r
	FROM docs;
-- each report with the next one of its format
CREATE TABLE pairs AS
	SELECT a.r AS a, b.r AS b,
		   gr.govreport_sum_state_of(a.r) AS sa, gr.govreport_sum_state_of(b.r) AS sb
	FROM (SELECT r, format, row_number() OVER (PARTITION BY format ORDER BY id) AS k FROM src) a
	JOIN (SELECT r, format, row_number() OVER (PARTITION BY format ORDER BY id) AS k FROM src) b
	  ON b.format = a.format AND b.k = a.k + 1;
VACUUM ANALYZE src;
VACUUM ANALYZE pairs;

-- the type names in m.fn below resolve through this
SET search_path = public, gr;

-- median seconds of runs executions of q
CREATE FUNCTION pg_temp.median_secs(q text, runs int) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0	timestamptz;
	ts	float8[] := '{}';
BEGIN
	EXECUTE q;					-- warm-up
	FOR i IN 1..runs LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		ts := ts || extract(epoch FROM clock_timestamp() - t0)::float8;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(ts) x);
END $$;

CREATE FUNCTION pg_temp.per_call(q text, base text, calls bigint, runs int) RETURNS float8
LANGUAGE sql AS $$
	SELECT greatest(pg_temp.median_secs(q, runs) - pg_temp.median_secs(base, runs), 0) * 1e6 / calls
$$;

CREATE TEMP TABLE m (fn text, us float8);
SELECT count(*) AS n_src FROM src \gset
SELECT count(*) AS n_pairs FROM pairs \gset

\set base_src 'SELECT count(doc), count(b), count(r) FROM src'
\set base_pairs 'SELECT count(a), count(b), count(sa), count(sb) FROM pairs'

INSERT INTO m VALUES
 ('govreport_parse(text)',
  pg_temp.per_call('SELECT count(gr.govreport_parse(doc)) FROM src', :'base_src', :n_src, :runs)),
 ('govreport_parse(bytea)',
  pg_temp.per_call('SELECT count(gr.govreport_parse(b)) FROM src', :'base_src', :n_src, :runs)),
 ('govreport_parse_all(text)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_parse_all(doc) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_parse_all(bytea)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_parse_all(b) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_split(text)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_split(doc) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_cells(govreport)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_cells(r) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_dispositions(govreport)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_dispositions(r) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_violations(govreport)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_violations(r) FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_violations(govreport,govreport)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_violations(a, b) FROM pairs) s', :'base_pairs', :n_pairs, :runs)),
 ('govreport_is_consistent(govreport)',
  pg_temp.per_call('SELECT count(*) FILTER (WHERE gr.govreport_is_consistent(r)) FROM src', :'base_src', :n_src, :runs)),
 ('govreport_rules()',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_rules() FROM src) s', :'base_src', :n_src, :runs)),
 ('govreport_render(govreport)',
  pg_temp.per_call('SELECT count(gr.govreport_render(r)) FROM src', :'base_src', :n_src, :runs)),
 ('govreport_compare(govreport,govreport)',
  pg_temp.per_call('SELECT count(*) FROM (SELECT gr.govreport_compare(a, b) FROM pairs) s', :'base_pairs', :n_pairs, :runs)),
 ('govreport_sum_state_of(govreport)',
  pg_temp.per_call('SELECT count(gr.govreport_sum_state_of(r)) FROM src', :'base_src', :n_src, :runs)),
 ('govreport_sum_combine(govreport_sum_state,govreport_sum_state)',
  pg_temp.per_call('SELECT count(gr.govreport_sum_combine(sa, sb)) FROM pairs', :'base_pairs', :n_pairs, :runs)),
 ('govreport_sum_trans(govreport_sum_state,govreport)',
  pg_temp.per_call('SELECT count(gr.govreport_sum_trans(sa, b)) FROM pairs', :'base_pairs', :n_pairs, :runs)),
 ('govreport_sum_final(govreport_sum_state)',
  pg_temp.per_call('SELECT count(gr.govreport_sum_final(sa)) FROM pairs', :'base_pairs', :n_pairs, :runs));

-- two significant figures
CREATE FUNCTION pg_temp.sig2(x float8) RETURNS int8 LANGUAGE sql AS $$
	SELECT CASE WHEN x < 10 THEN greatest(round(x), 1)::int8
		   ELSE (round(x / 10 ^ (floor(log(x)) - 1)) * 10 ^ (floor(log(x)) - 1))::int8 END
$$;

\echo
\echo 'per call, over' :n_src 'reports (' :n_pairs 'same-format pairs), median of' :runs 'runs'
SELECT m.fn AS function, round(m.us::numeric, 1) AS us_per_call,
	   p.procost::int8 AS cost_now, pg_temp.sig2(m.us * 200) AS cost_measured,
	   round((m.us * 200 / p.procost)::numeric, 2) AS measured_over_now
FROM m
JOIN pg_proc p ON p.oid = pg_catalog.to_regprocedure('gr.' || m.fn)
ORDER BY p.procost DESC, m.fn;
