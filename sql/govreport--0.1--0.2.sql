/* govreport--0.1--0.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '0.2'" to load this file. \quit

-- 0.2: planner costs, and govreport_sum's support functions in C.
--
-- 0.1 left every function at the default COST (1 for C, i.e. one
-- cpu_operator_cost, the price of int4pl; 100 for SQL and plpgsql), so the
-- planner took a parse (0.13-0.5 ms) for as cheap as an addition: it evaluated
-- govreport_is_consistent() before a cheap qual beside it, and weighed plans
-- that parse every row as if parsing were free.  0.2 gives each function
-- the COST it measures at.  Besides, govreport_sum's transition and combine
-- functions become C functions of the same signatures and results (see
-- "analyst" below), and the internal helper govreport_sum_mixed_formats,
-- which only their SQL bodies called, is dropped.  No other signature,
-- label, result, ROWS estimate or object changes.
--
-- How the costs were measured (bench/costs.sh; PostgreSQL 15, jit off, one
-- process, Intel Xeon with 2 shared cores; the 200 reports of bench/gen.py
-- -n 200: every format and layout, 26.7 KB and 178 cells on average):
--
--   unit   the planner's estimate of a serial count(*) over 2 million
--          narrow rows (43692) against its run time (84 ms) gives 1.9 us
--          per cost unit, so cpu_operator_cost (0.0025) is 5 ns here; one
--          int4 comparison measures 5.7 ns, one int4pl 3.5 ns.  COST =
--          time of one call / 5 ns, rounded to two significant figures.
--   calls  each function was called over that corpus, five timed runs,
--          the median counted (per call: the argument's detoasting
--          included; a set-returning function is called in the target
--          list, so reading its rows back is included too).
--   SRFs   PostgreSQL 15 charges a set-returning function's COST once per
--          call (cost_functionscan, cost of ProjectSet; checked with
--          EXPLAIN), not per row, so the COST of an SRF is its whole call.
--
--   function                                   us/call   COST
--   govreport_parse(text)                        128    26000
--   govreport_parse(bytea)                       144    29000  (+ charset detection)
--   govreport_parse_all(text)                    131    26000  (one typical document)
--   govreport_parse_all(bytea)                   147    29000
--   govreport_split(text)                        120    24000
--   govreport_cells(govreport)                    47     9300  (178 rows)
--   govreport_dispositions(govreport)             76    15000  (104 rows)
--   govreport_violations(govreport)               60    12000
--   govreport_violations(govreport, govreport)   101    20000
--   govreport_is_consistent(govreport)            56    11000
--   govreport_rules()                             79    16000  (35 rows)
--   govreport_render(govreport)                  151    30000
--   govreport_compare(govreport, govreport)      448    90000  (SQL)
--   govreport_sum_state_of(govreport)            243    49000  (SQL)
--   govreport_sum_combine(state, state)           94    19000  (C since 0.2; two 200-cell states; 414 us in SQL)
--   govreport_sum_trans(state, govreport)        110    22000  (C since 0.2; ~700 us in SQL)
--   govreport_sum_final(state)                   162    32000  (SQL)
--   govreport_create_analyst_schema(name)      10-20 ms 2000000 (DDL)
--
-- The parse functions are linear in the input (about 5 ns per byte here):
-- the COST is that of a typical 25-30 KB report; govreport_parse_all's is
-- that of a typical document, which holds one report.
--
-- Left at the default: govreport_version() (3 ns) and
-- govreport_icu_version() (26 ns), within a few builtins of COST 1;
-- the trigger
-- functions govreport_enforce() and govreport_enforce_continuity() are
-- never costed by the planner.
--
-- Every name below is schema-qualified (the extension's schema, pg_catalog
-- for built-in types), as in govreport--0.1.sql: the update runs the same
-- whatever the search_path and whatever lies in public.

-- ==== parsing

ALTER FUNCTION @extschema@.govreport_parse(pg_catalog.text) COST 26000;
ALTER FUNCTION @extschema@.govreport_parse(pg_catalog.bytea) COST 29000;
ALTER FUNCTION @extschema@.govreport_parse_all(pg_catalog.text) COST 26000;
ALTER FUNCTION @extschema@.govreport_parse_all(pg_catalog.bytea) COST 29000;
ALTER FUNCTION @extschema@.govreport_split(pg_catalog.text) COST 24000;

-- ==== expanding

ALTER FUNCTION @extschema@.govreport_cells(@extschema@.govreport) COST 9300;
ALTER FUNCTION @extschema@.govreport_dispositions(@extschema@.govreport) COST 15000;

-- ==== reconciliation rules

ALTER FUNCTION @extschema@.govreport_violations(@extschema@.govreport) COST 12000;
ALTER FUNCTION @extschema@.govreport_violations(@extschema@.govreport, @extschema@.govreport) COST 20000;
ALTER FUNCTION @extschema@.govreport_is_consistent(@extschema@.govreport) COST 11000;
ALTER FUNCTION @extschema@.govreport_rules() COST 16000;

-- ==== analyst

ALTER FUNCTION @extschema@.govreport_render(@extschema@.govreport) COST 30000;
ALTER FUNCTION @extschema@.govreport_compare(@extschema@.govreport, @extschema@.govreport) COST 90000;
ALTER FUNCTION @extschema@.govreport_sum_state_of(@extschema@.govreport) COST 49000;

-- govreport_sum's transition and combine functions in C (src/pg/gr_sum.c):
-- the same cells in the same order, 6-8 times faster than the SQL bodies
-- of 0.1 (a join and a sort per row); the SQL helper that raised the
-- mixed-formats error goes with them
CREATE OR REPLACE FUNCTION @extschema@.govreport_sum_combine(a @extschema@.govreport_sum_state,
                                                             b @extschema@.govreport_sum_state)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_combine_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 19000;

CREATE OR REPLACE FUNCTION @extschema@.govreport_sum_trans(s @extschema@.govreport_sum_state,
                                                           r @extschema@.govreport)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_trans_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 22000;

DROP FUNCTION @extschema@.govreport_sum_mixed_formats(pg_catalog.text, pg_catalog.text);

ALTER FUNCTION @extschema@.govreport_sum_final(@extschema@.govreport_sum_state) COST 32000;
ALTER FUNCTION @extschema@.govreport_create_analyst_schema(pg_catalog.name) COST 2000000;
