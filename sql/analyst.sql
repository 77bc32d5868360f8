--
-- analyst: govreport_render, govreport_split, the govreport_sum aggregate,
-- govreport_compare, the crosswalk and the analyst schema
-- (govreport_create_analyst_schema: tables, quarantine trigger, load_document,
-- views).  Schema gr is not on the search_path.
--
\pset null '(null)'

-- plain tables, not temporary ones: the parallel-worker run reads them too
CREATE TABLE afx (name text PRIMARY KEY, doc text NOT NULL);
\set d `cat test/fixtures/t2021_tab.txt`
INSERT INTO afx VALUES ('t2021', :'d');
\set d `cat test/fixtures/t2021_pipe.txt`
INSERT INTO afx VALUES ('t2021_pipe', :'d');
\set d `cat test/fixtures/t2019_tab.txt`
INSERT INTO afx VALUES ('t2019', :'d');
\set d `cat test/fixtures/blank_cells.txt`
INSERT INTO afx VALUES ('blank', :'d');
\set d `cat test/fixtures/two_reports.txt`
INSERT INTO afx VALUES ('two', :'d');
\set d `cat test/fixtures/bad_prose.txt`
INSERT INTO afx VALUES ('prose', :'d');
\set d `cat test/fixtures/analyst/stats_2017.txt`
INSERT INTO afx VALUES ('stats', :'d');
-- planted error: carried_forward natural_person 52 -> 53 (R1 natural_person, R3 carried_forward)
INSERT INTO afx SELECT 'planted', replace(doc, E'\u300052', E'\u300053') FROM afx WHERE name = 't2021';
-- the same body a year later: carried_over(2022) differs from carried_forward(2021)
INSERT INTO afx SELECT 't2022', replace(doc, '2021', '2022') FROM afx WHERE name = 't2021';
-- planted error in a statistics table: closed 5 but on time 5 + extended 1 (S2)
INSERT INTO afx SELECT 'stats_planted', regexp_replace(doc, E'(2\\.延期办结数\\n\\t件\\n\\t)0', E'\\11') FROM afx WHERE name = 'stats';

-- markings of the new functions
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.pronamespace = 'gr'::regnamespace
  AND p.proname IN ('govreport_render', 'govreport_split', 'govreport_sum', 'govreport_compare',
                    'govreport_create_analyst_schema')
ORDER BY 1::text;
SELECT a.aggfnoid::regprocedure, a.aggtransfn, a.aggcombinefn, a.aggfinalfn, a.agginitval
FROM pg_aggregate a WHERE a.aggfnoid = 'gr.govreport_sum'::regproc;

-- ---------------------------------------------------------------- render
\pset format unaligned
\pset tuples_only on
-- the planted error: the four R1 cells of natural_person and the R3 total are marked
SELECT gr.govreport_render(gr.govreport_parse(doc)) FROM afx WHERE name = 'planted';
-- template 2019 rows, blank cells, and a statistics table as a list with S2 marked
SELECT gr.govreport_render(gr.govreport_parse(doc)) FROM afx WHERE name = 't2019';
SELECT gr.govreport_render(gr.govreport_parse(doc)) FROM afx WHERE name = 'blank';
SELECT gr.govreport_render(gr.govreport_parse(doc)) FROM afx WHERE name = 'stats_planted';
\pset format aligned
\pset tuples_only off
-- every line of a rendered table 3 row ends at the same display column
SELECT count(DISTINCT length(l) + length(regexp_replace(l, '[^\u3000-\u9fff\uff00-\uff60]', '', 'g'))) AS widths
FROM afx, regexp_split_to_table(gr.govreport_render(gr.govreport_parse(doc)), E'\n') l
WHERE name = 't2021' AND l ~ '^ *(一|二|四)、.*[0-9]$';
SELECT gr.govreport_render(NULL) IS NULL AS strict;

-- ----------------------------------------------------------------- split
SELECT s.part, length(s.report_text) > 0 AS has_text, (gr.govreport_parse(s.report_text)).agency,
       (gr.govreport_parse(s.report_text)).year,
       (gr.govreport_parse(s.report_text)).format = (p.r).format AS same_format
FROM afx, gr.govreport_split(doc) s
JOIN (SELECT row_number() OVER () AS n, r FROM afx a, gr.govreport_parse_all(a.doc) r WHERE a.name = 'two') p
  ON p.n = s.part
WHERE name = 'two';
-- the cells are the same; only positions are relative to the part
SELECT s.part, count(*) AS cells, count(*) FILTER (WHERE c.value IS NOT DISTINCT FROM c2.value) AS same_value
FROM afx, gr.govreport_split(doc) s,
     LATERAL unnest((gr.govreport_parse(s.report_text)).cells) WITH ORDINALITY c(tbl, row_key, col_key, value, printed, src_start, src_len, o)
JOIN LATERAL (SELECT x.* FROM gr.govreport_parse_all(afx.doc) WITH ORDINALITY pr(agency, year, format, layout, nr, co, pt, cf, cells, warnings, n),
              unnest(pr.cells) WITH ORDINALITY x(tbl, row_key, col_key, value, printed, src_start, src_len, o)
              WHERE pr.n = s.part) c2 ON c2.o = c.o
WHERE name = 'two'
GROUP BY s.part ORDER BY s.part;
SELECT count(*) AS parts FROM afx, gr.govreport_split(doc) WHERE name = 'prose';

-- ------------------------------------------------------------ aggregates
CREATE TABLE dept AS
SELECT name, gr.govreport_parse(doc) AS r FROM afx WHERE name IN ('t2021', 't2021_pipe')
UNION ALL
SELECT 'two.1', p FROM afx, gr.govreport_parse_all(doc) p WHERE name = 'two' AND (p).year = 2021;

-- the sum of three 2021 reports: totals add up, rules checked on the sum
SELECT (s).agency, (s).year, (s).format, (s).layout, (s).new_received, (s).carried_over,
       (s).processed_total, (s).carried_forward, cardinality((s).cells) AS cells, (s).warnings
FROM (SELECT gr.govreport_sum(r) AS s FROM dept) x;
SELECT count(*) AS violations_of_the_sum FROM (SELECT gr.govreport_sum(r) AS s FROM dept) x, gr.govreport_violations(s);
SELECT gr.govreport_is_consistent(gr.govreport_sum(r)) FROM dept;
-- cell by cell: 1102 + 1102 + the education committee's natural persons
SELECT c.tbl, c.row_key, c.col_key, c.value, c.printed, c.src_start
FROM (SELECT gr.govreport_sum(r) AS s FROM dept) x, gr.govreport_cells(s) c
WHERE (c.tbl = 't3' AND c.row_key = 'new_received') OR (c.tbl = 't2' AND c.col_key = 'amount_10k_yuan')
   OR (c.tbl = 't4' AND c.row_key = 'review');
-- a blank cell in one input makes the sum's cell NULL
SELECT (s).warnings, (SELECT count(*) FROM unnest((s).cells) c WHERE c.value IS NULL) AS null_cells
FROM (SELECT gr.govreport_sum(r) AS s
      FROM (SELECT r FROM dept UNION ALL SELECT gr.govreport_parse(doc) FROM afx WHERE name = 'blank') d) x;
-- years differ: year NULL; no rows / only NULLs: NULL; one row: a sum of 1
SELECT (s).year, (s).format, (s).warnings[1]
FROM (SELECT gr.govreport_sum(r) AS s
      FROM (SELECT r FROM dept UNION ALL SELECT gr.govreport_parse(doc) FROM afx WHERE name = 't2022') d) x;
SELECT gr.govreport_sum(r) IS NULL AS no_rows FROM dept WHERE false;
SELECT gr.govreport_sum(NULL::gr.govreport) IS NULL AS only_nulls;
SELECT (gr.govreport_sum(r)).warnings FROM dept WHERE name = 't2021';
-- formats differ: 22023
\set VERBOSITY sqlstate
SELECT gr.govreport_sum(r) FROM (SELECT r FROM dept UNION ALL SELECT gr.govreport_parse(doc) FROM afx WHERE name = 't2019') d;
\set VERBOSITY default
-- the combine function (parallel aggregation) gives what one pass gives
SELECT gr.govreport_sum_final(gr.govreport_sum_combine(
           gr.govreport_sum_trans('(0,,,f,,f,{})', (SELECT r FROM dept WHERE name = 't2021')),
           gr.govreport_sum_trans(gr.govreport_sum_trans('(0,,,f,,f,{})', (SELECT r FROM dept WHERE name = 't2021_pipe')),
                                  (SELECT r FROM dept WHERE name = 'two.1'))))
       = (SELECT gr.govreport_sum(r ORDER BY name) FROM dept) AS combine_matches;

-- a district's own report against the sum of its departments
SELECT c.tbl, c.row_key, c.col_key, c.a_value, c.b_value, c.diff
FROM gr.govreport_compare((SELECT r FROM dept WHERE name = 't2021'),
                          (SELECT gr.govreport_sum(r) FROM dept WHERE name <> 't2021')) c
WHERE c.col_key = 'total' AND c.row_key IN ('new_received', 'carried_over', 'processed_total', 'carried_forward');
SELECT count(*) AS cells, count(*) FILTER (WHERE diff = 0) AS equal, count(*) FILTER (WHERE diff IS NULL) AS unknown
FROM gr.govreport_compare((SELECT r FROM dept WHERE name = 't2021'), (SELECT r FROM dept WHERE name = 't2021_pipe'));

-- ------------------------------------------------------------- crosswalk
SELECT quality, count(*) FROM gr.govreport_crosswalk GROUP BY quality ORDER BY quality;
SELECT old_key, new_key, quality FROM gr.govreport_crosswalk WHERE new_key = 'denied.third_party_rights' ORDER BY old_key;

-- -------------------------------------------------------- analyst schema
SELECT gr.govreport_create_analyst_schema('ana');
SELECT gr.govreport_create_analyst_schema('ana');   -- runs again without harm
SELECT c.relname, c.relkind FROM pg_class c
WHERE c.relnamespace = 'ana'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE schemaname = 'ana' ORDER BY 1;
SELECT tgname, pg_get_triggerdef(t.oid) LIKE '%govreport_enforce(''raw'', ''report'', ''quarantine'')%' AS quarantine_mode
FROM pg_trigger t WHERE tgrelid = 'ana.reports'::regclass AND NOT tgisinternal ORDER BY 1;
SELECT count(*) AS uncommented_views FROM pg_class c
WHERE c.relnamespace = 'ana'::regnamespace AND c.relkind IN ('r', 'v') AND obj_description(c.oid, 'pg_class') IS NULL;

-- load: one call per document, one result row per report
SELECT l.* FROM afx, ana.load_document(name || '.txt', md5(doc), doc, 'UTF-8', octet_length(doc), 'qinghe-eco', '青禾区', true) l
WHERE name = 't2021';
SELECT l.* FROM afx, ana.load_document(name || '.txt', md5(doc), doc, 'UTF-8', octet_length(doc), 'qinghe-eco', '青禾区', true) l
WHERE name = 't2022';
SELECT l.part, l.status, l.year, l.agency, l.detail FROM afx, ana.load_document(name || '.txt', md5(doc), doc, p_district => '青禾区') l
WHERE name IN ('t2021_pipe', 'two', 'planted', 'prose') ORDER BY name, l.part;
SELECT l.part, l.status, l.year, l.agency FROM afx, ana.load_document(name || '.txt', md5(doc), doc, p_lineage_id => 'shiqiao') l
WHERE name IN ('stats', 't2019') ORDER BY name;
-- the same bytes again: skipped
SELECT l.part, l.status, l.detail LIKE 'already loaded from t2021.txt at %' AS detail_ok
FROM afx, ana.load_document('copy of t2021.txt', md5(doc), doc) l WHERE name = 't2021';

SELECT file_name, n_reports, n_loaded, n_quarantined, result FROM ana.loads ORDER BY file_name;
SELECT id, lineage_id, district, is_district, year, file_name, part, (report).format
FROM ana.reports ORDER BY id;
SELECT count(*) FILTER (WHERE raw = doc) AS raw_is_the_file FROM ana.reports r JOIN afx ON r.file_name = afx.name || '.txt';

-- the views, with known answers
SELECT year, lineage_id, outcome_group, requests, share FROM ana.outcome_shares
WHERE lineage_id = 'qinghe-eco' ORDER BY year, outcome_group;
SELECT lineage_id, failing_reports, years, rules, example FROM ana.failing_agencies;
SELECT file_name, part, reason, lineage_id, year, rule, scope, lhs, rhs FROM ana.quarantined ORDER BY file_name, rule, scope;
SELECT lineage_id, prev_year, year, applicant, prev_carried_forward, carried_over, diff
FROM ana.continuity_breaks ORDER BY lineage_id, year, applicant;
-- R13 in SQL agrees with govreport_violations(prev, cur)
SELECT v.rule, v.scope, v.lhs, v.rhs
FROM ana.reports a, ana.reports b, gr.govreport_violations(a.report, b.report) v
WHERE a.lineage_id = 'qinghe-eco' AND b.lineage_id = 'qinghe-eco' AND a.year = 2021 AND b.year = 2022
  AND v.rule = 'R13' ORDER BY v.scope;
SELECT lineage_id, key, year, format, value, quality FROM ana.series
WHERE lineage_id = 'shiqiao' AND key IN ('new_received', 'processed_total', 'granted', 'partially_granted',
                                        'denied.third_party_rights', 'review.total', 'other')
ORDER BY key, year;
SELECT report_id IS NOT NULL AS has_report, rule, kind, scope FROM ana.violations ORDER BY rule, scope;
SELECT count(*) AS dispositions, count(DISTINCT report_id) AS reports FROM ana.dispositions;
SELECT tbl, count(*) FROM ana.cells GROUP BY tbl ORDER BY tbl;

-- the district's departments summed and checked, and compared with the district's own report
SELECT rule, scope FROM gr.govreport_violations(
	(SELECT gr.govreport_sum(report) FROM ana.reports WHERE district = '青禾区' AND year = 2021 AND NOT is_district));
SELECT c.row_key, c.col_key, c.a_value AS own, c.b_value AS departments, c.diff
FROM gr.govreport_compare(
	(SELECT report FROM ana.reports WHERE district = '青禾区' AND year = 2021 AND is_district),
	(SELECT gr.govreport_sum(report) FROM ana.reports WHERE district = '青禾区' AND year = 2021 AND NOT is_district)) c
WHERE c.tbl = 't3' AND c.col_key = 'total' AND c.row_key IN ('new_received', 'processed_total');

-- a quarantined report drawn for the reviewer
\pset format unaligned
\pset tuples_only on
SELECT DISTINCT gr.govreport_render(report) FROM ana.quarantined WHERE reason = 'violation';
\pset format aligned
\pset tuples_only off

-- clean up: the quarantine entries of the analyst table, then the schema
DELETE FROM gr.govreport_quarantine WHERE relid = 'ana.reports'::regclass;
SET client_min_messages = warning;
DROP SCHEMA ana CASCADE;
RESET client_min_messages;
DROP TABLE afx, dept;
