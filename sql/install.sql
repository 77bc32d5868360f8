--
-- install: the extension goes into a schema that is not on the search_path;
-- every later test calls it schema-qualified (gr.govreport_parse ...).
--
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;
SHOW search_path;

SELECT extname, extversion, extrelocatable, extnamespace::regnamespace AS schema
FROM pg_extension WHERE extname = 'govreport';

-- the types, attribute by attribute
SELECT t.typname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_type t
JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
WHERE t.typnamespace = 'gr'::regnamespace AND t.typname IN ('govreport', 'govreport_cell')
ORDER BY t.typname, a.attnum;

-- the parse, expand and version functions: signature and markings
SELECT p.oid::regprocedure AS function,
       pg_get_function_result(p.oid) AS result,
       p.provolatile AS vol, p.proisstrict AS strict, p.proparallel AS par,
       l.lanname AS lang
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = 'gr'::regnamespace
  AND p.proname IN ('govreport_parse', 'govreport_parse_all', 'govreport_cells',
                    'govreport_dispositions', 'govreport_icu_version',
                    'govreport_version')
ORDER BY 1;

-- planner costs: every function that does real work has the COST it
-- measures at (see sql/govreport--0.1--0.2.sql), the set-returning ones
-- their ROWS estimate
SELECT p.oid::regprocedure::text AS function, p.procost::int8 AS cost, p.prorows::int8 AS rows
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'govreport')
ORDER BY 1;

-- so a cheap condition runs before an expensive one, however it is written
CREATE TEMP TABLE cost_probe (year int, doc text, r gr.govreport);
EXPLAIN (COSTS OFF)
SELECT * FROM cost_probe
WHERE gr.govreport_is_consistent(gr.govreport_parse(doc)) AND gr.govreport_is_consistent(r) AND year = 2021;
DROP TABLE cost_probe;

-- every type and function of the extension is a member and has a comment
SELECT pg_describe_object(d.classid, d.objid, 0) AS without_comment
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'govreport')
  AND d.deptype = 'e'
  AND d.classid IN ('pg_type'::regclass, 'pg_proc'::regclass)
  AND obj_description(d.objid, d.classid::regclass::name) IS NULL
ORDER BY 1;

SELECT t.typname, obj_description(t.oid, 'pg_type') IS NOT NULL AS commented
FROM pg_type t
WHERE t.typnamespace = 'gr'::regnamespace
  AND t.typname IN ('govreport', 'govreport_cell')
ORDER BY 1;

-- versions
SELECT gr.govreport_version();
SELECT gr.govreport_icu_version() ~ '^[0-9]+\.[0-9]+' AS icu_version_ok;

-- the setting is defined once the library is loaded, and its prefix reserved
SHOW govreport.max_input_bytes;
SET govreport.no_such_setting = 1;

-- a role without any special privilege can use everything
CREATE ROLE regress_govreport_user;
GRANT USAGE ON SCHEMA gr TO regress_govreport_user;
\set doc `cat test/fixtures/t2021_tab.txt`
SET ROLE regress_govreport_user;
SELECT (r).agency, (r).year, (r).format, (r).layout, (r).new_received
FROM (SELECT gr.govreport_parse(:'doc') AS r) s;
SELECT count(*) FROM gr.govreport_parse_all(:'doc');
SELECT count(*) FROM gr.govreport_cells(gr.govreport_parse(:'doc')) WHERE tbl = 't3';
SELECT count(*) FROM gr.govreport_dispositions(gr.govreport_parse(:'doc'));
SET govreport.max_input_bytes = '1MB';
SHOW govreport.max_input_bytes;
RESET govreport.max_input_bytes;
RESET ROLE;
DROP OWNED BY regress_govreport_user;
DROP ROLE regress_govreport_user;

-- a fresh install round trip
DROP EXTENSION govreport;
SELECT count(*) AS leftover_types FROM pg_type
WHERE typnamespace = 'gr'::regnamespace;
CREATE EXTENSION govreport SCHEMA gr;
