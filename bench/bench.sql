-- bench/bench.sql - the govreport benchmark, run by bench/run.sh in a
-- throwaway cluster.  psql variables: docs (COPY file from bench/gen.py),
-- work (a directory the server can read: the load files are written there),
-- runs (repetitions per measurement, the median is reported).
--
-- Every figure is a clock_timestamp() difference around one statement run
-- by a procedure (COMMIT between runs), no \timing; no parallel workers.
\set ON_ERROR_STOP 1
\pset pager off
SET client_min_messages = warning;
\ir corpus.sql

-- the corpus, and a check that every report reads as generated
SELECT count(*) AS reports,
       round(sum(octet_length(doc)) / 1e6, 1) AS mb,
       round(avg(octet_length(doc)) / 1024.0, 1) AS avg_kb,
       round(min(octet_length(doc)) / 1024.0, 1) AS min_kb,
       round(max(octet_length(doc)) / 1024.0, 1) AS max_kb,
       count(DISTINCT kind) AS kinds
FROM docs;

-- govreport columns are compressed with lz4, as the README recommends for
-- tables holding parsed reports (tens of KB of cells each; lz4 compresses
-- them several times faster than the default pglz); the raw text keeps
-- the default, so md5 reads what it read before
CREATE TABLE parsed (id int, doc text, r gr.govreport COMPRESSION lz4);
INSERT INTO parsed SELECT id, doc, gr.govreport_parse(doc) FROM docs;
SELECT d.kind, count(*) AS n,
       count(*) FILTER (WHERE (p.r).format = d.format AND (p.r).layout = d.layout
                          AND (p.r).new_received IS NOT DISTINCT FROM d.nr
                          AND ((p.r).processed_total IS NOT DISTINCT FROM d.pt OR d.pt IS NULL)
                          AND gr.govreport_is_consistent(p.r)) AS read_ok
FROM docs d JOIN parsed p USING (id)
GROUP BY 1 ORDER BY 1;
VACUUM ANALYZE parsed;

-- tables for the INSERT measurements
CREATE TABLE ins_trigger (id int, doc text, r gr.govreport COMPRESSION lz4);
CREATE TRIGGER ins_trigger_enforce BEFORE INSERT ON ins_trigger
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('doc', 'r');
CREATE TABLE ins_plain (id int, doc text, r gr.govreport COMPRESSION lz4);
-- what a CHECK constraint costs, with the parse in the SELECT
CREATE TABLE ins_check (id int, doc text, r gr.govreport COMPRESSION lz4
	CHECK (gr.govreport_is_consistent(r)));

-- loads from outside the database: the same rows once already parsed (an
-- export of a table of reports, or reports parsed by another program) and
-- once as raw text for the trigger to parse; both arrive as text, as they
-- do from a client or a file.  COPY files written here (the server reads
-- them: psql variable work names a directory it can read)
\set parsed_copy :work '/parsed.copy'
\set raw_copy :work '/raw.copy'
\set parsed_bin :work '/parsed.bin'
\set raw_bin :work '/raw.bin'
\set copycmd '\\copy (SELECT id, doc, r FROM parsed ORDER BY id) TO ' :'parsed_copy'
:copycmd
\set copycmd '\\copy (SELECT id, doc FROM docs ORDER BY id) TO ' :'raw_copy'
:copycmd
\set copycmd '\\copy (SELECT id, doc, r FROM parsed ORDER BY id) TO ' :'parsed_bin' ' (FORMAT binary)'
:copycmd
\set copycmd '\\copy (SELECT id, doc FROM docs ORDER BY id) TO ' :'raw_bin' ' (FORMAT binary)'
:copycmd
\set chmodcmd '\\! chmod 644 ' :'parsed_copy' ' ' :'raw_copy' ' ' :'parsed_bin' ' ' :'raw_bin'
:chmodcmd
-- row by row: one INSERT per report with its values as text (what a client
-- sends with text parameters); the statements are planned once, as a
-- client's prepared statements are
CREATE TABLE load_src AS SELECT id, doc, r::text AS rtext FROM parsed ORDER BY id;
VACUUM ANALYZE load_src;
CREATE FUNCTION load_rows_parsed() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	s record; n bigint := 0;
BEGIN
	FOR s IN SELECT id, doc, rtext FROM load_src ORDER BY id LOOP
		INSERT INTO ins_plain VALUES (s.id, s.doc, s.rtext::gr.govreport);
		n := n + 1;
	END LOOP;
	RETURN n;
END $$;
CREATE FUNCTION load_rows_raw() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	s record; n bigint := 0;
BEGIN
	FOR s IN SELECT id, doc FROM load_src ORDER BY id LOOP
		INSERT INTO ins_trigger (id, doc) VALUES (s.id, s.doc);
		n := n + 1;
	END LOOP;
	RETURN n;
END $$;

-- linearity: a template_2021/tab report of about 20 KB, padded with prose to
-- 10x and 100x its size (the prose goes before table 2, inside the report)
CREATE TABLE lin AS
WITH base AS (
	SELECT doc FROM docs WHERE kind = 'template_2021/tab'
	ORDER BY abs(octet_length(doc) - 20000), id LIMIT 1
), para AS (
	SELECT '围绕年度政务公开工作要点，本单位坚持以公开为常态、不公开为例外，把政务公开贯穿行政权力运行全过程。'
	       || '加强政策解读工作，坚持政策文件与解读材料同步组织、同步审签、同步部署，提高解读的针对性和可读性。'
	       || E'\n' AS p
)
SELECT f AS factor,
       CASE WHEN f = 1 THEN doc
            ELSE replace(doc, '二、主动公开政府信息情况',
                         repeat(p, ((f - 1) * octet_length(doc) / octet_length(p))::int)
                         || '二、主动公开政府信息情况') END AS doc
FROM base, para, (VALUES (1), (10), (100)) v(f);
SELECT factor, octet_length(doc) AS bytes,
       (gr.govreport_parse(doc)).new_received AS new_received
FROM lin ORDER BY factor;

-- ------------------------------------------------------------- harness

CREATE TABLE timing (test text, run int, secs float8);

CREATE PROCEDURE measure(label text, setup text, stmt text, runs int)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
BEGIN
	FOR i IN 1..runs LOOP
		IF setup IS NOT NULL THEN
			EXECUTE setup;
			COMMIT;
		END IF;
		t0 := clock_timestamp();
		EXECUTE stmt;
		INSERT INTO timing VALUES (label, i,
			extract(epoch FROM clock_timestamp() - t0));
		COMMIT;
	END LOOP;
END $$;

-- the same, for statements measured in turn: run 1 of each, then run 2 of
-- each, ...; a ratio between them is not skewed by the machine's load
-- drifting from one block of runs to the next (it is shared)
CREATE PROCEDURE measure_in_turn(labels text[], stmts text[], runs int)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
BEGIN
	FOR i IN 1..runs LOOP
		FOR k IN 1..array_length(labels, 1) LOOP
			t0 := clock_timestamp();
			EXECUTE stmts[k];
			INSERT INTO timing VALUES (labels[k], i,
				extract(epoch FROM clock_timestamp() - t0));
			COMMIT;
		END LOOP;
	END LOOP;
END $$;

-- warm the cache (the table is read once in full before any measurement)
SELECT count(md5(doc)) FROM docs \g /dev/null

-- md5 and the parse: at least five runs each (a few seconds in all), in
-- turn, so that their ratio rests on more than three samples
SELECT greatest(5, :runs) AS parse_runs \gset
CALL measure_in_turn(ARRAY['md5', 'parse', 'parse_all'],
	ARRAY['SELECT count(md5(doc)) FROM docs',
	      'SELECT count(gr.govreport_parse(doc)) FROM docs',
	      'SELECT count(*) FROM docs, gr.govreport_parse_all(doc)'], :parse_runs);
CALL measure('insert_plain', 'TRUNCATE ins_plain',
	'INSERT INTO ins_plain SELECT id, doc, r FROM parsed', :runs);
-- the trigger's work without the trigger: parsed in the SELECT, then checked
CALL measure('insert_parse', 'TRUNCATE ins_plain',
	'INSERT INTO ins_plain SELECT id, doc, gr.govreport_parse(doc) FROM docs', :runs);
CALL measure('insert_check', 'TRUNCATE ins_check',
	'INSERT INTO ins_check SELECT id, doc, gr.govreport_parse(doc) FROM docs', :runs);
CALL measure('insert_trigger', 'TRUNCATE ins_trigger',
	'INSERT INTO ins_trigger (id, doc) SELECT id, doc FROM docs', :runs);
-- loads: already-parsed rows against raw text through the trigger
CALL measure('copy_parsed', 'TRUNCATE ins_plain',
	'COPY ins_plain FROM ' || quote_literal(:'parsed_copy'), :runs);
CALL measure('copy_trigger', 'TRUNCATE ins_trigger',
	'COPY ins_trigger (id, doc) FROM ' || quote_literal(:'raw_copy'), :runs);
-- the same in binary: the parsed rows' values are read by the types'
-- receive functions, cheaper than their text input
CALL measure('copy_bin_parsed', 'TRUNCATE ins_plain',
	'COPY ins_plain FROM ' || quote_literal(:'parsed_bin') || ' (FORMAT binary)', :runs);
CALL measure('copy_bin_trigger', 'TRUNCATE ins_trigger',
	'COPY ins_trigger (id, doc) FROM ' || quote_literal(:'raw_bin') || ' (FORMAT binary)', :runs);
CALL measure('rows_parsed', 'TRUNCATE ins_plain', 'SELECT load_rows_parsed()', :runs);
CALL measure('rows_trigger', 'TRUNCATE ins_trigger', 'SELECT load_rows_raw()', :runs);
-- same number of bytes parsed at each size: 100 x 1x, 10 x 10x, 1 x 100x
CALL measure('lin_1x', NULL,
	'SELECT count(gr.govreport_parse(doc)) FROM lin, generate_series(1, 100) WHERE factor = 1', :runs);
CALL measure('lin_10x', NULL,
	'SELECT count(gr.govreport_parse(doc)) FROM lin, generate_series(1, 10) WHERE factor = 10', :runs);
CALL measure('lin_100x', NULL,
	'SELECT count(gr.govreport_parse(doc)) FROM lin WHERE factor = 100', :runs);

SELECT count(*) AS rows_via_trigger,
       count((r).format) AS with_report
FROM ins_trigger;
-- both loads end with the same rows: the trigger's reports equal the ones
-- parsed beforehand
SELECT count(*) AS rows_loaded_parsed,
       count(*) FILTER (WHERE t.r::text = p.r::text AND t.doc = p.doc) AS same_as_trigger_load
FROM ins_plain p LEFT JOIN ins_trigger t USING (id);

-- ------------------------------------------------------------- results

CREATE TEMP VIEW med AS
SELECT test, percentile_disc(0.5) WITHIN GROUP (ORDER BY secs) AS secs,
       string_agg(round(secs::numeric, 3)::text, ' ' ORDER BY run) AS all_runs
FROM timing GROUP BY test;

CREATE TEMP VIEW corpus AS
SELECT count(*) AS n, sum(octet_length(doc)) AS bytes FROM docs;

CREATE TEMP VIEW linb AS
SELECT factor, octet_length(doc) AS bytes FROM lin;

-- each figure: its reference, the target as a factor of it ('' = none)
CREATE TEMP VIEW fig(test, ord, ref, factor, target) AS VALUES
	('md5',               1, NULL,              NULL, '(reference)'),
	('parse',             2, 'md5',             2.0,  'within 2x md5'),
	('parse_all',         3, 'md5',             2.0,  'within 2x md5'),
	('copy_parsed',       4, NULL,              NULL, '(reference)'),
	('copy_trigger',      5, 'copy_parsed',     1.3,  'within 1.3x copy_parsed'),
	('copy_bin_parsed',   6, NULL,              NULL, '(reference)'),
	('copy_bin_trigger',  7, 'copy_bin_parsed', 1.3,  'within 1.3x copy_bin_parsed'),
	('rows_parsed',       8, NULL,              NULL, '(reference)'),
	('rows_trigger',      9, 'rows_parsed',     1.3,  'within 1.3x rows_parsed'),
	('insert_plain',     10, NULL,              NULL, '(stored rows copied)'),
	('insert_parse',     11, 'insert_plain',    NULL, '(parse in the SELECT)'),
	('insert_check',     12, 'insert_parse',    NULL, '(+ CHECK is_consistent)'),
	('insert_trigger',   13, 'insert_parse',    NULL, '(trigger on docs)');

\echo
\echo 'Corpus figures (median of' :runs 'runs; md5, parse and parse_all:' :parse_runs 'runs in turn; MB = 10^6 bytes)'
SELECT m.test,
       round(m.secs::numeric, 3) AS median_s,
       m.all_runs AS runs_s,
       round((c.bytes / 1e6 / m.secs)::numeric, 1) AS mb_per_s,
       round((c.n / m.secs)::numeric, 0) AS reports_per_s,
       CASE WHEN f.ref IS NULL THEN ''
            ELSE round((m.secs / r.secs)::numeric, 2) || 'x ' || f.ref
                 || CASE WHEN m.test = 'insert_trigger'
                         THEN ', ' || round((m.secs / p.secs)::numeric, 2) || 'x insert_plain'
                         ELSE '' END
       END AS ratio,
       f.target,
       CASE WHEN f.factor IS NULL THEN ''
            WHEN m.secs <= f.factor * r.secs THEN 'met' ELSE 'NOT MET' END AS status
FROM fig f
JOIN med m USING (test)
LEFT JOIN med r ON r.test = f.ref
LEFT JOIN med p ON p.test = 'insert_plain'
CROSS JOIN corpus c
ORDER BY f.ord;
SELECT count(*) AS nrows FROM docs \gset
\echo 'copy_* and rows_* load the same' :nrows 'rows from outside the database, already'
\echo 'parsed or as raw text for the trigger to parse: by COPY from a file (text and'
\echo 'binary), and by one INSERT per row with its values as text. insert_plain copies'
\echo 'rows stored in this database (their compressed bytes are moved, never read), so'
\echo 'any trigger that parses is several times it; insert_trigger is measured against'
\echo 'insert_parse, the same parse without the trigger.'
\echo

\echo 'Linearity: the same bytes parsed at each input size (100 x 1x, 10 x 10x, 1 x 100x)'
SELECT l.factor || 'x' AS size,
       l.bytes AS doc_bytes,
       round(m.secs::numeric, 3) AS median_s,
       m.all_runs AS runs_s,
       round((1e9 * m.secs / (l.bytes * (100 / l.factor)))::numeric, 1) AS ns_per_byte,
       round((l.bytes * (100 / l.factor) / 1e6 / m.secs)::numeric, 1) AS mb_per_s,
       round((m.secs / (SELECT secs FROM med WHERE test = 'lin_1x'))::numeric, 2) AS vs_1x,
       'ns/byte constant (vs_1x within 1.5)' AS target,
       CASE WHEN m.secs <= 1.5 * (SELECT secs FROM med WHERE test = 'lin_1x') THEN 'met' ELSE 'NOT MET' END AS status
FROM linb l JOIN med m ON m.test = 'lin_' || l.factor || 'x'
ORDER BY l.factor;

\echo 'Per kind: parse throughput (one run)'
CREATE TEMP TABLE perkind (kind text, n int, bytes bigint, secs float8);
DO $$
DECLARE
	k text; t0 timestamptz; n int; b bigint;
BEGIN
	FOR k IN SELECT DISTINCT kind FROM docs ORDER BY 1 LOOP
		t0 := clock_timestamp();
		PERFORM count(gr.govreport_parse(doc)) FROM docs WHERE kind = k;
		INSERT INTO perkind SELECT k, count(*), sum(octet_length(doc)),
			extract(epoch FROM clock_timestamp() - t0) FROM docs WHERE kind = k;
	END LOOP;
END $$;
SELECT kind, n, round(bytes / 1024.0 / n, 1) AS avg_kb,
       round((bytes / 1e6 / secs)::numeric, 1) AS mb_per_s,
       round((n / secs)::numeric, 0) AS reports_per_s
FROM perkind ORDER BY kind;
