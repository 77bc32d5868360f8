--
-- security: safe installation and use.
--
-- 1. Hostile objects in public that shadow built-ins (operators = || + on
--    the extension's types, functions such as to_jsonb, array_length,
--    clock_timestamp, a domain named jsonb) are never called by the
--    extension, even with public searched before pg_catalog; every hostile
--    object records its calls in public.captured, which must stay empty.
-- 2. The same hostile objects planted in the target schema before CREATE
--    EXTENSION (a schema others may create in) capture nothing either.
-- 3. A role without any privilege but USAGE on the schema calls every
--    function, and loads rows through the enforcing trigger.
-- Schema gr is not on the search_path.
--

\set d `cat test/fixtures/t2021_tab.txt`
\set b `cat test/fixtures/t2019_tab.txt`
\set two `cat test/fixtures/two_reports.txt`
\set nr `cat test/fixtures/bad_prose.txt`
\set bl `cat test/fixtures/blank_cells.txt`
SELECT current_database() AS regdb \gset

-- ------------------------------------------------------- hostile objects

CREATE TABLE public.captured (what text, at timestamptz DEFAULT pg_catalog.now());
GRANT INSERT, SELECT ON public.captured TO PUBLIC;

-- plant(schema): hostile look-alikes of built-ins in that schema
CREATE FUNCTION pg_temp.plant(s name) RETURNS void LANGUAGE plpgsql AS $plant$
BEGIN
	-- a function recording its name, returning what the built-in would
	EXECUTE format($f$
	CREATE FUNCTION %1$I.hostile_note(what text) RETURNS void
	LANGUAGE sql AS 'INSERT INTO public.captured (what) VALUES (what)'
	$f$, s);

	-- operators: exact-type matches beat pg_catalog's polymorphic ones
	EXECUTE format($f$
	CREATE FUNCTION %1$I.hostile_cat_tb(a text, b bigint) RETURNS text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.||(text,bigint)');
		RETURN a OPERATOR(pg_catalog.||) b::text; END$$;
	CREATE OPERATOR %1$I.|| (LEFTARG = text, RIGHTARG = bigint, FUNCTION = %1$I.hostile_cat_tb);
	CREATE FUNCTION %1$I.hostile_cat_bt(a bigint, b text) RETURNS text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.||(bigint,text)');
		RETURN a::text OPERATOR(pg_catalog.||) b; END$$;
	CREATE OPERATOR %1$I.|| (LEFTARG = bigint, RIGHTARG = text, FUNCTION = %1$I.hostile_cat_bt);
	CREATE FUNCTION %1$I.hostile_cat_ti(a text, b integer) RETURNS text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.||(text,integer)');
		RETURN a OPERATOR(pg_catalog.||) b::text; END$$;
	CREATE OPERATOR %1$I.|| (LEFTARG = text, RIGHTARG = integer, FUNCTION = %1$I.hostile_cat_ti);
	$f$, s);

	-- same signatures as pg_catalog's: they win when searched first
	EXECUTE format($f$
	CREATE FUNCTION %1$I.hostile_eq_text(a text, b text) RETURNS boolean
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.=(text,text)');
		RETURN a OPERATOR(pg_catalog.=) b; END$$;
	CREATE OPERATOR %1$I.= (LEFTARG = text, RIGHTARG = text, FUNCTION = %1$I.hostile_eq_text);
	CREATE FUNCTION %1$I.hostile_eq_name(a name, b name) RETURNS boolean
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.=(name,name)');
		RETURN a OPERATOR(pg_catalog.=) b; END$$;
	CREATE OPERATOR %1$I.= (LEFTARG = name, RIGHTARG = name, FUNCTION = %1$I.hostile_eq_name);
	CREATE FUNCTION %1$I.hostile_eq_i8(a bigint, b bigint) RETURNS boolean
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.=(bigint,bigint)');
		RETURN a OPERATOR(pg_catalog.=) b; END$$;
	CREATE OPERATOR %1$I.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = %1$I.hostile_eq_i8);
	CREATE FUNCTION %1$I.hostile_plus_num(a numeric, b numeric) RETURNS numeric
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.+(numeric,numeric)');
		RETURN a OPERATOR(pg_catalog.+) b; END$$;
	CREATE OPERATOR %1$I.+ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = %1$I.hostile_plus_num);
	CREATE FUNCTION %1$I.hostile_minus_num(a numeric, b numeric) RETURNS numeric
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.-(numeric,numeric)');
		RETURN a OPERATOR(pg_catalog.-) b; END$$;
	CREATE OPERATOR %1$I.- (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = %1$I.hostile_minus_num);
	CREATE FUNCTION %1$I.hostile_plus_i8(a bigint, b bigint) RETURNS bigint
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.+(bigint,bigint)');
		RETURN a OPERATOR(pg_catalog.+) b; END$$;
	CREATE OPERATOR %1$I.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = %1$I.hostile_plus_i8);
	$f$, s);

	-- functions and a type the extension uses, by their plain names
	EXECUTE format($f$
	CREATE FUNCTION %1$I.to_jsonb(r record) RETURNS jsonb
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.to_jsonb(record)');
		RETURN '{}'; END$$;
	CREATE FUNCTION %1$I.clock_timestamp() RETURNS timestamptz
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.clock_timestamp()');
		RETURN pg_catalog.now(); END$$;
	CREATE FUNCTION %1$I.array_length(a text[], d integer) RETURNS integer
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.array_length(text[],integer)');
		RETURN pg_catalog.array_length(a, d); END$$;
	CREATE FUNCTION %1$I.unnest(a text[]) RETURNS SETOF text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.unnest(text[])');
		RETURN QUERY SELECT pg_catalog.unnest(a); END$$;
	CREATE FUNCTION %1$I.array_remove(a text[], e text) RETURNS text[]
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.array_remove(text[],text)');
		RETURN pg_catalog.array_remove(a, e); END$$;
	CREATE FUNCTION %1$I.format(f text) RETURNS text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.format(text)');
		RETURN f; END$$;
	CREATE FUNCTION %1$I.lower(t text) RETURNS text
	LANGUAGE plpgsql AS $$BEGIN PERFORM %1$I.hostile_note('%1$s.lower(text)');
		RETURN pg_catalog.lower(t); END$$;
	CREATE DOMAIN %1$I.jsonb AS pg_catalog.jsonb
		CHECK (%1$I.hostile_check('%1$s.jsonb domain'));
	$f$, s);
END $plant$;

-- the domain's CHECK needs its function first
CREATE FUNCTION public.hostile_check(what text) RETURNS boolean
LANGUAGE sql AS $$INSERT INTO public.captured (what) VALUES (what) RETURNING true$$;

SELECT pg_temp.plant('public');

-- a trap only springs when called: check that the public ones work
SET search_path = public, pg_catalog;
SELECT 'a' || 1::bigint AS cat, 'x'::text = 'x'::text AS eq,
       public.array_length(ARRAY['a'], 1) AS len;
RESET search_path;
SELECT what, count(*) FROM public.captured GROUP BY 1 ORDER BY 1;
TRUNCATE public.captured;

-- ---------------------------------- 1. hostile public, searched first

CREATE TABLE public.sec_reports (
	id   int PRIMARY KEY,
	body text NOT NULL DEFAULT 'qinghe',
	year int,
	raw  text,
	r    gr.govreport
);
CREATE TRIGGER sec_reports_enforce BEFORE INSERT OR UPDATE ON public.sec_reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'quarantine');
CREATE TABLE public.sec_warn (id int, raw text, r gr.govreport);
CREATE TRIGGER sec_warn_enforce BEFORE INSERT ON public.sec_warn
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'warn');
CREATE TABLE public.sec_cont (id int, body text, year int, r gr.govreport);
CREATE CONSTRAINT TRIGGER sec_cont_r13 AFTER INSERT OR UPDATE ON public.sec_cont
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION gr.govreport_enforce_continuity('r', 'body', 'year', 'quarantine');

SET search_path = public, pg_catalog;

-- every function of the extension, the way a user calls it
CREATE TEMP TABLE sec_out AS
SELECT 'parse' AS f, ((gr.govreport_parse(:'d')).new_received)::text AS v
UNION ALL SELECT 'parse_all', (SELECT (count(*))::text FROM gr.govreport_parse_all(:'two'))
UNION ALL SELECT 'cells', (SELECT (count(*))::text FROM gr.govreport_cells(gr.govreport_parse(:'d')))
UNION ALL SELECT 'dispositions', (SELECT (sum(count))::text FROM gr.govreport_dispositions(gr.govreport_parse(:'d')))
UNION ALL SELECT 'violations', (SELECT (count(*))::text FROM gr.govreport_violations(gr.govreport_parse(:'d')))
UNION ALL SELECT 'violations_pair', (SELECT (count(*))::text FROM gr.govreport_violations(gr.govreport_parse(:'b'), gr.govreport_parse(:'d')))
UNION ALL SELECT 'is_consistent', (gr.govreport_is_consistent(gr.govreport_parse(:'d')))::text
UNION ALL SELECT 'rules', (SELECT (count(*) > 30)::text FROM gr.govreport_rules())
UNION ALL SELECT 'version', (gr.govreport_version() IS NOT NULL)::text
UNION ALL SELECT 'icu_version', (gr.govreport_icu_version() IS NOT NULL)::text
UNION ALL SELECT 'render', (length(gr.govreport_render(gr.govreport_parse(:'d'))) > 100)::text
UNION ALL SELECT 'split', (SELECT (count(*))::text FROM gr.govreport_split(:'two'))
UNION ALL SELECT 'sum', (SELECT ((gr.govreport_sum(r)).new_received)::text
                         FROM (VALUES (gr.govreport_parse(:'d')), (gr.govreport_parse(:'d'))) v(r))
UNION ALL SELECT 'sum_warnings', (SELECT pg_catalog.array_length((gr.govreport_sum(r)).warnings, 1)::text
                         FROM (VALUES (gr.govreport_parse(:'d')), (gr.govreport_parse(:'d'))) v(r))
UNION ALL SELECT 'compare', (SELECT (count(*))::text FROM gr.govreport_compare(gr.govreport_parse(:'d'), gr.govreport_parse(:'d')))
UNION ALL SELECT 'crosswalk', (SELECT (count(*) > 0)::text FROM gr.govreport_crosswalk);

-- the triggers: parse, quarantine (a planted error and a text holding no
-- report), warn, continuity
INSERT INTO public.sec_reports (id, year, raw) VALUES (1, 2021, :'d');
INSERT INTO public.sec_reports (id, year, raw) VALUES (2, 2021, replace(:'d', E'\u300052', E'\u300053'));
INSERT INTO public.sec_reports (id, year, raw) VALUES (3, 2021, :'nr');
UPDATE public.sec_reports SET raw = :'b' WHERE id = 1;
INSERT INTO public.sec_warn VALUES (1, replace(:'d', E'\u300052', E'\u300053'));
BEGIN;
INSERT INTO public.sec_cont VALUES (1, 'qinghe', 2020, gr.govreport_parse(:'b'));
INSERT INTO public.sec_cont VALUES (2, 'qinghe', 2021, gr.govreport_parse(:'d'));
COMMIT;
SELECT gr.govreport_create_analyst_schema('sec_analyst');

RESET search_path;

SELECT f, v FROM sec_out ORDER BY f;
SELECT id, (r).format, (r).new_received FROM public.sec_reports ORDER BY id;
SELECT relid, reason, diverted, error_sqlstate, jsonb_typeof(row_data) AS row_data,
       captured_at IS NOT NULL AS captured_at
FROM gr.govreport_quarantine
WHERE relid IN ('public.sec_reports'::regclass, 'public.sec_cont'::regclass)
ORDER BY id;
-- nothing was captured
SELECT what, count(*) FROM public.captured GROUP BY 1 ORDER BY 1;

DROP SCHEMA sec_analyst CASCADE;
DELETE FROM gr.govreport_quarantine
WHERE relid IN ('public.sec_reports'::regclass, 'public.sec_cont'::regclass);

-- ---------------------------------------- 3. a role with no privileges

CREATE ROLE regress_gr_user LOGIN;
GRANT USAGE ON SCHEMA gr TO regress_gr_user;
CREATE SCHEMA regress_gr_user_s AUTHORIZATION regress_gr_user;

-- every function of the extension is executable by PUBLIC
SELECT p.oid::regprocedure AS not_executable
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'govreport')
  AND d.classid = 'pg_proc'::regclass
  AND NOT has_function_privilege('regress_gr_user', p.oid, 'EXECUTE')
ORDER BY 1;

SET ROLE regress_gr_user;
SELECT f, v FROM (
SELECT 'parse' AS f, ((gr.govreport_parse(:'d')).new_received)::text AS v
UNION ALL SELECT 'parse_all', (SELECT (count(*))::text FROM gr.govreport_parse_all(:'two'))
UNION ALL SELECT 'cells', (SELECT (count(*))::text FROM gr.govreport_cells(gr.govreport_parse(:'d')))
UNION ALL SELECT 'dispositions', (SELECT (sum(count))::text FROM gr.govreport_dispositions(gr.govreport_parse(:'d')))
UNION ALL SELECT 'violations', (SELECT (count(*))::text FROM gr.govreport_violations(gr.govreport_parse(:'d')))
UNION ALL SELECT 'violations_pair', (SELECT (count(*))::text FROM gr.govreport_violations(gr.govreport_parse(:'b'), gr.govreport_parse(:'d')))
UNION ALL SELECT 'is_consistent', (gr.govreport_is_consistent(gr.govreport_parse(:'d')))::text
UNION ALL SELECT 'rules', (SELECT (count(*) > 30)::text FROM gr.govreport_rules())
UNION ALL SELECT 'version', (gr.govreport_version() IS NOT NULL)::text
UNION ALL SELECT 'icu_version', (gr.govreport_icu_version() IS NOT NULL)::text
UNION ALL SELECT 'render', (length(gr.govreport_render(gr.govreport_parse(:'d'))) > 100)::text
UNION ALL SELECT 'split', (SELECT (count(*))::text FROM gr.govreport_split(:'two'))
UNION ALL SELECT 'sum', (SELECT ((gr.govreport_sum(r)).new_received)::text
                         FROM (VALUES (gr.govreport_parse(:'d')), (gr.govreport_parse(:'d'))) v(r))
UNION ALL SELECT 'compare', (SELECT (count(*))::text FROM gr.govreport_compare(gr.govreport_parse(:'d'), gr.govreport_parse(:'d')))
UNION ALL SELECT 'crosswalk', (SELECT (count(*) > 0)::text FROM gr.govreport_crosswalk)
) s ORDER BY f;

-- loading through the trigger, failing rows into quarantine
CREATE TABLE regress_gr_user_s.mine (id int, raw text, r gr.govreport);
CREATE TRIGGER mine_enforce BEFORE INSERT ON regress_gr_user_s.mine
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'quarantine');
INSERT INTO regress_gr_user_s.mine VALUES (1, :'d'), (2, replace(:'d', E'\u300052', E'\u300053')), (3, :'nr');
SELECT id, (r).new_received FROM regress_gr_user_s.mine ORDER BY id;
SELECT relid, reason, diverted, captured_by FROM gr.govreport_quarantine ORDER BY id;
RESET ROLE;
-- the superuser sees them too; the role saw only its own entries
SELECT count(*) FROM gr.govreport_quarantine WHERE captured_by = 'regress_gr_user';
DELETE FROM gr.govreport_quarantine WHERE captured_by = 'regress_gr_user';

DROP SCHEMA regress_gr_user_s CASCADE;
REVOKE USAGE ON SCHEMA gr FROM regress_gr_user;

-- -------------------- 2. hostile objects in the target schema, installed

CREATE DATABASE regress_gr_security TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c regress_gr_security
SET client_min_messages = warning;
CREATE TABLE public.captured (what text, at timestamptz DEFAULT pg_catalog.now());
GRANT INSERT, SELECT ON public.captured TO PUBLIC;
CREATE FUNCTION public.hostile_check(what text) RETURNS boolean
LANGUAGE sql AS $$INSERT INTO public.captured (what) VALUES (what) RETURNING true$$;
CREATE SCHEMA grt;
-- plant() again: it was a temporary function of the other database
CREATE FUNCTION pg_temp.plant_all() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	-- minimal copy: the operators and functions that matter at CREATE EXTENSION
	CREATE FUNCTION grt.hostile_note(what text) RETURNS void
	LANGUAGE sql AS 'INSERT INTO public.captured (what) VALUES (what)';
	CREATE FUNCTION grt.hostile_cat_tb(a text, b bigint) RETURNS text
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.||(text,bigint)');
		RETURN a OPERATOR(pg_catalog.||) b::text; END$f$;
	CREATE OPERATOR grt.|| (LEFTARG = text, RIGHTARG = bigint, FUNCTION = grt.hostile_cat_tb);
	CREATE FUNCTION grt.hostile_cat_bt(a bigint, b text) RETURNS text
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.||(bigint,text)');
		RETURN a::text OPERATOR(pg_catalog.||) b; END$f$;
	CREATE OPERATOR grt.|| (LEFTARG = bigint, RIGHTARG = text, FUNCTION = grt.hostile_cat_bt);
	CREATE FUNCTION grt.hostile_eq_text(a text, b text) RETURNS boolean
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.=(text,text)');
		RETURN a OPERATOR(pg_catalog.=) b; END$f$;
	CREATE OPERATOR grt.= (LEFTARG = text, RIGHTARG = text, FUNCTION = grt.hostile_eq_text);
	CREATE FUNCTION grt.hostile_plus_num(a numeric, b numeric) RETURNS numeric
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.+(numeric,numeric)');
		RETURN a OPERATOR(pg_catalog.+) b; END$f$;
	CREATE OPERATOR grt.+ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = grt.hostile_plus_num);
	CREATE FUNCTION grt.to_jsonb(r record) RETURNS jsonb
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.to_jsonb(record)');
		RETURN '{}'; END$f$;
	CREATE FUNCTION grt.clock_timestamp() RETURNS timestamptz
	LANGUAGE plpgsql AS $f$BEGIN PERFORM grt.hostile_note('grt.clock_timestamp()');
		RETURN pg_catalog.now(); END$f$;
END $$;
SELECT pg_temp.plant_all();
CREATE EXTENSION govreport SCHEMA grt;
SET search_path = grt, public, pg_catalog;
SELECT ((grt.govreport_sum(r)).new_received) AS sum_new_received,
       (grt.govreport_sum(r)).warnings AS sum_warnings
FROM (VALUES (grt.govreport_parse(:'d')), (grt.govreport_parse(:'d'))) v(r);
-- a sum with blank cells: its warnings count them
SELECT (grt.govreport_sum(r)).warnings AS sum_warnings
FROM (VALUES (grt.govreport_parse(:'bl')), (grt.govreport_parse(:'d'))) v(r);
SELECT count(*) AS compared FROM grt.govreport_compare(grt.govreport_parse(:'d'), grt.govreport_parse(:'b'));
SELECT count(*) AS cells, sum(value) AS total FROM grt.govreport_cells(grt.govreport_parse(:'d'));
SELECT sum(count) AS dispositions FROM grt.govreport_dispositions(grt.govreport_parse(:'d'));
SELECT count(*) AS violations FROM grt.govreport_violations(grt.govreport_parse(:'b'), grt.govreport_parse(:'d'));
SELECT grt.govreport_is_consistent(grt.govreport_parse(:'d')) AS consistent,
       length(grt.govreport_render(grt.govreport_parse(:'d'))) > 100 AS rendered,
       (SELECT count(*) FROM grt.govreport_split(:'two')) AS parts;
SELECT grt.govreport_create_analyst_schema('an');
CREATE TABLE public.t (id int, raw text, r grt.govreport);
CREATE TRIGGER t_enforce BEFORE INSERT ON public.t
	FOR EACH ROW EXECUTE FUNCTION grt.govreport_enforce('raw', 'r', 'quarantine');
INSERT INTO public.t VALUES (1, :'d'), (2, :'nr');
RESET search_path;
SELECT count(*) AS quarantined FROM grt.govreport_quarantine;
-- nothing was captured
SELECT what, count(*) FROM public.captured GROUP BY 1 ORDER BY 1;

\c :regdb
DROP DATABASE regress_gr_security;
DROP ROLE regress_gr_user;
DROP TABLE public.sec_reports, public.sec_warn, public.sec_cont, public.captured;
DROP DOMAIN public.jsonb;
DROP FUNCTION public.hostile_check(text);
DROP FUNCTION public.hostile_note(text), public.to_jsonb(record), public.clock_timestamp(),
	public.array_length(text[], integer), public.unnest(text[]), public.array_remove(text[], text),
	public.format(text), public.lower(text);
DROP FUNCTION public.hostile_cat_tb(text, bigint), public.hostile_cat_bt(bigint, text),
	public.hostile_cat_ti(text, integer), public.hostile_eq_text(text, text),
	public.hostile_eq_name(name, name), public.hostile_eq_i8(bigint, bigint),
	public.hostile_plus_num(numeric, numeric), public.hostile_minus_num(numeric, numeric),
	public.hostile_plus_i8(bigint, bigint) CASCADE;
-- nothing of this test is left in public
SELECT count(*) AS left_in_public FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proname LIKE 'hostile%';
