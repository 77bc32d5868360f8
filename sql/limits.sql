--
-- limits: the input-size limit (54000 before any work) and cancellation
-- of long parses (57014 from statement_timeout, well under a second after
-- the deadline) on inputs of about 50 MB built here with repeat(), and on
-- an 8 MB glued-digit page whose split search takes seconds.
-- Only SQLSTATEs and booleans are printed: the output does not depend on the
-- machine's speed.  Schema gr is not on the search_path.
--

-- the default limit may be below 50 MB: raise it for the inputs below
SET govreport.max_input_bytes = '256MB';

\set d `cat test/fixtures/t2021_tab.txt`
\set g `cat test/fixtures/t2021_md.txt`
\set gl `cat test/fixtures/layouts/t2021_glued.txt`

-- stored uncompressed, so that reading them costs no decompression
CREATE TEMP TABLE big (name text PRIMARY KEY, doc text NOT NULL);
ALTER TABLE big ALTER doc SET STORAGE EXTERNAL;

-- one report whose prose is repeated to 50 MB (before table 2)
INSERT INTO big SELECT 'prose',
	replace(:'d', '二、主动公开政府信息情况',
			repeat(E'围绕年度政务公开工作要点，本单位坚持以公开为常态、不公开为例外，把政务公开贯穿行政权力运行全过程。\n',
				   370000) || '二、主动公开政府信息情况');
-- one report whose table 3 body is repeated to 50 MB (TAB layout)
INSERT INTO big SELECT 'tab_rows',
	replace(:'d', '四、政府信息公开行政复议',
			repeat(substr(:'d', strpos(:'d', E'\t一、本年新收'),
						  strpos(:'d', '四、政府信息公开行政复议') - strpos(:'d', E'\t一、本年新收')),
				   23000) || '四、政府信息公开行政复议');
-- the same markdown report 10000 times (a page of many reports)
INSERT INTO big SELECT 'md_reports', repeat(:'g' || E'\n', 10000);
-- a glued-digit report whose table-3 rows end in 40 digits each (the split
-- search runs to its cap on every row), rows repeated to 8 MB: reading the
-- lines is quick, the table-3 search takes seconds
INSERT INTO big SELECT 'glued_search',
	replace(:'gl', '四、政府信息公开行政复议',
			repeat(regexp_replace(substr(:'gl', strpos(:'gl', '一、本年新收'),
										 strpos(:'gl', '四、政府信息公开行政复议') - strpos(:'gl', '一、本年新收')),
								  '[0-9]{7,}$', repeat('1', 40), 'gn'),
				   4000) || '四、政府信息公开行政复议');

SELECT name, octet_length(doc) BETWEEN 40000000 AND 60000000 AS about_50mb,
       octet_length(doc) BETWEEN 7000000 AND 10000000 AS about_8mb
FROM big ORDER BY name;

-- run one statement, return its SQLSTATE ('00000' when it succeeds) and
-- the time it took
CREATE FUNCTION pg_temp.timed(q text, OUT state text, OUT secs float8)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	state := '00000';
	BEGIN
		EXECUTE q;
	EXCEPTION
		WHEN query_canceled THEN
			state := '57014';
		WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE;
	END;
	secs := extract(epoch FROM clock_timestamp() - t0);
END $$;

-- ------------------------------------------------------------ cancellation

-- short enough that no input below finishes first on a fast machine
-- (50 MB of prose would need 500 MB/s)
SET statement_timeout = '100ms';

SELECT state, secs < 1 AS "cancelled within 1 s"
FROM pg_temp.timed($$SELECT gr.govreport_parse(doc) FROM big WHERE name = 'prose'$$);
SELECT state, secs < 1 AS "cancelled within 1 s"
FROM pg_temp.timed($$SELECT count(*) FROM big, gr.govreport_parse_all(doc) WHERE name = 'prose'$$);
SELECT state, secs < 1 AS "cancelled within 1 s"
FROM pg_temp.timed($$SELECT count(*) FROM big, gr.govreport_parse_all(doc) WHERE name = 'tab_rows'$$);
SELECT state, secs < 1 AS "cancelled within 1 s"
FROM pg_temp.timed($$SELECT count(*) FROM big, gr.govreport_parse_all(doc) WHERE name = 'md_reports'$$);
SELECT state, secs < 1 AS "cancelled within 1 s"
FROM pg_temp.timed($$SELECT gr.govreport_parse(doc) FROM big WHERE name = 'glued_search'$$);

RESET statement_timeout;

-- the session is fine afterwards
SELECT (gr.govreport_parse(:'d')).new_received;

-- ------------------------------------------------------------ size limit

-- above the limit: 54000, and before any work (the 50 MB are not read)
SET govreport.max_input_bytes = '1MB';
SELECT state, secs < 0.25 AS "refused within 0.25 s"
FROM pg_temp.timed($$SELECT gr.govreport_parse(doc) FROM big WHERE name = 'prose'$$);
SELECT state, secs < 0.25 AS "refused within 0.25 s"
FROM pg_temp.timed($$SELECT count(*) FROM big, gr.govreport_parse_all(doc) WHERE name = 'md_reports'$$);

-- the limit is in bytes, the input's size exactly
SELECT octet_length(:'d') AS bytes \gset
SELECT set_config('govreport.max_input_bytes', (:bytes - 1)::text, false) IS NOT NULL AS set;
SELECT state FROM pg_temp.timed($$SELECT gr.govreport_parse(doc) FROM big WHERE name = 'prose'$$);
SELECT state FROM pg_temp.timed(format('SELECT gr.govreport_parse(%L)', :'d'));
SELECT set_config('govreport.max_input_bytes', :bytes::text, false) IS NOT NULL AS set;
SELECT (gr.govreport_parse(:'d')).new_received;

-- the message
\set VERBOSITY default
SET govreport.max_input_bytes = '1kB';
SELECT gr.govreport_parse(:'d');
RESET govreport.max_input_bytes;

-- ------------------------------------------------------------ block pool

-- the large blocks of every parse above went back to the backend's pool
-- when their memory context ended: it holds at most 32 MB between calls,
-- whatever was parsed (50 MB inputs, cancelled ones included)
SET govreport.max_input_bytes = '256MB';
SELECT count(*) FROM big, gr.govreport_parse_all(doc) WHERE name = 'md_reports';
-- (the pool is per process: under force_parallel_mode the parses ran in
-- workers and this backend may have none)
SELECT coalesce(bool_and(total_bytes <= 33 * 1024 * 1024), true) AS "at most 32 MB kept"
FROM pg_backend_memory_contexts WHERE name = 'govreport block pool';
RESET govreport.max_input_bytes;
