--
-- checks: the reconciliation rules in SQL (govreport_violations,
-- govreport_is_consistent, govreport_rules) on the fixture reports, with one
-- planted error per rule.  Schema gr is not on the search_path.
--
\pset null '(null)'

-- ---------------------------------------------------------------- helpers

-- the fixtures
CREATE TEMP TABLE fx (name text PRIMARY KEY, doc text NOT NULL);
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO fx VALUES ('t2021_tab', :'d');
\set d `cat test/fixtures/t2021_pipe.txt`
INSERT INTO fx VALUES ('t2021_pipe', :'d');
\set d `cat test/fixtures/t2021_md.txt`
INSERT INTO fx VALUES ('t2021_md', :'d');
\set d `cat test/fixtures/t2019_tab.txt`
INSERT INTO fx VALUES ('t2019_tab', :'d');
\set d `cat test/fixtures/t2019_pipe.txt`
INSERT INTO fx VALUES ('t2019_pipe', :'d');
\set d `cat test/fixtures/t2019_md.txt`
INSERT INTO fx VALUES ('t2019_md', :'d');
\set d `cat test/fixtures/blank_cells.txt`
INSERT INTO fx VALUES ('blank_cells', :'d');
\set d `cat test/fixtures/bad_bigint.txt`
INSERT INTO fx VALUES ('bad_bigint', :'d');
\set d `cat test/fixtures/bad_letters.txt`
INSERT INTO fx VALUES ('bad_letters', :'d');
\set d `cat test/fixtures/bad_short_row.txt`
INSERT INTO fx VALUES ('bad_short_row', :'d');
\set d `cat test/fixtures/bad_truncated.txt`
INSERT INTO fx VALUES ('bad_truncated', :'d');

-- the text of one fixture
CREATE FUNCTION pg_temp.fx(n text) RETURNS text
LANGUAGE sql AS $$ SELECT doc FROM fx WHERE name = n $$;

-- plant an error: the report text with the printed text of one cell replaced
-- (the cell is found by its keys, its place by src_start / src_len)
CREATE FUNCTION pg_temp.plant(doc text, t text, r text, c text, v text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	s int; l int;
BEGIN
	SELECT src_start, src_len INTO s, l
	FROM gr.govreport_cells(gr.govreport_parse(doc))
	WHERE tbl = t AND row_key = r AND col_key IS NOT DISTINCT FROM c;
	IF s IS NULL THEN
		RAISE EXCEPTION 'no cell %/%/%', t, r, c;
	END IF;
	RETURN overlay(doc PLACING v FROM s FOR l);
END $$;

-- a govreport_cell / govreport built field by field (robust to new attributes)
CREATE FUNCTION pg_temp.cell(t text, r text, c text, v numeric, p text DEFAULT NULL)
RETURNS gr.govreport_cell
LANGUAGE plpgsql AS $$
DECLARE
	x gr.govreport_cell;
BEGIN
	x.tbl := t; x.row_key := r; x.col_key := c; x.value := v;
	x.printed := coalesce(p, v::text);
	RETURN x;
END $$;

CREATE FUNCTION pg_temp.report(fmt text, yr int, cells gr.govreport_cell[])
RETURNS gr.govreport
LANGUAGE plpgsql AS $$
DECLARE
	x gr.govreport;
BEGIN
	x.format := fmt; x.year := yr; x.layout := 'prose'; x.cells := cells;
	RETURN x;
END $$;

-- the report without its narrative cells (plausibility tests bring their own)
CREATE FUNCTION pg_temp.tables_only(r gr.govreport) RETURNS gr.govreport
LANGUAGE plpgsql AS $$
BEGIN
	r.cells := ARRAY(SELECT c FROM unnest(r.cells) AS c WHERE c.tbl <> 'narrative');
	RETURN r;
END $$;

CREATE FUNCTION pg_temp.with_cells(r gr.govreport, extra gr.govreport_cell[])
RETURNS gr.govreport
LANGUAGE plpgsql AS $$
BEGIN
	r.cells := r.cells || extra;
	RETURN r;
END $$;

-- ------------------------------------------------------- the rule catalogue

SELECT count(*) AS rules,
       count(*) FILTER (WHERE kind = 'strict') AS strict,
       count(*) FILTER (WHERE cross_year) AS cross_year,
       count(*) FILTER (WHERE NOT evaluated) AS not_evaluated
FROM gr.govreport_rules();

SELECT id, kind, formats, cross_year, evaluated
FROM gr.govreport_rules() WITH ORDINALITY ORDER BY ordinality;

SELECT id, formula, description_zh, description_en
FROM gr.govreport_rules() WHERE id IN ('R1', 'R14', 'S3', 'N3');

-- -------------------------------------------------------- clean reports

-- the fixtures hold (blank, garbage and short rows only make rules
-- indeterminate); bad_bigint keeps its exact value, which breaks R1 and R3
-- (the strict rules only: the narrative has its own tests below)
SELECT name, gr.govreport_is_consistent(gr.govreport_parse(doc)) AS consistent
FROM fx ORDER BY name;

SELECT name, v.rule, v.kind, v.scope, v.lhs, v.rhs
FROM fx, gr.govreport_violations(gr.govreport_parse(doc)) v
WHERE v.kind = 'strict'
ORDER BY name, v.rule, v.scope;

SELECT v.message
FROM gr.govreport_violations(gr.govreport_parse(pg_temp.fx('bad_bigint'))) v
WHERE v.kind = 'strict';

-- every report of a two-report document
\set d `cat test/fixtures/two_reports.txt`
SELECT (r).agency, (r).year, gr.govreport_is_consistent(r) AS consistent,
       (SELECT count(*) FROM gr.govreport_violations(r) WHERE kind = 'strict') AS strict_violations
FROM gr.govreport_parse_all(:'d') r;

-- ------------------------------------------- one planted error per strict rule

CREATE TEMP TABLE plants (n int PRIMARY KEY, planted text, fixture text,
                          tbl text, row_key text, col_key text, printed text);
INSERT INTO plants VALUES
 (1, 'R1', 't2021_tab', 't3', 'carried_forward', 'natural_person', '53'),
 (2, 'R2', 't2021_tab', 't3', 'granted', 'commercial_enterprise', '32'),
 (3, 'R3', 't2021_tab', 't3', 'unable.not_held', 'total', '423'),
 (4, 'R3', 't2021_tab', 't3', 'new_received', 'total', '1,211'),
 (5, 'R6', 't2021_tab', 't4', 'review', 'pending', '2'),
 (6, 'R7', 't2021_tab', 't4', 'litigation_direct', 'total', '7'),
 (7, 'R8', 't2021_tab', 't4', 'litigation_after_review', 'corrected', '1'),
 (8, 'R9', 't2021_tab', 't2', 'licensing', 'decisions', '-1'),
 (9, 'R9', 't2021_tab', 't2', 'normative_docs', 'in_force', '37.5'),
 (10, 'R9', 't2021_tab', 't4', 'review', 'other', '1.5'),
 (11, 'R1', 't2019_tab', 't3', 'carried_over', 'other_org', '2'),
 (12, 'R2', 't2019_pipe', 't3', 'other', 'natural_person', '17'),
 (13, 'R2', 't2021_pipe', 't3', 'other.fee_unpaid', 'total', '4'),
 (14, 'R6', 't2019_md', 't4', 'review', 'total', '5');

-- the planted text parses, and the planted cell holds the new value
SELECT p.n, p.planted, c.value, c.printed
FROM plants p,
     gr.govreport_cells(gr.govreport_parse(
         pg_temp.plant(pg_temp.fx(p.fixture), p.tbl, p.row_key, p.col_key, p.printed))) c
WHERE c.tbl = p.tbl AND c.row_key = p.row_key AND c.col_key = p.col_key
ORDER BY p.n;

-- exactly the strict rules that share the planted cell fail, with the
-- right scope
SELECT p.n, p.planted, v.rule, v.kind, v.scope, v.lhs, v.rhs
FROM plants p,
     gr.govreport_violations(gr.govreport_parse(
         pg_temp.plant(pg_temp.fx(p.fixture), p.tbl, p.row_key, p.col_key, p.printed))) v
WHERE v.kind = 'strict'
ORDER BY p.n, v.rule, v.scope;

-- the messages name the cells and show the arithmetic
SELECT p.n, v.rule, v.message
FROM plants p,
     gr.govreport_violations(gr.govreport_parse(
         pg_temp.plant(pg_temp.fx(p.fixture), p.tbl, p.row_key, p.col_key, p.printed))) v
WHERE p.n IN (1, 2, 5, 8, 13) AND v.kind = 'strict'
ORDER BY p.n, v.rule, v.scope;

SELECT p.n, gr.govreport_is_consistent(gr.govreport_parse(
         pg_temp.plant(pg_temp.fx(p.fixture), p.tbl, p.row_key, p.col_key, p.printed))) AS consistent
FROM plants p ORDER BY p.n;

-- R4 and R5 apply only where a subtotal is printed: add a 不予公开 subtotal
-- row (true sums 58 / 7 / 0 / 0 / 1 / 0 / 58 over report A) and a
-- legal-person subtotal of row granted (31 + 1 + 0 + 4 + 2 = 38)
CREATE TEMP TABLE a AS SELECT pg_temp.tables_only(gr.govreport_parse(pg_temp.fx('t2021_tab'))) AS r;
SELECT count(*) AS violations
FROM a, gr.govreport_violations(pg_temp.with_cells(r, ARRAY[
	pg_temp.cell('t3', 'denied', 'natural_person', 50),
	pg_temp.cell('t3', 'denied', 'commercial_enterprise', 7),
	pg_temp.cell('t3', 'denied', 'research_institution', 0),
	pg_temp.cell('t3', 'denied', 'social_welfare_org', 0),
	pg_temp.cell('t3', 'denied', 'legal_service_org', 1),
	pg_temp.cell('t3', 'denied', 'other_org', 0),
	pg_temp.cell('t3', 'denied', 'total', 58),
	pg_temp.cell('t3', 'granted', 'legal_person_subtotal', 38)]));
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM a, gr.govreport_violations(pg_temp.with_cells(r, ARRAY[
	pg_temp.cell('t3', 'denied', 'natural_person', 49),
	pg_temp.cell('t3', 'denied', 'commercial_enterprise', 7),
	pg_temp.cell('t3', 'denied', 'research_institution', 0),
	pg_temp.cell('t3', 'denied', 'social_welfare_org', 0),
	pg_temp.cell('t3', 'denied', 'legal_service_org', 1),
	pg_temp.cell('t3', 'denied', 'other_org', 0),
	pg_temp.cell('t3', 'denied', 'total', 57),
	pg_temp.cell('t3', 'granted', 'legal_person_subtotal', 39)])) v
ORDER BY v.rule, v.scope;

-- a blank or inexact operand makes a rule indeterminate, never failed
SELECT v.rule, v.scope
FROM a, gr.govreport_violations(pg_temp.with_cells(r, ARRAY[
	pg_temp.cell('t3', 'denied', 'natural_person', NULL),
	pg_temp.cell('t3', 'denied', 'total', 58)])) v;

-- ------------------------------------------------------ plausibility rules

-- R10 (2019 table 2): published this year > published in total
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(gr.govreport_parse(
	pg_temp.plant(pg_temp.fx('t2019_tab'), 't2', 'normative_docs', 'published', '42'))) v;

-- R14: "收到 N 件" against table 3, both readings.  Report B prints 收到 350
-- (= new_received: the literal reading holds).
SELECT row_key, value FROM gr.govreport_cells(gr.govreport_parse(pg_temp.fx('t2019_tab')))
WHERE tbl = 'narrative' AND row_key IN ('requests.received', 'requests.carried_over')
ORDER BY src_start;
-- 366 = 350 new + 16 carried over: holds only under the inclusive reading
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(gr.govreport_parse(
	pg_temp.plant(pg_temp.fx('t2019_tab'), 'narrative', 'requests.received', NULL, '366'))) v;
-- 400: neither reading (and the narrative's own balance fails, N1)
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(gr.govreport_parse(
	pg_temp.plant(pg_temp.fx('t2019_tab'), 'narrative', 'requests.received', NULL, '400'))) v;
-- other narrative figures: 新收, 上年结转, outcome groups (sums of reason
-- rows), 复议/诉讼
SELECT v.rule, v.scope, v.lhs, v.rhs, v.message
FROM a, gr.govreport_violations(pg_temp.with_cells(r, ARRAY[
	pg_temp.cell('narrative', 'requests.new_received', NULL, 1210),
	pg_temp.cell('narrative', 'requests.carried_over', NULL, 48),
	pg_temp.cell('narrative', 'outcome.granted', NULL, 440),
	pg_temp.cell('narrative', 'outcome.denied', NULL, 59),
	pg_temp.cell('narrative', 'outcome.other', NULL, 53),
	pg_temp.cell('narrative', 'review.total', NULL, 9),
	pg_temp.cell('narrative', 'litigation.total', NULL, 9)])) v
ORDER BY v.rule, v.scope;

-- R15: percentages in a template report (half-up or truncated at the
-- printed precision)
SELECT v.rule, v.scope, v.lhs, v.rhs, v.message
FROM a, gr.govreport_violations(pg_temp.with_cells(r, ARRAY[
	pg_temp.cell('narrative', 'proactive.items_total', NULL, 72),
	pg_temp.cell('narrative', 'proactive.category.planning', NULL, 2),
	pg_temp.cell('narrative', 'proactive.category.planning.pct', NULL, 2.77, '2.77%'),
	pg_temp.cell('narrative', 'proactive.category.business_news', NULL, 70),
	pg_temp.cell('narrative', 'proactive.category.business_news.pct', NULL, 97.23, '97.23%')])) v
ORDER BY v.rule, v.scope;

-- R16: a 2021-template report for 2020
SELECT (r).year, (r).format, v.rule, v.scope, v.lhs, v.message
FROM (SELECT gr.govreport_parse(replace(pg_temp.fx('t2021_tab'),
        '2021年政府信息公开工作年度报告', '2020年政府信息公开工作年度报告')) AS r) s,
     gr.govreport_violations(r) v
WHERE v.rule = 'R16';

-- R17: 3 requests dropped for an unpaid fee, but only 2 fee notices
SELECT v.rule, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(gr.govreport_parse(
	pg_temp.plant(pg_temp.fx('t2021_tab'), 'narrative', 'fees.notices', NULL, '2'))) v;

-- ---------------------------------------------- the pre-2019 statistics table

-- seed 001's table (陶然亭街道 2017) and its narrative: S12 finds the
-- answered 3 vs 2 and 申请内容不明确 1 vs 0, N3 the forced 34%
CREATE TEMP TABLE st AS SELECT pg_temp.report('stats_table_pre2019', 2017, ARRAY[
	pg_temp.cell('stats', 'proactive.items_total', NULL, 975),
	pg_temp.cell('stats', 'proactive.channel.gazette', NULL, 0),
	pg_temp.cell('stats', 'proactive.channel.website', NULL, 534),
	pg_temp.cell('stats', 'proactive.channel.weibo', NULL, 0),
	pg_temp.cell('stats', 'proactive.channel.wechat', NULL, 170),
	pg_temp.cell('stats', 'proactive.channel.other', NULL, 271),
	pg_temp.cell('stats', 'requests.received', NULL, 3),
	pg_temp.cell('stats', 'requests.received.in_person', NULL, 0),
	pg_temp.cell('stats', 'requests.received.fax', NULL, 0),
	pg_temp.cell('stats', 'requests.received.online', NULL, 2),
	pg_temp.cell('stats', 'requests.received.letter', NULL, 1),
	pg_temp.cell('stats', 'requests.closed', NULL, 2),
	pg_temp.cell('stats', 'requests.closed.on_time', NULL, 2),
	pg_temp.cell('stats', 'requests.closed.extended', NULL, 0),
	pg_temp.cell('stats', 'requests.answered', NULL, 2),
	pg_temp.cell('stats', 'requests.answered.already_public', NULL, 0),
	pg_temp.cell('stats', 'requests.answered.granted', NULL, 0),
	pg_temp.cell('stats', 'requests.answered.partially_granted', NULL, 1),
	pg_temp.cell('stats', 'requests.answered.denied', NULL, 0),
	pg_temp.cell('stats', 'requests.answered.not_this_agency', NULL, 1),
	pg_temp.cell('stats', 'requests.answered.not_exist', NULL, 0),
	pg_temp.cell('stats', 'requests.answered.asked_to_amend', NULL, 0),
	pg_temp.cell('stats', 'requests.answered.other_channel', NULL, 0),
	pg_temp.cell('stats', 'review.total', NULL, 0),
	pg_temp.cell('stats', 'review.maintained', NULL, 0),
	pg_temp.cell('stats', 'review.corrected', NULL, 0),
	pg_temp.cell('stats', 'review.other', NULL, 0),
	pg_temp.cell('stats', 'fees.collected_yuan', NULL, NULL, ''),
	pg_temp.cell('stats', 'org.staff_total', NULL, 1),
	pg_temp.cell('stats', 'org.staff_full_time', NULL, 1),
	pg_temp.cell('stats', 'org.staff_part_time', NULL, 0),
	pg_temp.cell('narrative', 'proactive.items_total', NULL, 975),
	pg_temp.cell('narrative', 'requests.received', NULL, 3),
	pg_temp.cell('narrative', 'requests.received.online', NULL, 2),
	pg_temp.cell('narrative', 'requests.received.online.pct', NULL, 67, '67%'),
	pg_temp.cell('narrative', 'requests.received.letter', NULL, 1),
	pg_temp.cell('narrative', 'requests.received.letter.pct', NULL, 33, '33%'),
	pg_temp.cell('narrative', 'requests.answered', NULL, 3),
	pg_temp.cell('narrative', 'requests.answered.partially_granted', NULL, 1),
	pg_temp.cell('narrative', 'requests.answered.partially_granted.pct', NULL, 33, '33%'),
	pg_temp.cell('narrative', 'requests.answered.not_this_agency', NULL, 1),
	pg_temp.cell('narrative', 'requests.answered.not_this_agency.pct', NULL, 33, '33％'),
	pg_temp.cell('narrative', 'requests.answered.unclear', NULL, 1),
	pg_temp.cell('narrative', 'requests.answered.unclear.pct', NULL, 34, '34％'),
	pg_temp.cell('narrative', 'fees.collected_yuan', NULL, 0),
	pg_temp.cell('narrative', 'consultations.total', NULL, 964),
	pg_temp.cell('narrative', 'consultations.on_site', NULL, 222),
	pg_temp.cell('narrative', 'consultations.phone', NULL, 742)]) AS r;

SELECT gr.govreport_is_consistent(r) FROM st;
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM st, gr.govreport_violations(r) v;

-- a planted error per strict S rule: the channel, 办结, answer-type, staff sums
CREATE FUNCTION pg_temp.set_cell(r gr.govreport, k text, v numeric) RETURNS gr.govreport
LANGUAGE plpgsql AS $$
DECLARE
	cs gr.govreport_cell[] := r.cells;
BEGIN
	FOR i IN 1 .. array_length(cs, 1) LOOP
		IF cs[i].tbl = 'stats' AND cs[i].row_key = k THEN
			cs[i] := pg_temp.cell('stats', k, NULL, v);
		END IF;
	END LOOP;
	r.cells := cs;
	RETURN r;
END $$;
SELECT k, v.rule, v.kind, v.scope, v.lhs, v.rhs
FROM st, unnest(ARRAY['requests.received.fax', 'requests.closed.extended',
                      'requests.answered.granted', 'review.corrected',
                      'org.staff_part_time']) AS k,
     gr.govreport_violations(pg_temp.set_cell(r, k, 1)) v
WHERE v.rule NOT IN ('S12', 'N3')
ORDER BY k, v.rule, v.scope;

-- ------------------------------------------------------ narrative reports

-- seed 003-2016 (narrative + annex): "约占65.4%" fits no base (N3); the
-- annex and the repeated figures agree (N6)
SELECT v.rule, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(pg_temp.report('narrative', 2016, ARRAY[
	pg_temp.cell('narrative', 'proactive.external_website', NULL, 1467),
	pg_temp.cell('narrative', 'proactive.hall', NULL, 585),
	pg_temp.cell('narrative', 'proactive.category.work_news', NULL, 579),
	pg_temp.cell('narrative', 'proactive.category.work_news.pct', NULL, 65.4, '约占65.4%'),
	pg_temp.cell('narrative', 'proactive.category.policies', NULL, 53),
	pg_temp.cell('narrative', 'proactive.category.letters', NULL, 147),
	pg_temp.cell('narrative', 'proactive.full_text_electronic_rate_pct', NULL, 100, '100%'),
	pg_temp.cell('narrative', 'proactive.all_channels_note', NULL, 1467),
	pg_temp.cell('narrative', 'proactive.hall_note', NULL, 585),
	pg_temp.cell('annex', 'proactive.items_total', NULL, 585),
	pg_temp.cell('annex', 'proactive.full_text_electronic_items', NULL, 584)])) v;

-- N1 / N2 / N4: totals and the parts listed with them
SELECT v.rule, v.scope, v.lhs, v.rhs, v.message
FROM gr.govreport_violations(pg_temp.report('narrative', 2017, ARRAY[
	pg_temp.cell('narrative', 'requests.received', NULL, 7),
	pg_temp.cell('narrative', 'requests.received.online', NULL, 5),
	pg_temp.cell('narrative', 'requests.received.letter', NULL, 1),
	pg_temp.cell('narrative', 'requests.answered.granted', NULL, 6),
	pg_temp.cell('narrative', 'requests.answered.not_exist', NULL, 2),
	pg_temp.cell('narrative', 'proactive.items_total', NULL, 72),
	pg_temp.cell('narrative', 'proactive.category.planning', NULL, 2),
	pg_temp.cell('narrative', 'proactive.category.business_news', NULL, 71)])) v
ORDER BY v.rule, v.scope;

-- ---------------------------------------------------------------- cross-year

-- report A (2021) and a 2022 report of the same body that continues it:
-- carried_over = 2021's carried_forward (52 / 4 / 0 / 0 / 2 / 1 / 59), new
-- requests adjusted so that 2022 itself reconciles, in_force 37 + 5 - 2
CREATE TEMP TABLE y AS
SELECT pg_temp.fx('t2021_tab') AS y2021, d AS y2022
FROM (SELECT replace(pg_temp.fx('t2021_tab'), '2021年政府信息公开工作年度报告',
                     '2022年政府信息公开工作年度报告') AS d) s;
CREATE FUNCTION pg_temp.plant_row(doc text, t text, r text, cols text[], vals text[]) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1 .. array_length(cols, 1) LOOP
		doc := pg_temp.plant(doc, t, r, cols[i], vals[i]);
	END LOOP;
	RETURN doc;
END $$;
UPDATE y SET y2022 = pg_temp.plant_row(pg_temp.plant_row(pg_temp.plant(y2022,
	't2', 'normative_docs', 'in_force', '40'),
	't3', 'carried_over',
	ARRAY['natural_person', 'commercial_enterprise', 'research_institution',
	      'social_welfare_org', 'legal_service_org', 'other_org', 'total'],
	ARRAY['52', '4', '0', '0', '2', '1', '59']),
	't3', 'new_received',
	ARRAY['natural_person', 'commercial_enterprise', 'legal_service_org', 'other_org', 'total'],
	ARRAY['1,091', '89', '10', '4', '1,199']);
SELECT (gr.govreport_parse(y2022)).year, gr.govreport_is_consistent(gr.govreport_parse(y2022)),
       (SELECT count(*) FROM gr.govreport_violations(gr.govreport_parse(y2022)) WHERE kind = 'strict') AS strict
FROM y;
SELECT count(*) AS continuity_violations
FROM y, gr.govreport_violations(gr.govreport_parse(y2021), gr.govreport_parse(y2022));
-- the unchanged 2021 text as its own successor: R13 in every column that
-- moved, R11 for 行政规范性文件 (37 in force, but 37 + 5 - 2 = 40)
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM y, gr.govreport_violations(gr.govreport_parse(y2021),
        gr.govreport_parse(replace(y2021, '2021年政府信息公开工作年度报告',
                                   '2022年政府信息公开工作年度报告'))) v
ORDER BY v.rule, v.scope;
-- R12 (2019 table 2): report B read as its own predecessor
SELECT v.rule, v.scope, v.lhs, v.rhs
FROM gr.govreport_violations(gr.govreport_parse(pg_temp.fx('t2019_tab')),
                             gr.govreport_parse(pg_temp.fx('t2019_tab'))) v
WHERE v.rule = 'R12' ORDER BY v.scope;

-- ------------------------------------------------------------ CHECK constraint

CREATE TABLE checked_reports (
	id serial PRIMARY KEY,
	report gr.govreport CONSTRAINT report_reconciles CHECK (gr.govreport_is_consistent(report))
);
INSERT INTO checked_reports (report)
SELECT gr.govreport_parse(doc) FROM fx WHERE name <> 'bad_bigint' ORDER BY name;
-- a planted error and bad_bigint are rejected (23514, the constraint named)
DO $$
DECLARE
	st text; cn text; tn text; msg text;
BEGIN
	FOR i IN 1 .. 2 LOOP
		BEGIN
			INSERT INTO checked_reports (report)
			SELECT gr.govreport_parse(CASE i
				WHEN 1 THEN pg_temp.plant(pg_temp.fx('t2021_tab'), 't3', 'granted', 'natural_person', '403')
				ELSE pg_temp.fx('bad_bigint') END);
			RAISE NOTICE 'row % accepted', i;
		EXCEPTION WHEN check_violation THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, cn = CONSTRAINT_NAME,
				tn = TABLE_NAME, msg = MESSAGE_TEXT;
			RAISE NOTICE 'row %: % % on %: %', i, st, cn, tn, msg;
		END;
	END LOOP;
END $$;
-- NULL passes a CHECK: a row without a report
INSERT INTO checked_reports (report) VALUES (NULL);
SELECT count(*), count(report) FROM checked_reports;
-- the reports kept there can be re-examined at any time
SELECT count(*) AS plausibility_findings
FROM checked_reports, gr.govreport_violations(report);
DROP TABLE checked_reports;

-- STRICT: NULL in, NULL out
SELECT gr.govreport_is_consistent(NULL), count(*) FROM gr.govreport_violations(NULL);
