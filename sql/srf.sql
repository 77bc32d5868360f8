--
-- srf: govreport_cells and govreport_dispositions (schema gr off the path)
--
\pset null '(null)'

CREATE TEMP TABLE parsed (name text PRIMARY KEY, doc text, r gr.govreport);
\set f `cat test/fixtures/t2021_tab.txt`
INSERT INTO parsed VALUES ('t2021_tab', :'f', gr.govreport_parse(:'f'));
\set f `cat test/fixtures/t2019_tab.txt`
INSERT INTO parsed VALUES ('t2019_tab', :'f', gr.govreport_parse(:'f'));
\set f `cat test/fixtures/t2019_pipe.txt`
INSERT INTO parsed VALUES ('t2019_pipe', :'f', gr.govreport_parse(:'f'));
\set f `cat test/fixtures/blank_cells.txt`
INSERT INTO parsed VALUES ('blank_cells', :'f', gr.govreport_parse(:'f'));

-- govreport_cells: one row per element of cells, in order, same values
SELECT name, (SELECT count(*) FROM gr.govreport_cells(r)) = cardinality((r).cells) AS same_count,
       (SELECT array_agg(c) FROM gr.govreport_cells(r) c) = (r).cells AS same_cells
FROM parsed ORDER BY name;

SELECT * FROM gr.govreport_cells((SELECT r FROM parsed WHERE name = 't2021_tab'))
WHERE tbl = 't4';

SELECT tbl, row_key, col_key, value, printed
FROM gr.govreport_cells((SELECT r FROM parsed WHERE name = 't2021_tab'))
WHERE tbl = 't2' LIMIT 4;

-- govreport_dispositions: 126 rows for template_2021, 114 for template_2019
SELECT name, (r).format, count(d.*) AS rows, count(d.count) AS with_count,
       sum(d.count) AS total, (r).processed_total
FROM parsed, gr.govreport_dispositions(r) d
GROUP BY name, (r).format, (r).processed_total ORDER BY name;

-- the outcome keys, in template order, for both templates
SELECT d.outcome_group, d.outcome_reason,
       bool_or(name = 't2021_tab') AS in_2021, bool_or(name = 't2019_tab') AS in_2019
FROM parsed, gr.govreport_dispositions(r) WITH ORDINALITY AS d(applicant,
     outcome_group, outcome_reason, count, ord)
WHERE name IN ('t2021_tab', 't2019_tab')
GROUP BY d.outcome_group, d.outcome_reason
ORDER BY min(ord), d.outcome_reason;

-- the applicants, in column order
SELECT string_agg(d.applicant, ' ' ORDER BY ord) AS applicants
FROM gr.govreport_dispositions((SELECT r FROM parsed WHERE name = 't2021_tab'))
     WITH ORDINALITY AS d(applicant, outcome_group, outcome_reason, count, ord)
WHERE d.outcome_group = 'granted';

-- every count equals its table-3 cell
SELECT name, count(*) AS rows,
       count(*) FILTER (WHERE c.value IS DISTINCT FROM d.count) AS differ
FROM parsed
CROSS JOIN LATERAL gr.govreport_dispositions(r) d
LEFT JOIN LATERAL (
	SELECT x.value FROM unnest((r).cells) x
	WHERE x.tbl = 't3' AND x.col_key = d.applicant
	  AND x.row_key = d.outcome_group || coalesce('.' || d.outcome_reason, '')
) c ON true
GROUP BY name ORDER BY name;

-- the 2019 report, every non-zero disposition
SELECT applicant, outcome_group, outcome_reason, count
FROM gr.govreport_dispositions((SELECT r FROM parsed WHERE name = 't2019_tab'))
WHERE count <> 0;

-- totals per outcome group of the 2021 report
SELECT outcome_group, sum(count)
FROM gr.govreport_dispositions((SELECT r FROM parsed WHERE name = 't2021_tab'))
GROUP BY outcome_group ORDER BY outcome_group;

-- blank cells give a NULL count (the blank total column is not a disposition)
SELECT applicant, outcome_group, outcome_reason, count
FROM gr.govreport_dispositions((SELECT r FROM parsed WHERE name = 'blank_cells'))
WHERE count IS NULL;

-- hand-made rows: pre-2019 statistics and narrative keys, applicant 'all'; a
-- subtotal whose reasons are listed (denied beside denied.state_secret) is left
-- out so that nothing counts twice
SELECT * FROM gr.govreport_dispositions(ROW('某局', 2017, 'stats_table_pre2019', 'tab',
	NULL, NULL, NULL, NULL,
	ARRAY[ROW('stats', 'requests.received', NULL, 3, '3', 1, 1),
	      ROW('stats', 'requests.answered', NULL, 2, '2', 5, 1),
	      ROW('stats', 'requests.answered.granted', NULL, 1, '1', 9, 1),
	      ROW('stats', 'requests.answered.denied', NULL, 0, '0', 13, 1),
	      ROW('stats', 'requests.answered.denied.state_secret', NULL, 0, '0', 17, 1),
	      ROW('stats', 'requests.answered.not_exist', NULL, NULL, '', 21, 0),
	      ROW('narrative', 'requests.answered.granted', NULL, 7, '7', 30, 1)
	]::gr.govreport_cell[], '{}')::gr.govreport);

SELECT * FROM gr.govreport_dispositions(ROW(NULL, 2010, 'narrative', 'prose',
	NULL, NULL, NULL, NULL,
	ARRAY[ROW('narrative', 'requests.received', NULL, 4, '4', 1, 1),
	      ROW('narrative', 'requests.answered.granted', NULL, 3, '3', 5, 1),
	      ROW('narrative', 'requests.answered.not_exist', NULL, 1, '1', 9, 1),
	      ROW('narrative', 'outcome.denied.state_secret', NULL, 0, '0', 12, 1),
	      ROW('annex', 'answered.granted', NULL, 9, '9', 20, 1)
	]::gr.govreport_cell[], '{}')::gr.govreport);

-- values that are no exact bigint give a NULL count, not an error
SELECT applicant, count
FROM gr.govreport_dispositions(ROW(NULL, 2021, 'template_2021', 'tab',
	NULL, NULL, NULL, NULL,
	ARRAY[ROW('t3', 'granted', 'natural_person', 99999999999999999999, '99999999999999999999', 1, 20),
	      ROW('t3', 'granted', 'commercial_enterprise', 1.5, '1.5', 30, 3),
	      ROW('t3', 'granted', 'research_institution', -2, '-2', 40, 2),
	      ROW('t3', 'granted', 'social_welfare_org', 9223372036854775807, '9223372036854775807', 50, 19)
	]::gr.govreport_cell[], '{}')::gr.govreport)
WHERE outcome_group = 'granted';

-- no cells: no cell rows; a template report still has every disposition
-- row, each count NULL
SELECT count(*) FROM gr.govreport_cells(ROW(NULL, NULL, 'template_2021', NULL, NULL, NULL, NULL, NULL, NULL, NULL)::gr.govreport);
SELECT count(*) FROM gr.govreport_cells(ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', NULL)::gr.govreport);
SELECT count(*), count(count) FROM gr.govreport_dispositions(ROW(NULL, NULL, 'template_2021', NULL, NULL, NULL, NULL, NULL, NULL, NULL)::gr.govreport);
-- unknown or missing format: no disposition rows
SELECT count(*) FROM gr.govreport_dispositions(ROW(NULL, NULL, 'other', NULL, NULL, NULL, NULL, NULL, '{}', NULL)::gr.govreport);
SELECT count(*) FROM gr.govreport_dispositions(ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', NULL)::gr.govreport);

-- the functions follow the row types when attributes are added later
-- (attributes are matched by name; rolled back)
DROP TABLE parsed;
BEGIN;
ALTER TYPE gr.govreport ADD ATTRIBUTE source text;
ALTER TYPE gr.govreport_cell ADD ATTRIBUTE note text;
\set f `cat test/fixtures/t2019_tab.txt`
SELECT (r).format, (r).source,
       (SELECT c FROM unnest((r).cells) c WHERE c.tbl = 't4' LIMIT 1) AS t4_cell
FROM (SELECT gr.govreport_parse(:'f') AS r) s;
SELECT count(*) = cardinality((r).cells) AS all_cells, count(note) AS notes
FROM (SELECT gr.govreport_parse(:'f') AS r) s, gr.govreport_cells(r)
GROUP BY r;
SELECT count(*) FROM gr.govreport_dispositions(gr.govreport_parse(:'f'));
ALTER TYPE gr.govreport_cell DROP ATTRIBUTE note;
ALTER TYPE gr.govreport DROP ATTRIBUTE source;
SELECT (r).format,
       (SELECT c FROM unnest((r).cells) c WHERE c.tbl = 't4' LIMIT 1) AS t4_cell
FROM (SELECT gr.govreport_parse(:'f') AS r) s;
SELECT count(*) = cardinality((r).cells) AS all_cells
FROM (SELECT gr.govreport_parse(:'f') AS r) s, gr.govreport_cells(r)
GROUP BY r;
SELECT count(*), sum(count) FROM gr.govreport_dispositions(gr.govreport_parse(:'f'));
ROLLBACK;
