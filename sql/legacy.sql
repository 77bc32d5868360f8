--
-- legacy: the pre-2019 statistics table, narrative reports with their
-- traps, documents holding several reports, legacy dispositions and the
-- crosswalk (fixtures in test/fixtures/legacy_*.txt, schema gr off the path)
--
\pset null '(null)'

CREATE TEMP TABLE ldocs (name text PRIMARY KEY, doc text NOT NULL);
\set f `cat test/fixtures/legacy_stats.txt`
INSERT INTO ldocs VALUES ('stats', :'f');
\set f `cat test/fixtures/legacy_stats_old.txt`
INSERT INTO ldocs VALUES ('stats_old', :'f');
\set f `cat test/fixtures/legacy_narrative_traps.txt`
INSERT INTO ldocs VALUES ('traps', :'f');
\set f `cat test/fixtures/legacy_narrative_annex.txt`
INSERT INTO ldocs VALUES ('annex', :'f');
\set f `cat test/fixtures/legacy_two_same_year.txt`
INSERT INTO ldocs VALUES ('two_same_year', :'f');
\set f `cat test/fixtures/legacy_old_page.txt`
INSERT INTO ldocs VALUES ('old_page', :'f');
\set f `cat test/fixtures/legacy_title_year.txt`
INSERT INTO ldocs VALUES ('title_year', :'f');

-- one report each: format, metadata, headline totals
SELECT name, (r).agency, (r).year, (r).format, (r).layout,
       (r).new_received, (r).carried_over, (r).processed_total,
       (r).carried_forward
FROM (SELECT name, gr.govreport_parse(doc) AS r FROM ldocs
      WHERE name IN ('stats', 'stats_old', 'traps', 'annex', 'title_year')) s
ORDER BY name;

-- the statistics table: every cell, units lost to the composite but the
-- blank fee cell stays NULL (never 0), and positions point at the value
SELECT c.row_key, c.value, c.printed,
       substr(d.doc, c.src_start, c.src_len) = c.printed AS at_position
FROM ldocs d, gr.govreport_cells(gr.govreport_parse(d.doc)) c
WHERE d.name = 'stats' ORDER BY c.src_start;
SELECT w FROM ldocs d, unnest((gr.govreport_parse(d.doc)).warnings) w
WHERE d.name IN ('stats', 'stats_old') ORDER BY d.name, w;

-- narrative figures: request counts are read, the traps (hotline calls,
-- proposals, messages, document numbers, phone numbers) are not
SELECT c.tbl, c.row_key, c.value, c.printed,
       substr(d.doc, c.src_start, c.src_len) = c.printed AS at_position
FROM ldocs d, gr.govreport_cells(gr.govreport_parse(d.doc)) c
WHERE d.name = 'traps' ORDER BY c.src_start, c.row_key;

-- inferred zeros print nothing and sit at their sentence; annex rows
SELECT c.tbl, c.row_key, c.value, c.printed, c.src_len
FROM ldocs d, gr.govreport_cells(gr.govreport_parse(d.doc)) c
WHERE d.name = 'annex' ORDER BY c.src_start, c.row_key;

-- several reports: two different reports of one year are both returned,
-- with a warning; an old-style page splits into its years
SELECT d.name, r.agency, r.year, r.format, r.new_received,
       array_length(r.warnings, 1) AS warnings
FROM ldocs d, gr.govreport_parse_all(d.doc) WITH ORDINALITY AS r
WHERE d.name IN ('two_same_year', 'old_page') ORDER BY d.name, ordinality;
\set VERBOSITY sqlstate
SELECT gr.govreport_parse(doc) FROM ldocs WHERE name = 'two_same_year';
\set VERBOSITY default

-- legacy dispositions: applicant 'all', subtotals with a breakdown and
-- percentages left out so that nothing counts twice
SELECT d.name, x.*
FROM ldocs d, gr.govreport_dispositions(gr.govreport_parse(d.doc)) x
WHERE d.name IN ('stats', 'traps') ORDER BY d.name, x.outcome_group, x.outcome_reason;

-- the crosswalk lines old categories up with the 2019+ keys
SELECT old_key, new_key, quality FROM gr.govreport_crosswalk
WHERE old_key IN ('requests.answered.granted', 'requests.answered.not_exist',
                  'requests.answered.asked_to_amend')
ORDER BY old_key, new_key;

-- N5: claims about the previous year in the prose ("是2012年…的9倍" holds:
-- 468 = 9 x 52; "同上年持平" does not: 3 part-time staff against 2)
\set f `cat test/fixtures/legacy_two_years.txt`
WITH y AS (SELECT array_agg(r ORDER BY r.year) AS a FROM gr.govreport_parse_all(:'f') r)
SELECT v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
FROM y, gr.govreport_violations(y.a[1], y.a[2]) v;
SELECT id, evaluated FROM gr.govreport_rules() WHERE id = 'N5';

-- a report reads the same wherever it comes in a scan: the text datums of
-- the cells' keys are cached per backend (found by address, confirmed by
-- the text), and reports parsed in turn reuse each other's memory
SELECT name, count(*) AS parsed, count(DISTINCT r::text) AS variants
FROM (SELECT d.name, gr.govreport_parse(d.doc) AS r
      FROM generate_series(1, 3) g, ldocs d
      WHERE d.name IN ('stats', 'stats_old', 'traps', 'annex', 'title_year')
      ORDER BY g, d.name) s
GROUP BY name ORDER BY name;
