--
-- errors: SQLSTATEs of the parse functions (schema gr is not on the path)
--
\pset null '(null)'

-- a helper that shows what an error carries, without LOCATION lines
CREATE FUNCTION pg_temp.try(doc text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; det text; hnt text;
BEGIN
	PERFORM gr.govreport_parse(doc);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
	RETURN st || ': ' || msg
		|| CASE WHEN det <> '' THEN ' [detail]' ELSE '' END
		|| CASE WHEN hnt <> '' THEN ' [hint: ' || hnt || ']' ELSE '' END;
END $$;

-- empty text, blank text, plain prose: no report (22P02, with a DETAIL)
SELECT pg_temp.try('');
SELECT pg_temp.try(E' \n\t ');
\set prose `cat test/fixtures/bad_prose.txt`
SELECT pg_temp.try(:'prose');
SELECT pg_temp.try('hello');
-- the excerpt is cut at 40 characters, on a character boundary
SELECT pg_temp.try(repeat('政府', 30));
SELECT pg_temp.try(E'line one\nline two\r\nline three');

\set VERBOSITY sqlstate
SELECT gr.govreport_parse('');
SELECT gr.govreport_parse(:'prose');
\set VERBOSITY default

-- the DETAIL says what was looked for
SELECT gr.govreport_parse(:'prose');

-- several reports where one was expected: 22P02 with a HINT
\set two `cat test/fixtures/two_reports.txt`
SELECT pg_temp.try(:'two');
\set VERBOSITY sqlstate
SELECT gr.govreport_parse(:'two');
\set VERBOSITY default
-- parse_all: no report is no row, not an error
SELECT count(*) FROM gr.govreport_parse_all('');
SELECT count(*) FROM gr.govreport_parse_all(:'prose');
SELECT count(*) FROM gr.govreport_parse_all(:'two');

-- NULL in, NULL out (STRICT)
SELECT gr.govreport_parse(NULL) IS NULL AS is_null;
SELECT count(*) FROM gr.govreport_parse_all(NULL);
SELECT count(*) FROM gr.govreport_cells(NULL);
SELECT count(*) FROM gr.govreport_dispositions(NULL);

-- size limit: 54000, checked before parsing; limit +-1
\set doc `cat test/fixtures/t2021_tab.txt`
SELECT octet_length(:'doc') AS doc_bytes \gset
SET govreport.max_input_bytes = :doc_bytes;
SELECT (gr.govreport_parse(:'doc')).year;
SELECT :doc_bytes - 1 AS lim \gset
SET govreport.max_input_bytes = :lim;
SELECT pg_temp.try(:'doc');
\set VERBOSITY sqlstate
SELECT gr.govreport_parse(:'doc');
SELECT count(*) FROM gr.govreport_parse_all(:'doc');
\set VERBOSITY default
SET govreport.max_input_bytes = 100;
SELECT gr.govreport_parse(repeat('x', 101));
-- a compressed (toasted) value is measured at its raw size
CREATE TEMP TABLE big (doc text);
INSERT INTO big VALUES (repeat('政府信息公开', 10000));
SELECT pg_column_size(doc) < octet_length(doc) AS compressed FROM big;
\set VERBOSITY sqlstate
SELECT gr.govreport_parse(doc) FROM big;
\set VERBOSITY default
RESET govreport.max_input_bytes;
SELECT pg_temp.try(doc) FROM big;

-- bad settings
SET govreport.max_input_bytes = 0;
SET govreport.max_input_bytes = '2GB';
SET govreport.max_input_bytes = 'lots';

-- damaged reports give values with warnings, never a crash: a number too
-- large for bigint, letters in number cells, a row with too few numbers,
-- a report cut off mid-table, blank cells
CREATE TEMP TABLE damaged (name text, doc text);
\set f `cat test/fixtures/bad_bigint.txt`
INSERT INTO damaged VALUES ('bad_bigint', :'f');
\set f `cat test/fixtures/bad_letters.txt`
INSERT INTO damaged VALUES ('bad_letters', :'f');
\set f `cat test/fixtures/bad_short_row.txt`
INSERT INTO damaged VALUES ('bad_short_row', :'f');
\set f `cat test/fixtures/bad_truncated.txt`
INSERT INTO damaged VALUES ('bad_truncated', :'f');
\set f `cat test/fixtures/blank_cells.txt`
INSERT INTO damaged VALUES ('blank_cells', :'f');
SELECT name, pg_temp.try(doc) FROM damaged ORDER BY name;
SELECT name, (r).format, (r).new_received, (r).processed_total,
       cardinality((r).warnings) AS warnings,
       (SELECT count(*) FROM unnest((r).cells) c WHERE c.value IS NULL) AS null_cells
FROM (SELECT name, gr.govreport_parse(doc) AS r FROM damaged) s
ORDER BY name;
-- the number too large for bigint keeps its exact value in the cell
SELECT c.row_key, c.col_key, c.value, c.printed
FROM damaged, unnest((gr.govreport_parse(doc)).cells) c
WHERE name = 'bad_bigint' AND c.value > 9223372036854775807;

-- a long parse can be cancelled (57014 from statement_timeout), and the
-- session goes on normally afterwards
CREATE TEMP TABLE long_doc AS
SELECT repeat(:'doc' || E'\n', 2000) AS doc;
BEGIN;
SET LOCAL statement_timeout = '1ms';
\set VERBOSITY sqlstate
SELECT count(*) FROM long_doc, gr.govreport_parse_all(doc);
\set VERBOSITY default
ROLLBACK;
SELECT (gr.govreport_parse(:'doc')).year;

-- a database in SQL_ASCII has no known encoding: 0A000
SELECT current_database() AS regress_db \gset
CREATE DATABASE regress_govreport_ascii ENCODING 'SQL_ASCII'
	LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c regress_govreport_ascii
CREATE EXTENSION govreport;
SELECT govreport_parse('anything');
\set VERBOSITY sqlstate
SELECT govreport_parse('anything');
\set VERBOSITY default
\c :regress_db
DROP DATABASE regress_govreport_ascii;
