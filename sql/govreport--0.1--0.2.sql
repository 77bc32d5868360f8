/* govreport--0.1--0.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '0.2'" to load this file. \quit

-- 0.2: planner costs, and govreport_sum's support functions in C.
--
-- 0.1 left every function at the default COST (1 for C, i.e. one
-- cpu_operator_cost, the price of int4pl; 100 for SQL and plpgsql), so the
-- planner took a 0.5 ms parse for as cheap as an addition: it evaluated
-- govreport_is_consistent() before a cheap qual beside it, and weighed plans
-- that parse every row as if parsing were free.  0.2 gives each function
-- the COST it measures at.  Besides, govreport_sum's transition and combine
-- functions become C functions of the same signatures and results (see
-- "analyst" below), and the internal helper govreport_sum_mixed_formats,
-- which only their SQL bodies called, is dropped.  No other signature,
-- label, result, ROWS estimate or object changes.
--
-- How the costs were measured (PostgreSQL 15, jit off, one process, Intel
-- Xeon with 2 shared cores; the 200 reports of bench/gen.py -n 200: every
-- format and layout, 26.7 KB and 178 cells on average):
--
--   unit   the planner's estimate of a serial count(*) over 2 million
--          narrow rows (43692) against its run time (84 ms) gives 1.9 us
--          per cost unit, so cpu_operator_cost (0.0025) is 5 ns here; one
--          int4 comparison measures 5.7 ns, one int4pl 3.5 ns.  COST =
--          time of one call / 5 ns, rounded to two significant figures.
--   calls  each function was called a few thousand times over that corpus
--          (per call: the argument's detoasting included, the planner's
--          own per-row charges for rows returned left out).
--   SRFs   PostgreSQL 15 charges a set-returning function's COST once per
--          call (cost_functionscan, cost of ProjectSet; checked with
--          EXPLAIN), not per row, so the COST of an SRF is its whole call.
--
--   function                                   us/call   COST
--   govreport_parse(text)                        503   100000
--   govreport_parse(bytea)                       536   110000  (+ charset detection)
--   govreport_parse_all(text)                    ~500  100000  (one typical document)
--   govreport_parse_all(bytea)                   ~540  110000
--   govreport_split(text)                        411    80000
--   govreport_cells(govreport)                    43     9000  (178 rows)
--   govreport_dispositions(govreport)            110    22000  (104 rows)
--   govreport_violations(govreport)              115    23000
--   govreport_violations(govreport, govreport)   118    24000
--   govreport_is_consistent(govreport)           151    30000
--   govreport_rules()                             88    18000  (35 rows)
--   govreport_render(govreport)                  312    60000
--   govreport_compare(govreport, govreport)      440    90000  (SQL)
--   govreport_sum_state_of(govreport)            249    50000  (SQL)
--   govreport_sum_combine(state, state)          127    25000  (C since 0.2; two 200-cell states; 414 us in SQL)
--   govreport_sum_trans(state, govreport)         74    15000  (C since 0.2; ~700 us in SQL)
--   govreport_sum_final(state)                   165    33000  (SQL)
--   govreport_create_analyst_schema(name)      10-20 ms 2000000 (DDL)
--
-- The parse functions are linear in the input (about 19 ns per byte here):
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

ALTER FUNCTION @extschema@.govreport_parse(pg_catalog.text) COST 100000;
ALTER FUNCTION @extschema@.govreport_parse(pg_catalog.bytea) COST 110000;
ALTER FUNCTION @extschema@.govreport_parse_all(pg_catalog.text) COST 100000;
ALTER FUNCTION @extschema@.govreport_parse_all(pg_catalog.bytea) COST 110000;
ALTER FUNCTION @extschema@.govreport_split(pg_catalog.text) COST 80000;

-- ==== expanding

ALTER FUNCTION @extschema@.govreport_cells(@extschema@.govreport) COST 9000;
ALTER FUNCTION @extschema@.govreport_dispositions(@extschema@.govreport) COST 22000;

-- ==== reconciliation rules

ALTER FUNCTION @extschema@.govreport_violations(@extschema@.govreport) COST 23000;
ALTER FUNCTION @extschema@.govreport_violations(@extschema@.govreport, @extschema@.govreport) COST 24000;
ALTER FUNCTION @extschema@.govreport_is_consistent(@extschema@.govreport) COST 30000;
ALTER FUNCTION @extschema@.govreport_rules() COST 18000;

-- ==== analyst

ALTER FUNCTION @extschema@.govreport_render(@extschema@.govreport) COST 60000;
ALTER FUNCTION @extschema@.govreport_compare(@extschema@.govreport, @extschema@.govreport) COST 90000;
ALTER FUNCTION @extschema@.govreport_sum_state_of(@extschema@.govreport) COST 50000;

-- govreport_sum's transition and combine functions in C (src/pg/gr_sum.c):
-- the same cells in the same order, 6-8 times faster than the SQL bodies
-- of 0.1 (a join and a sort per row); the SQL helper that raised the
-- mixed-formats error goes with them
CREATE OR REPLACE FUNCTION @extschema@.govreport_sum_combine(a @extschema@.govreport_sum_state,
                                                             b @extschema@.govreport_sum_state)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_combine_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 25000;

CREATE OR REPLACE FUNCTION @extschema@.govreport_sum_trans(s @extschema@.govreport_sum_state,
                                                           r @extschema@.govreport)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_trans_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 15000;

DROP FUNCTION @extschema@.govreport_sum_mixed_formats(pg_catalog.text, pg_catalog.text);

ALTER FUNCTION @extschema@.govreport_sum_final(@extschema@.govreport_sum_state) COST 33000;
ALTER FUNCTION @extschema@.govreport_create_analyst_schema(pg_catalog.name) COST 2000000;
