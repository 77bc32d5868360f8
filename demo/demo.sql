--
-- govreport demo: run by "make demo" in a throwaway cluster, from the top of
-- the source tree (psql reads the report files, so the server needs no
-- access to them).  The agencies and numbers of the sample reports are
-- invented; the labels are those of the national templates.
--
\set ON_ERROR_STOP on
\pset null '(null)'
\pset footer off

CREATE EXTENSION govreport;

CREATE TABLE reports (
	file text PRIMARY KEY,
	doc  text NOT NULL,
	r    govreport
);

\set doc `cat demo/reports/2020_sample_city.txt`
INSERT INTO reports (file, doc) VALUES ('2020_sample_city.txt', :'doc');
\set doc `cat demo/reports/2021_sample_city.txt`
INSERT INTO reports (file, doc) VALUES ('2021_sample_city.txt', :'doc');
\set doc `cat demo/reports/2021_qinghe_pipe.txt`
INSERT INTO reports (file, doc) VALUES ('2021_qinghe_pipe.txt', :'doc');

UPDATE reports SET r = govreport_parse(doc);

\echo
\echo '== The reports: format, layout and the four table-3 totals'
SELECT file, (r).agency, (r).year, (r).format, (r).layout,
       (r).new_received, (r).carried_over, (r).processed_total,
       (r).carried_forward,
       cardinality((r).cells) AS cells, cardinality((r).warnings) AS warnings
FROM reports ORDER BY (r).agency, (r).year;

\echo
\echo '== Dispositions (table 3 outcome x applicant) summed per outcome group'
SELECT (r).agency, (r).year, d.outcome_group, sum(d.count) AS requests
FROM reports, govreport_dispositions(r) d
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;

\echo
\echo '== 示例市城市管理局 2021: every disposition that is not zero'
SELECT d.applicant, d.outcome_group, d.outcome_reason, d.count
FROM reports, govreport_dispositions(r) d
WHERE file = '2021_sample_city.txt' AND d.count <> 0;

\echo
\echo '== Where a number came from: table 4 of 2021, with its position in the text'
SELECT c.row_key, c.col_key, c.value, c.printed, c.src_start,
       substr(doc, c.src_start, c.src_len) = c.printed AS found_there
FROM reports, govreport_cells(r) c
WHERE file = '2021_sample_city.txt' AND c.tbl = 't4';

\echo
\echo '== Table 2 as printed and as read (thousands separators, signs, decimals)'
SELECT (r).year, c.row_key, c.col_key, c.printed, c.value
FROM reports, govreport_cells(r) c
WHERE (r).agency = '示例市城市管理局' AND c.tbl = 't2'
ORDER BY (r).year, c.src_start;

\echo
\echo '== Year to year: carried forward from 2020 = carried over into 2021?'
SELECT a.col_key AS applicant, a.value AS forward_2020, b.value AS over_2021,
       a.value = b.value AS continuous
FROM reports ra, unnest((ra.r).cells) a,
     reports rb, unnest((rb.r).cells) b
WHERE ra.file = '2020_sample_city.txt' AND rb.file = '2021_sample_city.txt'
  AND a.tbl = 't3' AND a.row_key = 'carried_forward'
  AND b.tbl = 't3' AND b.row_key = 'carried_over' AND b.col_key = a.col_key;

\echo
\echo '== Text that is not a report is an error (SQLSTATE 22P02), not a guess'
\set ON_ERROR_STOP off
SELECT govreport_parse('关于举办社区运动会的通知');
\set ON_ERROR_STOP on

\echo
\echo '== The analyst tour: govreport-load reads the folder into an analyst schema'
\echo '   (one row per report, raw text kept; a report failing a strict rule is quarantined)'
SELECT govreport_create_analyst_schema('govreport_analyst') \g /dev/null
\! bin/govreport-load --no-progress --district 示例市 demo/reports
\echo '   ... and a second run skips what it already loaded:'
\! bin/govreport-load --no-progress -q demo/reports

\echo
\echo '== Parsed reports in the analyst schema'
SELECT r.id, r.lineage_id, r.year, (r.report).format, (r.report).layout,
       (r.report).new_received, (r.report).processed_total, r.file_name
FROM govreport_analyst.reports r ORDER BY r.lineage_id, r.year;

\echo
\echo '== Dispositions: requests per outcome group and share, per year and agency'
SELECT year, lineage_id, outcome_group, requests, share
FROM govreport_analyst.outcome_shares
ORDER BY lineage_id, year, requests DESC;

\echo
\echo '== The quarantined report, drawn for its reviewer (* marks the cells of the failing rules)'
\set QUIET on
\pset format unaligned
\pset tuples_only on
SELECT DISTINCT govreport_render(report) FROM govreport_analyst.quarantined WHERE reason = 'violation';
\pset format aligned
\pset tuples_only off
\set QUIET off

\echo
\echo '== Analyst question 1: which agencies publish reports that fail strict rules?'
SELECT lineage_id, failing_reports, years, rules FROM govreport_analyst.failing_agencies;

\echo
\echo '== Analyst question 2: the 2021 reports loaded for 示例市 added up, and the rules checked on the sum'
SELECT (s).year, (s).format, (s).new_received, (s).carried_over, (s).processed_total,
       (s).carried_forward, (s).warnings,
       (SELECT count(*) FROM govreport_violations(s) v WHERE v.kind = 'strict') AS strict_violations
FROM (SELECT govreport_sum(report) AS s FROM govreport_analyst.reports
      WHERE district = '示例市' AND year = 2021) x;

\echo
\echo '== Year-over-year continuity (R13) in SQL: breaks between adjacent years (none expected)'
SELECT count(*) AS continuity_breaks FROM govreport_analyst.continuity_breaks;

\echo
SELECT govreport_version() AS govreport, govreport_icu_version() AS icu;
