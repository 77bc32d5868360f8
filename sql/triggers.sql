--
-- triggers: govreport_enforce (parse the raw text into the report column,
-- then enforce the strict rules) in every mode, and the cross-year
-- continuity constraint trigger govreport_enforce_continuity (R13).
-- Schema gr is not on the search_path.
--
\pset null '(null)'

-- ---------------------------------------------------------------- helpers

CREATE TEMP TABLE fx (name text PRIMARY KEY, doc text NOT NULL);
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO fx VALUES ('t2021', :'d');
\set d `cat test/fixtures/t2019_tab.txt`
INSERT INTO fx VALUES ('t2019', :'d');
\set d `cat test/fixtures/bad_prose.txt`
INSERT INTO fx VALUES ('prose', :'d');

-- report A with one planted error (carried_forward natural_person 52 -> 53:
-- R1 natural_person and R3 carried_forward fail)
INSERT INTO fx SELECT 'planted', replace(doc, E'\u300052', E'\u300053') FROM fx WHERE name = 't2021';
SELECT name, length(doc), gr.govreport_is_consistent(gr.govreport_parse(doc))
FROM fx WHERE name <> 'prose' ORDER BY name;

-- run a statement (then fire deferred triggers); show the error fields
-- (brief: SQLSTATE and message only)
CREATE FUNCTION pg_temp.try(sql text, brief boolean DEFAULT false) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; det text; hnt text; sch text; tbl text; con text;
BEGIN
	EXECUTE sql;
	SET CONSTRAINTS ALL IMMEDIATE;
	RETURN NEXT 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
		sch = SCHEMA_NAME, tbl = TABLE_NAME, con = CONSTRAINT_NAME;
	RETURN NEXT st || ': ' || msg;
	IF brief THEN
		RETURN;
	END IF;
	IF det <> '' THEN
		RETURN QUERY SELECT 'DETAIL: ' || l FROM regexp_split_to_table(det, E'\n') AS l;
	END IF;
	IF hnt <> '' THEN
		RETURN NEXT 'HINT: ' || hnt;
	END IF;
	IF con <> '' THEN
		RETURN NEXT format('schema %s, table %s, constraint %s', sch, tbl, con);
	END IF;
END $$;

-- ------------------------------------------------------------ mode error

CREATE TABLE reports (
	id serial PRIMARY KEY,
	body text NOT NULL DEFAULT 'qinghe',
	raw text,
	report gr.govreport
);
CREATE TRIGGER reports_reconcile BEFORE INSERT OR UPDATE ON reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report');

-- the report column is derived from the raw text
INSERT INTO reports (raw) SELECT doc FROM fx WHERE name = 't2021';
SELECT id, (report).agency, (report).year, (report).format, (report).new_received,
       gr.govreport_is_consistent(report)
FROM reports ORDER BY id;

-- a report that does not reconcile is rejected: 23514, one violation per
-- DETAIL line, the table and the trigger in the error fields
SELECT pg_temp.try($$INSERT INTO reports (raw) SELECT doc FROM fx WHERE name = 'planted'$$);
SELECT pg_temp.try($$UPDATE reports SET raw = (SELECT doc FROM fx WHERE name = 'planted')$$);
-- psql shows the same
INSERT INTO reports (raw) SELECT doc FROM fx WHERE name = 'planted';

-- an UPDATE re-derives the report; a value given for the report column is
-- replaced by the parse of the raw text; no text, no report
UPDATE reports SET raw = (SELECT doc FROM fx WHERE name = 't2019');
INSERT INTO reports (raw, report)
SELECT (SELECT doc FROM fx WHERE name = 't2021'), gr.govreport_parse(doc)
FROM fx WHERE name = 't2019';
INSERT INTO reports (raw, report)
SELECT NULL, gr.govreport_parse(doc) FROM fx WHERE name = 't2019';
SELECT id, (report).year, (report).format, report IS NULL AS no_report
FROM reports ORDER BY id;

-- text that holds no report: the parse error as usual (22P02)
SELECT pg_temp.try($$INSERT INTO reports (raw) SELECT doc FROM fx WHERE name = 'prose'$$, true);

-- ------------------------------------------------------------- mode warn

DROP TRIGGER reports_reconcile ON reports;
CREATE TRIGGER reports_reconcile BEFORE INSERT OR UPDATE ON reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report', 'warn');
INSERT INTO reports (body, raw) SELECT 'warned', doc FROM fx WHERE name = 'planted';
SELECT body, (report).year, gr.govreport_is_consistent(report)
FROM reports WHERE body = 'warned';

-- ------------------------------------------------------- mode quarantine

DROP TRIGGER reports_reconcile ON reports;
DELETE FROM reports;
CREATE TRIGGER reports_reconcile BEFORE INSERT OR UPDATE ON reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report', 'quarantine');

-- a failing row and a text that is no report are diverted, the load goes on
INSERT INTO reports (body, raw) SELECT name, doc FROM fx WHERE name IN ('t2021', 'planted', 'prose');
SELECT body, (report).year FROM reports ORDER BY body;
SELECT relid, trigger_name, operation, reason, diverted, row_data ->> 'body' AS body,
       (report).year, error_sqlstate, error_message,
       jsonb_array_length(violations) AS n,
       length(raw) = length(row_data ->> 'raw') AS raw_kept
FROM gr.govreport_quarantine ORDER BY id;
SELECT v ->> 'rule' AS rule, v ->> 'kind' AS kind, v ->> 'scope' AS scope,
       (v ->> 'lhs')::numeric AS lhs, (v ->> 'rhs')::numeric AS rhs, v ->> 'message' AS message
FROM gr.govreport_quarantine q, jsonb_array_elements(q.violations) v
WHERE q.reason = 'violation' ORDER BY 1, 3;
-- the recorded violations are those of govreport_violations on the report
SELECT count(*) AS differences
FROM gr.govreport_quarantine q,
     LATERAL (SELECT jsonb_agg(jsonb_build_object('rule', rule, 'kind', kind, 'scope', scope,
                                                  'lhs', lhs, 'rhs', rhs, 'message', message))
              AS j FROM gr.govreport_violations(q.report)) x
WHERE q.reason = 'violation' AND x.j IS DISTINCT FROM q.violations;

-- an UPDATE that breaks a row keeps the old version and records the new one
UPDATE reports SET raw = (SELECT doc FROM fx WHERE name = 'planted') WHERE body = 't2021';
SELECT body, gr.govreport_is_consistent(report) FROM reports;
SELECT operation, reason, row_data ->> 'body' AS body FROM gr.govreport_quarantine
WHERE operation = 'UPDATE';

-- fixing a quarantined row: correct the text, put the row back, drop the entry
UPDATE gr.govreport_quarantine SET raw = (SELECT doc FROM fx WHERE name = 't2021')
WHERE reason = 'violation' AND operation = 'INSERT';
WITH fixed AS (
	DELETE FROM gr.govreport_quarantine
	WHERE reason = 'violation' AND operation = 'INSERT'
	RETURNING row_data || jsonb_build_object('raw', raw) AS rowj
)
INSERT INTO reports
SELECT (jsonb_populate_record(NULL::reports, rowj)).* FROM fixed;
SELECT body, (report).year, gr.govreport_is_consistent(report) FROM reports ORDER BY id;

-- a bulk load of 2,000 reports: every 10th has a number changed (R1, R3),
-- every 97th is no report at all; nothing stops the load and nothing is lost
DELETE FROM reports;
DELETE FROM gr.govreport_quarantine;
INSERT INTO reports (body, raw)
SELECT 'body ' || i,
       CASE WHEN i % 97 = 0 THEN 'not a report, number ' || i
            WHEN i % 10 = 0 THEN replace(doc, E'\u300052', E'\u300053')
            ELSE doc END
FROM fx, generate_series(1, 2000) AS i
WHERE name = 't2021';
SELECT count(*) AS kept, bool_and(gr.govreport_is_consistent(report)) AS all_consistent
FROM reports;
SELECT reason, count(DISTINCT q.id), min(error_sqlstate) AS sqlstate,
       string_agg(DISTINCT v ->> 'rule' || ' ' || (v ->> 'scope'), ', ') AS rules
FROM gr.govreport_quarantine q LEFT JOIN LATERAL jsonb_array_elements(q.violations) v ON true
GROUP BY reason ORDER BY reason;
SELECT count(*) AS bodies, count(DISTINCT body) AS distinct_bodies
FROM (SELECT body FROM reports
      UNION ALL
      SELECT row_data ->> 'body' FROM gr.govreport_quarantine WHERE diverted) s;

-- a role without privileges on the extension's objects can load in
-- quarantine mode, and sees its own entries only
CREATE ROLE regress_govreport_loader;
GRANT USAGE ON SCHEMA gr TO regress_govreport_loader;
GRANT SELECT, INSERT ON reports, fx TO regress_govreport_loader;
GRANT USAGE ON SEQUENCE reports_id_seq TO regress_govreport_loader;
SET ROLE regress_govreport_loader;
INSERT INTO reports (body, raw) SELECT 'loader', doc FROM fx WHERE name = 'planted';
SELECT captured_by, reason, row_data ->> 'body' AS body FROM gr.govreport_quarantine;
RESET ROLE;
SELECT captured_by, count(*) FROM gr.govreport_quarantine GROUP BY 1 ORDER BY 1;
DELETE FROM gr.govreport_quarantine WHERE captured_by = 'regress_govreport_loader';
REVOKE ALL ON reports, fx, reports_id_seq FROM regress_govreport_loader;
REVOKE ALL ON SCHEMA gr FROM regress_govreport_loader;
DROP ROLE regress_govreport_loader;

-- ------------------------------------------------ misconfigured triggers

CREATE TABLE misc (n int, raw text, txt text, report gr.govreport);
CREATE FUNCTION pg_temp.misconfigured(args text, timing text DEFAULT 'BEFORE',
                                      level text DEFAULT 'ROW') RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE TRIGGER misc_t %s INSERT ON misc FOR EACH %s EXECUTE FUNCTION gr.govreport_enforce(%s)',
	               timing, level, args);
	RETURN QUERY SELECT pg_temp.try($q$INSERT INTO misc (raw) SELECT doc FROM fx WHERE name = 't2021'$q$);
	EXECUTE 'DROP TRIGGER misc_t ON misc';
END $$;
SELECT pg_temp.misconfigured($$'raw'$$);
SELECT pg_temp.misconfigured($$'raw', 'report', 'error', 'x'$$);
SELECT pg_temp.misconfigured($$'raw', 'no such column'$$);
SELECT pg_temp.misconfigured($$'n', 'report'$$);
SELECT pg_temp.misconfigured($$'raw', 'txt'$$);
SELECT pg_temp.misconfigured($$'raw', 'ctid'$$);
SELECT pg_temp.misconfigured($$'raw', 'report', 'strict'$$);
SELECT pg_temp.misconfigured($$'raw', 'report'$$, 'AFTER');
SELECT pg_temp.misconfigured($$'raw', 'report'$$, 'BEFORE', 'STATEMENT');
SELECT pg_temp.misconfigured($$'raw', 'report'$$);
-- a column name that needs quoting is fine
DELETE FROM misc;
ALTER TABLE misc RENAME COLUMN raw TO "Raw Text";
CREATE TRIGGER misc_t BEFORE INSERT ON misc
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('Raw Text', 'report');
INSERT INTO misc ("Raw Text") SELECT doc FROM fx WHERE name = 't2019';
SELECT (report).year FROM misc WHERE report IS NOT NULL;
DROP TABLE misc;

-- ---------------------------------------------------- continuity (R13)

-- the reports of one body, 2021 to 2023: 2022 carries over what 2021
-- carried forward (52 / 4 / 0 / 0 / 2 / 1 / 59), 2023 likewise; in the
-- broken 2022 text one request too few is carried over (51, total 58),
-- with one more new request, so that 2022 itself still reconciles
CREATE FUNCTION pg_temp.plant(doc text, t text, r text, c text, v text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	s int; l int;
BEGIN
	SELECT src_start, src_len INTO s, l
	FROM gr.govreport_cells(gr.govreport_parse(doc))
	WHERE tbl = t AND row_key = r AND col_key IS NOT DISTINCT FROM c;
	RETURN overlay(doc PLACING v FROM s FOR l);
END $$;
CREATE FUNCTION pg_temp.plant_row(doc text, r text, cols text[], vals text[]) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1 .. array_length(cols, 1) LOOP
		doc := pg_temp.plant(doc, 't3', r, cols[i], vals[i]);
	END LOOP;
	RETURN doc;
END $$;
INSERT INTO fx
SELECT 'y2022', pg_temp.plant_row(pg_temp.plant_row(
	replace(doc, '2021年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告'),
	'carried_over',
	ARRAY['natural_person', 'commercial_enterprise', 'legal_service_org', 'other_org', 'total'],
	ARRAY['52', '4', '2', '1', '59']),
	'new_received',
	ARRAY['natural_person', 'commercial_enterprise', 'legal_service_org', 'other_org', 'total'],
	ARRAY['1,091', '89', '10', '4', '1,199'])
FROM fx WHERE name = 't2021';
INSERT INTO fx
SELECT 'y2023', replace(doc, '2022年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告')
FROM fx WHERE name = 'y2022';
INSERT INTO fx
SELECT 'y2022bad', pg_temp.plant_row(doc, 'carried_over',
	ARRAY['natural_person', 'total'], ARRAY['51', '58'])
FROM fx WHERE name = 'y2022';
UPDATE fx SET doc = pg_temp.plant_row(doc, 'new_received',
	ARRAY['natural_person', 'total'], ARRAY['1,092', '1,200'])
WHERE name = 'y2022bad';
SELECT name, (gr.govreport_parse(doc)).year, gr.govreport_is_consistent(gr.govreport_parse(doc))
FROM fx WHERE name LIKE 'y20%' ORDER BY name;

CREATE TABLE annual (
	body text NOT NULL,
	year int NOT NULL,
	raw text NOT NULL,
	report gr.govreport,
	PRIMARY KEY (body, year)
);
CREATE TRIGGER annual_parse BEFORE INSERT OR UPDATE ON annual
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report');
CREATE CONSTRAINT TRIGGER annual_continuity AFTER INSERT OR UPDATE ON annual
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce_continuity('report', 'body', 'year');
CREATE FUNCTION pg_temp.ins(b text, y int, n text) RETURNS SETOF text
LANGUAGE sql AS $$
	SELECT pg_temp.try(format('INSERT INTO annual SELECT %L, %s, doc FROM fx WHERE name = %L', b, y, n))
$$;

-- two years, one transaction each, in both orders
SELECT pg_temp.ins('A', 2021, 't2021');
SELECT pg_temp.ins('A', 2022, 'y2022');
SELECT pg_temp.ins('B', 2022, 'y2022');
SELECT pg_temp.ins('B', 2021, 't2021');
-- the broken 2022 after 2021, and 2021 after the broken 2022
SELECT pg_temp.ins('C', 2021, 't2021');
SELECT pg_temp.ins('C', 2022, 'y2022bad');
SELECT pg_temp.ins('D', 2022, 'y2022bad');
SELECT pg_temp.ins('D', 2021, 't2021');
-- three years, any order; the middle year arrives last and is checked
-- against both neighbours
SELECT pg_temp.ins('E', 2023, 'y2023');
SELECT pg_temp.ins('E', 2021, 't2021');
SELECT pg_temp.ins('E', 2022, 'y2022');
SELECT pg_temp.ins('F', 2023, 'y2023');
SELECT pg_temp.ins('F', 2021, 't2021');
SELECT pg_temp.ins('F', 2022, 'y2022bad');
-- the first year arrives last: checked against the next one
SELECT pg_temp.ins('G', 2023, 'y2023');
SELECT pg_temp.ins('G', 2022, 'y2022bad');
SELECT pg_temp.ins('G', 2021, 't2021');
SELECT body, array_agg(year ORDER BY year) AS years FROM annual GROUP BY body ORDER BY body;

-- all three years in one transaction, in any order: checked at COMMIT, each
-- pair once
BEGIN;
INSERT INTO annual SELECT 'H', 2023, doc FROM fx WHERE name = 'y2023';
INSERT INTO annual SELECT 'H', 2021, doc FROM fx WHERE name = 't2021';
INSERT INTO annual SELECT 'H', 2022, doc FROM fx WHERE name = 'y2022';
COMMIT;
BEGIN;
INSERT INTO annual SELECT 'I', 2022, doc FROM fx WHERE name = 'y2022bad';
INSERT INTO annual SELECT 'I', 2023, doc FROM fx WHERE name = 'y2023';
INSERT INTO annual SELECT 'I', 2021, doc FROM fx WHERE name = 't2021';
COMMIT;
SELECT body, array_agg(year ORDER BY year) AS years FROM annual
WHERE body IN ('H', 'I') GROUP BY body ORDER BY body;

-- an UPDATE that breaks the chain is caught as well
SELECT pg_temp.try($$UPDATE annual SET raw = (SELECT doc FROM fx WHERE name = 'y2022bad')
                     WHERE body = 'E' AND year = 2022$$);
-- a row deleted or updated again later in the transaction is not checked
BEGIN;
INSERT INTO annual SELECT 'J', 2021, doc FROM fx WHERE name = 't2021';
INSERT INTO annual SELECT 'J', 2022, doc FROM fx WHERE name = 'y2022bad';
UPDATE annual SET raw = (SELECT doc FROM fx WHERE name = 'y2022') WHERE body = 'J' AND year = 2022;
COMMIT;
SELECT body, year, (report).carried_over FROM annual WHERE body = 'J' ORDER BY year;

-- mode warn: the row is kept, with a WARNING at commit
DROP TRIGGER annual_continuity ON annual;
CREATE CONSTRAINT TRIGGER annual_continuity AFTER INSERT OR UPDATE ON annual
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce_continuity('report', 'body', 'year', 'warn');
INSERT INTO annual SELECT 'C', 2022, doc FROM fx WHERE name = 'y2022bad';

-- mode quarantine: the row is kept and the break recorded
DROP TRIGGER annual_continuity ON annual;
CREATE CONSTRAINT TRIGGER annual_continuity AFTER INSERT OR UPDATE ON annual
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce_continuity('report', 'body', 'year', 'quarantine');
DELETE FROM gr.govreport_quarantine;
INSERT INTO annual SELECT 'D', 2021, doc FROM fx WHERE name = 't2021';
SELECT relid, trigger_name, reason, diverted, row_data ->> 'body' AS body,
       row_data ->> 'year' AS year, raw IS NULL AS no_raw, (report).year AS report_year
FROM gr.govreport_quarantine;
SELECT v ->> 'rule' AS rule, v ->> 'scope' AS scope, v ->> 'lhs' AS lhs, v ->> 'rhs' AS rhs,
       v ->> 'message' AS message
FROM gr.govreport_quarantine q, jsonb_array_elements(q.violations) v ORDER BY 2;
SELECT body, array_agg(year ORDER BY year) AS years FROM annual
WHERE body IN ('C', 'D') GROUP BY body ORDER BY body;

-- misconfigured continuity triggers
CREATE FUNCTION pg_temp.misconfigured_c(args text, deferred text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE CONSTRAINT TRIGGER annual_bad AFTER INSERT ON annual %s FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce_continuity(%s)',
	               deferred, args);
	RETURN QUERY SELECT pg_temp.try($q$INSERT INTO annual SELECT 'K', 2021, doc FROM fx WHERE name = 't2021'$q$);
	EXECUTE 'DROP TRIGGER annual_bad ON annual';
END $$;
SELECT pg_temp.misconfigured_c($$'report', 'body'$$, 'DEFERRABLE INITIALLY DEFERRED');
SELECT pg_temp.misconfigured_c($$'report', 'body', 'year'$$, 'NOT DEFERRABLE');
SELECT pg_temp.misconfigured_c($$'report', 'body', 'raw'$$, 'DEFERRABLE INITIALLY DEFERRED');
SELECT pg_temp.misconfigured_c($$'raw', 'body', 'year'$$, 'DEFERRABLE INITIALLY DEFERRED');
SELECT pg_temp.misconfigured_c($$'report', 'body', 'year', 'loud'$$, 'DEFERRABLE INITIALLY DEFERRED');

DROP TABLE annual;
DROP TABLE reports;
DELETE FROM gr.govreport_quarantine;

-- ------------------------------------ the trigger's verdict is the CHECK's
--
-- govreport_enforce checks the parsed report reduced to what the stored row
-- keeps (no read-back); a CHECK constraint reads the stored row.  Every UTF-8
-- fixture, and each with its digits scrambled (two adjacent digits swapped
-- before every white space: many rules fail in many ways), goes through the
-- trigger in quarantine mode; then every row kept must pass the CHECK's
-- test, and every row diverted for violations must carry exactly the
-- violations govreport_violations() finds in its stored report.
CREATE TEMP TABLE allfx (name text, doc text);
\set ECHO none
\set d `cat test/fixtures/analyst/stats_2017.txt`
INSERT INTO allfx VALUES ('analyst/stats_2017.txt', :'d');
\set d `cat test/fixtures/bad_bigint.txt`
INSERT INTO allfx VALUES ('bad_bigint.txt', :'d');
\set d `cat test/fixtures/bad_empty.txt`
INSERT INTO allfx VALUES ('bad_empty.txt', :'d');
\set d `cat test/fixtures/bad_letters.txt`
INSERT INTO allfx VALUES ('bad_letters.txt', :'d');
\set d `cat test/fixtures/bad_prose.txt`
INSERT INTO allfx VALUES ('bad_prose.txt', :'d');
\set d `cat test/fixtures/bad_short_row.txt`
INSERT INTO allfx VALUES ('bad_short_row.txt', :'d');
\set d `cat test/fixtures/bad_truncated.txt`
INSERT INTO allfx VALUES ('bad_truncated.txt', :'d');
\set d `cat test/fixtures/blank_cells.txt`
INSERT INTO allfx VALUES ('blank_cells.txt', :'d');
\set d `cat test/fixtures/layouts/t2019_aligned.txt`
INSERT INTO allfx VALUES ('layouts/t2019_aligned.txt', :'d');
\set d `cat test/fixtures/layouts/t2019_fullwidth.txt`
INSERT INTO allfx VALUES ('layouts/t2019_fullwidth.txt', :'d');
\set d `cat test/fixtures/layouts/t2019_glued.txt`
INSERT INTO allfx VALUES ('layouts/t2019_glued.txt', :'d');
\set d `cat test/fixtures/layouts/t2019_html.html`
INSERT INTO allfx VALUES ('layouts/t2019_html.html', :'d');
\set d `cat test/fixtures/layouts/t2021_aligned.txt`
INSERT INTO allfx VALUES ('layouts/t2021_aligned.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_ambiguous_glued.txt`
INSERT INTO allfx VALUES ('layouts/t2021_ambiguous_glued.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_ambiguous_tab.txt`
INSERT INTO allfx VALUES ('layouts/t2021_ambiguous_tab.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_bom.txt`
INSERT INTO allfx VALUES ('layouts/t2021_bom.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_fullwidth.txt`
INSERT INTO allfx VALUES ('layouts/t2021_fullwidth.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_glued.txt`
INSERT INTO allfx VALUES ('layouts/t2021_glued.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_html.html`
INSERT INTO allfx VALUES ('layouts/t2021_html.html', :'d');
\set d `cat test/fixtures/layouts/t2021_html_blank.html`
INSERT INTO allfx VALUES ('layouts/t2021_html_blank.html', :'d');
\set d `cat test/fixtures/layouts/t2021_trad.txt`
INSERT INTO allfx VALUES ('layouts/t2021_trad.txt', :'d');
\set d `cat test/fixtures/layouts/t2021_trad_html.html`
INSERT INTO allfx VALUES ('layouts/t2021_trad_html.html', :'d');
\set d `cat test/fixtures/legacy_narrative_annex.txt`
INSERT INTO allfx VALUES ('legacy_narrative_annex.txt', :'d');
\set d `cat test/fixtures/legacy_narrative_traps.txt`
INSERT INTO allfx VALUES ('legacy_narrative_traps.txt', :'d');
\set d `cat test/fixtures/legacy_old_page.txt`
INSERT INTO allfx VALUES ('legacy_old_page.txt', :'d');
\set d `cat test/fixtures/legacy_stats.txt`
INSERT INTO allfx VALUES ('legacy_stats.txt', :'d');
\set d `cat test/fixtures/legacy_stats_old.txt`
INSERT INTO allfx VALUES ('legacy_stats_old.txt', :'d');
\set d `cat test/fixtures/legacy_title_year.txt`
INSERT INTO allfx VALUES ('legacy_title_year.txt', :'d');
\set d `cat test/fixtures/legacy_two_same_year.txt`
INSERT INTO allfx VALUES ('legacy_two_same_year.txt', :'d');
\set d `cat test/fixtures/legacy_two_years.txt`
INSERT INTO allfx VALUES ('legacy_two_years.txt', :'d');
\set d `cat test/fixtures/t2019_md.txt`
INSERT INTO allfx VALUES ('t2019_md.txt', :'d');
\set d `cat test/fixtures/t2019_pipe.txt`
INSERT INTO allfx VALUES ('t2019_pipe.txt', :'d');
\set d `cat test/fixtures/t2019_tab.txt`
INSERT INTO allfx VALUES ('t2019_tab.txt', :'d');
\set d `cat test/fixtures/t2021_md.txt`
INSERT INTO allfx VALUES ('t2021_md.txt', :'d');
\set d `cat test/fixtures/t2021_pipe.txt`
INSERT INTO allfx VALUES ('t2021_pipe.txt', :'d');
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO allfx VALUES ('t2021_tab.txt', :'d');
\set d `cat test/fixtures/two_reports.txt`
INSERT INTO allfx VALUES ('two_reports.txt', :'d');
\set ECHO all
SELECT count(*) AS fixtures FROM allfx;
INSERT INTO allfx
SELECT name || ' scrambled', regexp_replace(doc, '([0-9])([0-9])(\s)', '\2\1\3', 'g') FROM allfx;
CREATE TABLE verdict (name text, raw text, report gr.govreport);
CREATE TRIGGER verdict_enforce BEFORE INSERT ON verdict
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'report', 'quarantine');
DELETE FROM gr.govreport_quarantine;
INSERT INTO verdict SELECT name, doc FROM allfx;
SELECT count(*) AS kept,
       count(*) FILTER (WHERE NOT gr.govreport_is_consistent(report)) AS kept_failing
FROM verdict;
SELECT reason, count(*) AS diverted,
       count(*) FILTER (WHERE reason = 'violation' AND q.violations IS DISTINCT FROM
           (SELECT jsonb_agg(to_jsonb(v)) FROM gr.govreport_violations(q.report) v)) AS verdicts_differ,
       count(*) FILTER (WHERE reason = 'violation' AND gr.govreport_is_consistent(q.report)) AS passes_check
FROM gr.govreport_quarantine q GROUP BY reason ORDER BY reason;
DROP TABLE verdict;
DELETE FROM gr.govreport_quarantine;
