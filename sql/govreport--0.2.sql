/* govreport--0.2.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION govreport" to load this file. \quit

-- Planner costs.  Every function that does real work carries the COST it
-- measures at, in units of cpu_operator_cost: one unit is 5 ns on the
-- reference machine (the planner's estimate of a serial count(*) over 2
-- million rows against its run time; one int4 comparison measures 5.7 ns,
-- int4pl 3.5 ns), and COST = time of one call / 5 ns, measured by
-- bench/costs.sh over the 200 reports of bench/gen.py -n 200 (26.7 KB and
-- 178 cells on average), the argument's detoasting included.  PostgreSQL 15 charges a
-- set-returning function's COST once per call, not per row, so the COST of
-- an SRF is its whole call; ROWS estimates are unchanged from 0.1.  The
-- parse functions are linear in the input (about 5 ns per byte): their
-- COST is that of a typical 25-30 KB report (for govreport_parse_all, of a
-- typical document, which holds one report).  Left at the default:
-- govreport_version() and govreport_icu_version() (a few ns, as a builtin),
-- the trigger functions (the planner never costs them).  govreport--0.1--0.2.sql has
-- the measured time of each function.

-- ==== types ====

CREATE TYPE @extschema@.govreport_cell AS (
	tbl       pg_catalog.text,
	row_key   pg_catalog.text,
	col_key   pg_catalog.text,
	value     pg_catalog.numeric,
	printed   pg_catalog.text,
	src_start pg_catalog.int4,
	src_len   pg_catalog.int4
);

COMMENT ON TYPE @extschema@.govreport_cell IS
'one value read from a report: table, canonical row and column keys, exact value (NULL for a blank cell), the text as printed and its 1-based character position in the input';

CREATE TYPE @extschema@.govreport AS (
	agency          pg_catalog.text,
	year            pg_catalog.int4,
	format          pg_catalog.text,
	layout          pg_catalog.text,
	new_received    pg_catalog.int8,
	carried_over    pg_catalog.int8,
	processed_total pg_catalog.int8,
	carried_forward pg_catalog.int8,
	cells           @extschema@.govreport_cell[],
	warnings        pg_catalog.text[]
);

COMMENT ON TYPE @extschema@.govreport IS
'one parsed government information-disclosure annual report: agency, year, format, layout, the four table-3 totals, every cell read, and the parser''s warnings';

-- ==== parsing ====
-- about 130 us per report: COST 26000; bytea adds charset detection (+12%)

CREATE FUNCTION @extschema@.govreport_parse(doc pg_catalog.text)
RETURNS @extschema@.govreport
AS 'MODULE_PATHNAME', 'govreport_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 26000;

COMMENT ON FUNCTION @extschema@.govreport_parse(pg_catalog.text) IS
'parse text holding one annual report; SQLSTATE 22P02 when it holds no report or several';

CREATE FUNCTION @extschema@.govreport_parse_all(doc pg_catalog.text)
RETURNS SETOF @extschema@.govreport
AS 'MODULE_PATHNAME', 'govreport_parse_all'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 26000 ROWS 4;

COMMENT ON FUNCTION @extschema@.govreport_parse_all(pg_catalog.text) IS
'parse every annual report of a document, in document order, verbatim repeats once; no rows when it holds none';

CREATE FUNCTION @extschema@.govreport_parse(doc pg_catalog.bytea)
RETURNS @extschema@.govreport
AS 'MODULE_PATHNAME', 'govreport_parse_bytes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 29000;

COMMENT ON FUNCTION @extschema@.govreport_parse(pg_catalog.bytea) IS
'parse the raw bytes of a report file: the charset (UTF-8 with or without BOM, GB18030/GBK, Big5) is detected with ICU and named in warnings; printed and positions refer to the decoded text; 22021 with the byte offset for undecodable bytes';

CREATE FUNCTION @extschema@.govreport_parse_all(doc pg_catalog.bytea)
RETURNS SETOF @extschema@.govreport
AS 'MODULE_PATHNAME', 'govreport_parse_all_bytes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 29000 ROWS 4;

COMMENT ON FUNCTION @extschema@.govreport_parse_all(pg_catalog.bytea) IS
'every report of the raw bytes of a file, as govreport_parse_all(text) after charset detection and conversion';

-- ==== expanding ====
-- govreport_cells 47 us per call (COST 9300), govreport_dispositions 76 us
-- (COST 15000), detoasting the report included

CREATE FUNCTION @extschema@.govreport_cells(r @extschema@.govreport)
RETURNS SETOF @extschema@.govreport_cell
AS 'MODULE_PATHNAME', 'govreport_cells'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 9300 ROWS 200;

COMMENT ON FUNCTION @extschema@.govreport_cells(@extschema@.govreport) IS
'the cells of a parsed report, one row each, in document order';

CREATE FUNCTION @extschema@.govreport_dispositions(r @extschema@.govreport)
RETURNS TABLE(applicant pg_catalog.text, outcome_group pg_catalog.text,
			  outcome_reason pg_catalog.text, count pg_catalog.int8)
AS 'MODULE_PATHNAME', 'govreport_dispositions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 15000 ROWS 126;

COMMENT ON FUNCTION @extschema@.govreport_dispositions(@extschema@.govreport) IS
'table 3 as disposition rows: outcome x applicant type (114 rows for template_2019, 126 for template_2021), NULL count for a blank cell; applicant ''all'' for pre-2019 and narrative reports';

-- ==== versions ====

CREATE FUNCTION @extschema@.govreport_icu_version()
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'govreport_icu_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.govreport_icu_version() IS
'version of the ICU library the parser uses for label normalisation';

CREATE FUNCTION @extschema@.govreport_version()
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'govreport_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.govreport_version() IS
'version of the govreport shared library';

-- ==== reconciliation rules (checks) ====
-- govreport_violations 60 us per call (COST 12000), the pair 101 us (COST
-- 20000), govreport_is_consistent 56 us (COST 11000), govreport_rules()
-- builds its 35 rows in 79 us (COST 16000)

CREATE FUNCTION @extschema@.govreport_violations(r @extschema@.govreport)
RETURNS TABLE(rule pg_catalog.text, kind pg_catalog.text, scope pg_catalog.text,
			  lhs pg_catalog.numeric, rhs pg_catalog.numeric,
			  message pg_catalog.text)
AS 'MODULE_PATHNAME', 'govreport_violations'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 12000 ROWS 4;

COMMENT ON FUNCTION @extschema@.govreport_violations(@extschema@.govreport) IS
'every reconciliation rule (domain.md section 4) that fails for this report''s format: rule id, strict or plausibility, scope, the two sides and a message with the arithmetic; a rule with a blank operand is indeterminate and not listed';

CREATE FUNCTION @extschema@.govreport_violations(prev @extschema@.govreport,
												 cur @extschema@.govreport)
RETURNS TABLE(rule pg_catalog.text, kind pg_catalog.text, scope pg_catalog.text,
			  lhs pg_catalog.numeric, rhs pg_catalog.numeric,
			  message pg_catalog.text)
AS 'MODULE_PATHNAME', 'govreport_violations_pair'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 20000 ROWS 2;

COMMENT ON FUNCTION @extschema@.govreport_violations(@extschema@.govreport, @extschema@.govreport) IS
'the cross-year rules R11, R12, R13 and N5 that fail between the previous year''s report (prev) and this year''s report (cur) of the same issuing body';

CREATE FUNCTION @extschema@.govreport_is_consistent(r @extschema@.govreport)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'govreport_is_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 11000;

COMMENT ON FUNCTION @extschema@.govreport_is_consistent(@extschema@.govreport) IS
'false when a strict reconciliation rule fails (blank operands are indeterminate); made for CHECK constraints';

CREATE FUNCTION @extschema@.govreport_rules()
RETURNS TABLE(id pg_catalog.text, kind pg_catalog.text, formats pg_catalog.text[],
			  formula pg_catalog.text, description_zh pg_catalog.text,
			  description_en pg_catalog.text, cross_year pg_catalog.bool,
			  evaluated pg_catalog.bool)
AS 'MODULE_PATHNAME', 'govreport_rules'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 16000 ROWS 35;

COMMENT ON FUNCTION @extschema@.govreport_rules() IS
'the rule catalogue: id (R1-R17, S1-S12, N1-N6), strict or plausibility, the formats it applies to, formula, description in Chinese and English, whether it needs two years, whether it is evaluated';

CREATE TABLE @extschema@.govreport_quarantine (
	id             pg_catalog.int8 GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	captured_at    pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	captured_by    pg_catalog.name NOT NULL DEFAULT CURRENT_USER,
	relid          pg_catalog.regclass NOT NULL,
	trigger_name   pg_catalog.name NOT NULL,
	operation      pg_catalog.text NOT NULL
		CHECK (operation OPERATOR(pg_catalog.=) ANY (ARRAY['INSERT', 'UPDATE']::pg_catalog.text[])),
	reason         pg_catalog.text NOT NULL
		CHECK (reason OPERATOR(pg_catalog.=) ANY (ARRAY['violation', 'parse_error', 'continuity']::pg_catalog.text[])),
	diverted       pg_catalog.bool NOT NULL,
	raw            pg_catalog.text,
	report         @extschema@.govreport,
	row_data       pg_catalog.jsonb NOT NULL,
	violations     pg_catalog.jsonb,
	error_sqlstate pg_catalog.text,
	error_message  pg_catalog.text,
	error_detail   pg_catalog.text
);

CREATE INDEX govreport_quarantine_relid_idx
	ON @extschema@.govreport_quarantine (relid, captured_at);

COMMENT ON TABLE @extschema@.govreport_quarantine IS
'rows caught by govreport_enforce / govreport_enforce_continuity in mode quarantine: the whole row (row_data), its raw text and parsed report, the violations or the parse error; diverted rows were not written to relid';
COMMENT ON COLUMN @extschema@.govreport_quarantine.relid IS 'the table the row was written to';
COMMENT ON COLUMN @extschema@.govreport_quarantine.reason IS 'violation (a strict rule fails), parse_error (the raw text is no report), continuity (R13 against an adjacent year)';
COMMENT ON COLUMN @extschema@.govreport_quarantine.diverted IS 'true: the row is only here (govreport_enforce returned no row); false: the row is in relid (continuity)';
COMMENT ON COLUMN @extschema@.govreport_quarantine.row_data IS 'the row as it was to be written, as jsonb (jsonb_populate_record(NULL::relid_type, row_data) gives it back)';
COMMENT ON COLUMN @extschema@.govreport_quarantine.violations IS 'array of {rule, kind, scope, lhs, rhs, message}, as govreport_violations() returns them';

-- every role may quarantine rows of the tables it loads, and sees its own entries
ALTER TABLE @extschema@.govreport_quarantine ENABLE ROW LEVEL SECURITY;
CREATE POLICY govreport_quarantine_own ON @extschema@.govreport_quarantine
	USING (captured_by OPERATOR(pg_catalog.=) CURRENT_USER)
	WITH CHECK (captured_by OPERATOR(pg_catalog.=) CURRENT_USER);
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.govreport_quarantine TO PUBLIC;
GRANT USAGE ON SEQUENCE @extschema@.govreport_quarantine_id_seq TO PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('@extschema@.govreport_quarantine', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.govreport_quarantine_id_seq', '');

CREATE FUNCTION @extschema@.govreport_enforce()
RETURNS trigger
AS 'MODULE_PATHNAME', 'govreport_enforce'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.govreport_enforce() IS
'BEFORE INSERT OR UPDATE row trigger; arguments: raw text column, govreport column [, mode error|warn|quarantine]: parses the text into the report column and applies the strict rules (error: SQLSTATE 23514; warn: WARNING; quarantine: the row goes to govreport_quarantine)';

CREATE FUNCTION @extschema@.govreport_enforce_continuity()
RETURNS trigger
AS 'MODULE_PATHNAME', 'govreport_enforce_continuity'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.govreport_enforce_continuity() IS
'constraint trigger (AFTER INSERT OR UPDATE, DEFERRABLE INITIALLY DEFERRED, FOR EACH ROW); arguments: govreport column, issuing-body column, year column [, mode]: R13, this year''s carried_over equals the previous year''s carried_forward in every applicant column, both directions';

-- ==== analyst: render, aggregates, schema ====
-- govreport_render 151 us per call (COST 30000), govreport_split 120 us
-- (COST 24000); govreport_sum: state_of (SQL) 243 us (COST 49000), combine
-- (C) 94 us for two 200-cell states (COST 19000), trans (C) 110 us (COST
-- 22000), final (SQL) 162 us (COST 32000);
-- govreport_compare 448 us (COST 90000); govreport_create_analyst_schema is
-- DDL, 10-20 ms (COST 2000000)

CREATE FUNCTION @extschema@.govreport_render(r @extschema@.govreport)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'govreport_render'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 30000;

COMMENT ON FUNCTION @extschema@.govreport_render(@extschema@.govreport) IS
'the report''s tables 2, 3 and 4 drawn as fixed-width text in the layout of the national template (CJK characters 2 columns wide); a blank cell is shown as U+2014 (em dash), a cell the report lacks as U+2205 (empty set), a cell in a failing strict rule gets a * and the legend lists every failing rule with its message; other formats are drawn as a list of cells';

CREATE FUNCTION @extschema@.govreport_split(doc pg_catalog.text)
RETURNS TABLE(part pg_catalog.int4, report_text pg_catalog.text)
AS 'MODULE_PATHNAME', 'govreport_split'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 24000 ROWS 4;

COMMENT ON FUNCTION @extschema@.govreport_split(pg_catalog.text) IS
'the text of every report of a document, numbered from 1 in the order of govreport_parse_all (a verbatim repeat once), so that each report can be stored and parsed on its own';

-- ---- govreport_sum: table cells added up over reports

CREATE TYPE @extschema@.govreport_sum_state AS (
	n            pg_catalog.int8,
	format       pg_catalog.text,
	year         pg_catalog.int4,
	year_mixed   pg_catalog.bool,
	layout       pg_catalog.text,
	layout_mixed pg_catalog.bool,
	cells        @extschema@.govreport_cell[]
);

COMMENT ON TYPE @extschema@.govreport_sum_state IS
'transition state of the govreport_sum aggregate: number of reports, their common format, year and layout, and the summed table cells';

-- one report as a state: its t2/t3/t4 cells, first occurrence of each key,
-- with the value alone (no printed text, no position)
CREATE FUNCTION @extschema@.govreport_sum_state_of(r @extschema@.govreport)
RETURNS @extschema@.govreport_sum_state
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
COST 49000
BEGIN ATOMIC
	SELECT ROW(1::pg_catalog.int8, r.format, r.year, false, r.layout, false,
	           (SELECT pg_catalog.array_agg(ROW(c.tbl, c.row_key, c.col_key, c.value,
	                                            c.value::pg_catalog.text, NULL::pg_catalog.int4,
	                                            NULL::pg_catalog.int4)::@extschema@.govreport_cell
	                                        ORDER BY c.o)
	            FROM (SELECT DISTINCT ON (u.tbl, u.row_key, u.col_key)
	                         u.tbl, u.row_key, u.col_key, u.value, u.o
	                  FROM pg_catalog.unnest(r.cells) WITH ORDINALITY
	                       AS u(tbl, row_key, col_key, value, printed, src_start, src_len, o)
	                  WHERE u.tbl = ANY (ARRAY['t2', 't3', 't4']::pg_catalog.text[])
	                  ORDER BY u.tbl, u.row_key, u.col_key, u.o) c)
	          )::@extschema@.govreport_sum_state;
END;

COMMENT ON FUNCTION @extschema@.govreport_sum_state_of(@extschema@.govreport) IS
'one report as a govreport_sum state (internal)';

-- two states added: per key, the sum; NULL when either side is NULL or lacks
-- the key; the formats must be equal (22023), years and layouts become NULL
-- once they differ (src/pg/gr_sum.c)
CREATE FUNCTION @extschema@.govreport_sum_combine(a @extschema@.govreport_sum_state,
                                                  b @extschema@.govreport_sum_state)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_combine_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 19000;

COMMENT ON FUNCTION @extschema@.govreport_sum_combine(@extschema@.govreport_sum_state, @extschema@.govreport_sum_state) IS
'adds two govreport_sum states (transition and combine function of govreport_sum; internal)';

-- combine(s, state_of(r)), in one step (src/pg/gr_sum.c)
CREATE FUNCTION @extschema@.govreport_sum_trans(s @extschema@.govreport_sum_state,
                                                r @extschema@.govreport)
RETURNS @extschema@.govreport_sum_state
AS 'MODULE_PATHNAME', 'govreport_sum_trans_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 22000;

COMMENT ON FUNCTION @extschema@.govreport_sum_trans(@extschema@.govreport_sum_state, @extschema@.govreport) IS
'transition function of govreport_sum (internal)';

CREATE FUNCTION @extschema@.govreport_sum_final(s @extschema@.govreport_sum_state)
RETURNS @extschema@.govreport
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
COST 32000
BEGIN ATOMIC
	SELECT CASE WHEN s.n = 0 THEN NULL::@extschema@.govreport ELSE
	ROW(NULL::pg_catalog.text, s.year, s.format, s.layout,
	    (SELECT c.value::pg_catalog.int8 FROM pg_catalog.unnest(s.cells) c
	     WHERE c.tbl = 't3' AND c.row_key = 'new_received' AND c.col_key = 'total'),
	    (SELECT c.value::pg_catalog.int8 FROM pg_catalog.unnest(s.cells) c
	     WHERE c.tbl = 't3' AND c.row_key = 'carried_over' AND c.col_key = 'total'),
	    (SELECT c.value::pg_catalog.int8 FROM pg_catalog.unnest(s.cells) c
	     WHERE c.tbl = 't3' AND c.row_key = 'processed_total' AND c.col_key = 'total'),
	    (SELECT c.value::pg_catalog.int8 FROM pg_catalog.unnest(s.cells) c
	     WHERE c.tbl = 't3' AND c.row_key = 'carried_forward' AND c.col_key = 'total'),
	    COALESCE(s.cells, '{}'::@extschema@.govreport_cell[]),
	    pg_catalog.array_remove(ARRAY[
	        pg_catalog.format('sum of %s %s', s.n, CASE WHEN s.n = 1 THEN 'report' ELSE 'reports' END),
	        (SELECT pg_catalog.format('%s cells are NULL: blank or missing in at least one summed report',
	                                  pg_catalog.count(*))
	         FROM pg_catalog.unnest(s.cells) c WHERE c.value IS NULL HAVING pg_catalog.count(*) > 0)],
	        NULL)
	   )::@extschema@.govreport
	END;
END;

COMMENT ON FUNCTION @extschema@.govreport_sum_final(@extschema@.govreport_sum_state) IS
'final function of govreport_sum (internal)';

CREATE AGGREGATE @extschema@.govreport_sum(@extschema@.govreport) (
	SFUNC = @extschema@.govreport_sum_trans,
	STYPE = @extschema@.govreport_sum_state,
	FINALFUNC = @extschema@.govreport_sum_final,
	COMBINEFUNC = @extschema@.govreport_sum_combine,
	INITCOND = '(0,,,f,,f,{})',
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.govreport_sum(@extschema@.govreport) IS
'a report whose table cells (t2, t3, t4) are the per-key sums of the inputs'' cells: NULL where any input''s cell is blank or missing; the common format (22023 when formats differ), year and layout (NULL when they differ), agency NULL, warnings saying how many reports were summed; NULL inputs are skipped, no rows give NULL';

CREATE FUNCTION @extschema@.govreport_compare(a @extschema@.govreport, b @extschema@.govreport)
RETURNS TABLE(tbl pg_catalog.text, row_key pg_catalog.text, col_key pg_catalog.text,
              a_value pg_catalog.numeric, b_value pg_catalog.numeric, diff pg_catalog.numeric)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
COST 90000 ROWS 250
BEGIN ATOMIC
	SELECT COALESCE(x.tbl, y.tbl), COALESCE(x.row_key, y.row_key),
	       COALESCE(x.col_key, y.col_key), x.value, y.value, x.value - y.value
	FROM (SELECT DISTINCT ON (u.tbl, u.row_key, u.col_key) u.tbl, u.row_key, u.col_key, u.value, u.o
	      FROM pg_catalog.unnest(a.cells) WITH ORDINALITY
	           AS u(tbl, row_key, col_key, value, printed, src_start, src_len, o)
	      WHERE u.tbl = ANY (ARRAY['t2', 't3', 't4']::pg_catalog.text[])
	      ORDER BY u.tbl, u.row_key, u.col_key, u.o) x
	FULL JOIN
	     (SELECT DISTINCT ON (u.tbl, u.row_key, u.col_key) u.tbl, u.row_key, u.col_key, u.value, u.o
	      FROM pg_catalog.unnest(b.cells) WITH ORDINALITY
	           AS u(tbl, row_key, col_key, value, printed, src_start, src_len, o)
	      WHERE u.tbl = ANY (ARRAY['t2', 't3', 't4']::pg_catalog.text[])
	      ORDER BY u.tbl, u.row_key, u.col_key, u.o) y
	  ON x.tbl = y.tbl AND x.row_key = y.row_key
	 AND COALESCE(x.col_key, '') = COALESCE(y.col_key, '')
	ORDER BY x.o NULLS LAST, y.o;
END;

COMMENT ON FUNCTION @extschema@.govreport_compare(@extschema@.govreport, @extschema@.govreport) IS
'table cells (t2, t3, t4) of two reports side by side by key, with diff = a_value - b_value (NULL when either is blank or missing); e.g. a district''s own report against govreport_sum of its departments';

-- ---- crosswalk: pre-2019 categories -> 2019/2021 template (domain.md section 6)

CREATE TABLE @extschema@.govreport_crosswalk (
	old_key pg_catalog.text,
	new_key pg_catalog.text,
	quality pg_catalog.text NOT NULL
		CHECK (quality OPERATOR(pg_catalog.=) ANY (ARRAY['exact', 'approximate', 'alternative', 'impossible', 'dropped']::pg_catalog.text[])),
	note    pg_catalog.text,
	CHECK (old_key IS NOT NULL OR new_key IS NOT NULL)
);

CREATE UNIQUE INDEX govreport_crosswalk_key_idx
	ON @extschema@.govreport_crosswalk (COALESCE(old_key, ''), COALESCE(new_key, ''));

COMMENT ON TABLE @extschema@.govreport_crosswalk IS
'pre-2019 statistics-table and narrative keys (old_key) mapped to the 2019/2021 template keys (new_key, table 3 total column or table 4 group.part) with the quality of the mapping; several old keys with one new key add up; old_key NULL: a new category with no old counterpart, new_key NULL: an old field with none';
COMMENT ON COLUMN @extschema@.govreport_crosswalk.quality IS
'exact, approximate (both summed into the series), alternative (another reading of the same figure, not summed), impossible, dropped';

INSERT INTO @extschema@.govreport_crosswalk (old_key, new_key, quality, note) VALUES
('requests.received', 'new_received', 'approximate', 'old "received" has no carry-in concept; some narratives include carry-in'),
(NULL, 'carried_over', 'impossible', 'no old field; received minus closed is only an upper-bound guess'),
(NULL, 'carried_forward', 'impossible', 'no old field'),
('requests.answered', 'processed_total', 'approximate', 'answers of the year, including requests received earlier'),
('requests.closed', 'processed_total', 'alternative', 'closed requests; use when the answered count is missing'),
('requests.answered.granted', 'granted', 'exact', NULL),
('requests.answered.already_public', 'granted', 'approximate', 'pointing to published information counts as 予以公开 under the 2019 rules'),
('requests.answered.partially_granted', 'partially_granted', 'exact', NULL),
('requests.answered.denied.state_secret', 'denied.state_secret', 'exact', NULL),
('requests.answered.denied.security_stability', 'denied.security_stability', 'exact', '三安全一稳定'),
('requests.answered.denied.commercial_secret', 'denied.third_party_rights', 'approximate', 'many to one: commercial secret + personal privacy'),
('requests.answered.denied.personal_privacy', 'denied.third_party_rights', 'approximate', 'many to one: commercial secret + personal privacy'),
('requests.answered.denied.other_legal', 'denied.law_prohibited', 'approximate', NULL),
('requests.answered.denied.not_gov_info', NULL, 'impossible', 'spread over denied.internal_affairs, denied.process_info, not_processed.petition_complaint, other'),
('requests.answered.not_this_agency', 'unable.not_held', 'approximate', 'the new category merges other agency''s information and does not exist'),
('requests.answered.not_exist', 'unable.not_held', 'approximate', 'same merge'),
('requests.answered.asked_to_amend', 'unable.unclear_after_correction', 'impossible', 'or other.no_correction (2021): depends on whether the applicant corrected'),
('requests.answered.unclear', 'unable.unclear_after_correction', 'impossible', 'narrative 申请内容不明确; same ambiguity'),
('requests.answered.other_channel', 'other', 'approximate', '2019 template; sometimes not_processed.publication'),
('requests.answered.other_channel', 'other.other', 'approximate', '2021 template; sometimes not_processed.publication'),
('requests.received.in_person', NULL, 'dropped', 'channels are not in the new tables'),
('requests.received.fax', NULL, 'dropped', 'channels are not in the new tables'),
('requests.received.online', NULL, 'dropped', 'channels are not in the new tables'),
('requests.received.letter', NULL, 'dropped', 'channels are not in the new tables'),
('requests.closed.on_time', NULL, 'dropped', NULL),
('requests.closed.extended', NULL, 'dropped', NULL),
(NULL, 'denied.internal_affairs', 'impossible', 'created by the 2019 regulation'),
(NULL, 'denied.process_info', 'impossible', 'created by the 2019 regulation'),
(NULL, 'denied.enforcement_file', 'impossible', 'created by the 2019 regulation'),
(NULL, 'denied.admin_query', 'impossible', 'created by the 2019 regulation'),
(NULL, 'not_processed', 'impossible', 'every not_processed.* category was created by the 2019 regulation'),
(NULL, 'other.fee_unpaid', 'impossible', 'created by the 2019 regulation'),
('review.total', 'review.total', 'approximate', 'no pending category in the old table'),
('review.maintained', 'review.maintained', 'approximate', NULL),
('review.corrected', 'review.corrected', 'approximate', NULL),
('review.other', 'review.other', 'approximate', 'pending cases hidden in other or not counted'),
('litigation.total', 'litigation.total', 'approximate', 'new: litigation_direct.total + litigation_after_review.total; the split is impossible'),
('litigation.maintained_or_dismissed', 'litigation.maintained', 'approximate', '≈ 结果维持, summed over both litigation groups'),
('litigation.corrected', 'litigation.corrected', 'approximate', 'summed over both litigation groups'),
('litigation.other', 'litigation.other', 'approximate', 'summed over both litigation groups'),
('complaints.total', NULL, 'dropped', NULL),
('fees.collected_yuan', NULL, 'dropped', 'the 2021 信息处理费 is a different fee'),
('org.staff_total', NULL, 'dropped', NULL),
('training.meetings', NULL, 'dropped', NULL);

GRANT SELECT ON @extschema@.govreport_crosswalk TO PUBLIC;

-- ---- the analyst schema

CREATE FUNCTION @extschema@.govreport_create_analyst_schema(target_schema pg_catalog.name DEFAULT 'govreport_analyst')
RETURNS pg_catalog.void
LANGUAGE plpgsql VOLATILE SECURITY INVOKER
COST 2000000
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := target_schema;
	x text;
	q text;
BEGIN
	-- the schema govreport lives in (never pasted in as text: quoted with %I)
	SELECT n.nspname INTO STRICT x
	FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'govreport';

	EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', s);
	EXECUTE format('COMMENT ON SCHEMA %I IS %L', s,
		'govreport analyst schema: reports loaded with govreport-load, their dispositions, cells and violations, and views answering the usual questions');

	-- ------------------------------------------------------------ tables
	EXECUTE format($q$
	CREATE TABLE IF NOT EXISTS %1$I.loads (
		checksum      text PRIMARY KEY,
		file_name     text NOT NULL,
		bytes         bigint,
		encoding      text,
		loaded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
		n_reports     integer NOT NULL DEFAULT 0,
		n_loaded      integer NOT NULL DEFAULT 0,
		n_quarantined integer NOT NULL DEFAULT 0,
		result        text NOT NULL
	)$q$, s);
	EXECUTE format('COMMENT ON TABLE %I.loads IS %L', s,
		'one row per file loaded (by sha256 checksum of its bytes): a file loaded once is skipped on later runs; result is loaded, quarantined, partly quarantined or no report');

	EXECUTE format($q$
	CREATE TABLE IF NOT EXISTS %1$I.reports (
		id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		lineage_id  text,
		district    text,
		is_district boolean NOT NULL DEFAULT false,
		year        integer,
		file_name   text,
		checksum    text,
		part        integer NOT NULL DEFAULT 1,
		raw         text,
		report      %2$I.govreport,
		loaded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
		UNIQUE (checksum, part)
	)$q$, s, x);
	EXECUTE format('COMMENT ON TABLE %I.reports IS %L', s,
		'one row per reconciled report: the raw text of the report (the whole file, or its part when a file holds several), the parsed report (derived by govreport_enforce in quarantine mode: a report failing a strict rule or a text holding no report goes to govreport_quarantine instead), the issuing body''s lineage key, district and year');
	EXECUTE format('COMMENT ON COLUMN %I.reports.lineage_id IS %L', s,
		'key of the issuing body across renamings (domain.md 1.3); defaults to the agency as printed');
	EXECUTE format('COMMENT ON COLUMN %I.reports.is_district IS %L', s,
		'true for a district government''s own report, false for a department''s (compare them with govreport_compare and govreport_sum)');
	EXECUTE format('COMMENT ON COLUMN %I.reports.part IS %L', s,
		'number of the report within its file (govreport_split)');

	-- keys derived from the report: runs after the enforcing trigger (names sort)
	EXECUTE format($q$
	CREATE OR REPLACE FUNCTION %1$I.reports_fill_keys() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
	BEGIN
		IF NEW.report IS DISTINCT FROM NULL THEN
			NEW.year := COALESCE(NEW.year, (NEW.report).year);
			NEW.lineage_id := COALESCE(NEW.lineage_id, (NEW.report).agency);
		END IF;
		RETURN NEW;
	END $b$$q$, s);
	EXECUTE format('COMMENT ON FUNCTION %I.reports_fill_keys() IS %L', s,
		'fills reports.year and reports.lineage_id from the parsed report when they are not given');
	EXECUTE format($q$CREATE OR REPLACE TRIGGER reports_10_enforce
		BEFORE INSERT OR UPDATE ON %1$I.reports FOR EACH ROW
		EXECUTE FUNCTION %2$I.govreport_enforce('raw', 'report', 'quarantine')$q$, s, x);
	EXECUTE format($q$CREATE OR REPLACE TRIGGER reports_20_fill_keys
		BEFORE INSERT OR UPDATE ON %1$I.reports FOR EACH ROW
		EXECUTE FUNCTION %1$I.reports_fill_keys()$q$, s);

	EXECUTE format('CREATE INDEX IF NOT EXISTS reports_lineage_year_idx ON %I.reports (lineage_id, year)', s);
	EXECUTE format('CREATE INDEX IF NOT EXISTS reports_year_idx ON %I.reports (year)', s);
	EXECUTE format('CREATE INDEX IF NOT EXISTS reports_district_year_idx ON %I.reports (district, year)', s);
	EXECUTE format('CREATE INDEX IF NOT EXISTS reports_format_idx ON %I.reports (((report).format))', s);
	EXECUTE format('CREATE INDEX IF NOT EXISTS reports_file_idx ON %I.reports (file_name)', s);

	-- ------------------------------------------------------- loading
	EXECUTE format($q$
	CREATE OR REPLACE FUNCTION %1$I.load_document(p_file_name text, p_checksum text, p_doc text,
		p_encoding text DEFAULT NULL, p_bytes bigint DEFAULT NULL,
		p_lineage_id text DEFAULT NULL, p_district text DEFAULT NULL,
		p_is_district boolean DEFAULT false)
	RETURNS TABLE(part integer, status text, report_id bigint, year integer, agency text, detail text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
	DECLARE
		qmax bigint;
		seg record;
		rid bigint;
		n int := 0;
		nok int := 0;
		nq int := 0;
		cnt int;
		qr record;
		res text;
	BEGIN
		IF EXISTS (SELECT 1 FROM %1$I.loads l WHERE l.checksum = p_checksum) THEN
			RETURN QUERY SELECT NULL::int, 'skipped'::text, NULL::bigint, NULL::int, NULL::text,
				'already loaded from ' || l.file_name || ' at ' || l.loaded_at::text
				FROM %1$I.loads l WHERE l.checksum = p_checksum;
			RETURN;
		END IF;
		SELECT COALESCE(max(q.id), 0) INTO qmax FROM %2$I.govreport_quarantine q;
		FOR seg IN
			SELECT s.part, s.report_text, count(*) OVER () AS total
			FROM %2$I.govreport_split(p_doc) s
		LOOP
			n := n + 1;
			rid := NULL;
			INSERT INTO %1$I.reports (lineage_id, district, is_district, file_name, checksum, part, raw)
			VALUES (p_lineage_id, p_district, p_is_district, p_file_name, p_checksum, seg.part,
			        CASE WHEN seg.total = 1 THEN p_doc ELSE seg.report_text END)
			RETURNING id INTO rid;
			IF rid IS NOT NULL THEN
				nok := nok + 1;
				RETURN QUERY SELECT r.part, 'loaded'::text, r.id, r.year, (r.report).agency, NULL::text
					FROM %1$I.reports r WHERE r.id = rid;
			ELSE
				nq := nq + 1;
				SELECT q.reason, q.report, q.error_message,
				       (SELECT string_agg(v->>'rule' || ' ' || (v->>'scope'), ', ')
				        FROM jsonb_array_elements(q.violations) v
				        WHERE v->>'kind' = 'strict') AS rules
				INTO qr
				FROM %2$I.govreport_quarantine q
				WHERE q.id > qmax AND q.relid = %3$L::regclass
				  AND q.row_data->>'checksum' = p_checksum
				  AND (q.row_data->>'part')::int = seg.part
				ORDER BY q.id DESC LIMIT 1;
				RETURN QUERY SELECT seg.part, 'quarantined'::text, NULL::bigint,
					(qr.report).year, (qr.report).agency,
					COALESCE(qr.reason || ': ' || COALESCE(qr.rules, qr.error_message), 'not written');
			END IF;
		END LOOP;
		IF n = 0 THEN
			-- no report: keep the text in the quarantine (reason parse_error)
			INSERT INTO %1$I.reports (lineage_id, district, is_district, file_name, checksum, part, raw)
			VALUES (p_lineage_id, p_district, p_is_district, p_file_name, p_checksum, 1, p_doc);
			GET DIAGNOSTICS cnt = ROW_COUNT;
			SELECT q.error_message INTO res FROM %2$I.govreport_quarantine q
			WHERE q.id > qmax AND q.relid = %3$L::regclass ORDER BY q.id DESC LIMIT 1;
			RETURN QUERY SELECT NULL::int, 'no report'::text, NULL::bigint, NULL::int, NULL::text,
				COALESCE(res, 'the text holds no report');
		END IF;
		res := CASE WHEN n = 0 THEN 'no report' WHEN nq = 0 THEN 'loaded'
		            WHEN nok = 0 THEN 'quarantined' ELSE 'partly quarantined' END;
		INSERT INTO %1$I.loads (checksum, file_name, bytes, encoding, n_reports, n_loaded, n_quarantined, result)
		VALUES (p_checksum, p_file_name, p_bytes, p_encoding, n, nok, nq, res);
	END $b$$q$, s, x, format('%I.reports', s));
	EXECUTE format('COMMENT ON FUNCTION %I.load_document(text, text, text, text, bigint, text, text, boolean) IS %L', s,
		'loads one document (what govreport-load calls): skipped when its checksum was loaded before; otherwise one reports row per report of the text (govreport_split), each parsed and checked by the quarantine trigger; one result row per report: loaded, quarantined (with the failing strict rules or the parse error), no report, skipped');

	-- ------------------------------------------------------------- views
	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.dispositions AS
	SELECT r.id AS report_id, r.lineage_id, r.district, r.year, (r.report).format AS format,
	       d.applicant, d.outcome_group, d.outcome_reason, d.count
	FROM %1$I.reports r CROSS JOIN LATERAL %2$I.govreport_dispositions(r.report) d$q$, s, x);
	EXECUTE format('COMMENT ON VIEW %I.dispositions IS %L', s,
		'table 3 of every report as disposition rows (outcome x applicant type)');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.cells AS
	SELECT r.id AS report_id, r.lineage_id, r.district, r.year, (r.report).format AS format,
	       c.tbl, c.row_key, c.col_key, c.value, c.printed, c.src_start, c.src_len
	FROM %1$I.reports r CROSS JOIN LATERAL %2$I.govreport_cells(r.report) c$q$, s, x);
	EXECUTE format('COMMENT ON VIEW %I.cells IS %L', s,
		'every value of every report, with its printed text and position in reports.raw');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.violations AS
	SELECT r.id AS report_id, r.lineage_id, r.district, r.year, (r.report).format AS format,
	       v.rule, v.kind, v.scope, v.lhs, v.rhs, v.message
	FROM %1$I.reports r CROSS JOIN LATERAL %2$I.govreport_violations(r.report) v$q$, s, x);
	EXECUTE format('COMMENT ON VIEW %I.violations IS %L', s,
		'failing rules of the stored reports: plausibility rules only, since a report failing a strict rule is quarantined (see quarantined)');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.quarantined AS
	SELECT q.id AS quarantine_id, q.captured_at, q.reason,
	       q.row_data->>'file_name' AS file_name, (q.row_data->>'part')::int AS part,
	       COALESCE(q.row_data->>'lineage_id', (q.report).agency) AS lineage_id,
	       q.row_data->>'district' AS district,
	       COALESCE((q.row_data->>'year')::int, (q.report).year) AS year,
	       v->>'rule' AS rule, v->>'kind' AS kind, v->>'scope' AS scope,
	       (v->>'lhs')::numeric AS lhs, (v->>'rhs')::numeric AS rhs,
	       COALESCE(v->>'message', q.error_message) AS message,
	       q.report
	FROM %2$I.govreport_quarantine q
	LEFT JOIN LATERAL jsonb_array_elements(q.violations) v ON true
	WHERE q.relid = %3$L::regclass$q$, s, x, format('%I.reports', s));
	EXECUTE format('COMMENT ON VIEW %I.quarantined IS %L', s,
		'reports held back by the quarantine trigger, one row per violation (or one per parse error); govreport_render(report) shows where each breaks');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.outcome_shares AS
	SELECT year, lineage_id, outcome_group, sum(count) AS requests,
	       round(sum(count) / NULLIF(sum(sum(count)) OVER (PARTITION BY year, lineage_id), 0), 4) AS share
	FROM %1$I.dispositions
	GROUP BY year, lineage_id, outcome_group$q$, s);
	EXECUTE format('COMMENT ON VIEW %I.outcome_shares IS %L', s,
		'per year and issuing body: requests per outcome group (table 3, all applicant types) and their share of the processed requests');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.failing_agencies AS
	SELECT lineage_id, count(DISTINCT quarantine_id) AS failing_reports,
	       array_agg(DISTINCT year ORDER BY year) AS years,
	       array_agg(DISTINCT rule ORDER BY rule) FILTER (WHERE kind = 'strict') AS rules,
	       min(message) FILTER (WHERE kind = 'strict') AS example
	FROM %1$I.quarantined
	WHERE reason = 'violation'
	GROUP BY lineage_id$q$, s);
	EXECUTE format('COMMENT ON VIEW %I.failing_agencies IS %L', s,
		'issuing bodies whose reports fail strict rules (quarantined): how many reports, which years and rules, one example message');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.continuity_breaks AS
	WITH flows AS (
		SELECT r.id AS report_id, r.lineage_id, r.year, c.col_key AS applicant,
		       max(c.value) FILTER (WHERE c.row_key = 'carried_over') AS carried_over,
		       max(c.value) FILTER (WHERE c.row_key = 'carried_forward') AS carried_forward
		FROM %1$I.reports r CROSS JOIN LATERAL unnest((r.report).cells) c
		WHERE c.tbl = 't3' AND c.row_key IN ('carried_over', 'carried_forward')
		  AND r.lineage_id IS NOT NULL AND r.year IS NOT NULL
		GROUP BY r.id, r.lineage_id, r.year, c.col_key
	), paired AS (
		SELECT f.*,
		       lag(f.year) OVER w AS prev_year,
		       lag(f.report_id) OVER w AS prev_report_id,
		       lag(f.carried_forward) OVER w AS prev_carried_forward
		FROM flows f
		WINDOW w AS (PARTITION BY f.lineage_id, f.applicant ORDER BY f.year, f.report_id)
	)
	SELECT lineage_id, prev_year, year, applicant, prev_report_id, report_id,
	       prev_carried_forward, carried_over, carried_over - prev_carried_forward AS diff
	FROM paired
	WHERE prev_year = year - 1
	  AND carried_over IS NOT NULL AND prev_carried_forward IS NOT NULL
	  AND carried_over <> prev_carried_forward$q$, s);
	EXECUTE format('COMMENT ON VIEW %I.continuity_breaks IS %L', s,
		'R13 computed with window functions: for each issuing body, applicant column and pair of adjacent years, carried_over(Y) <> carried_forward(Y-1)');

	EXECUTE format($q$
	CREATE OR REPLACE VIEW %1$I.series AS
	WITH tmpl AS (
		SELECT r.id AS report_id, r.lineage_id, r.year, (r.report).format AS format,
		       CASE WHEN c.tbl = 't3' THEN c.row_key ELSE c.row_key || '.' || c.col_key END AS key,
		       c.value
		FROM %1$I.reports r CROSS JOIN LATERAL unnest((r.report).cells) c
		WHERE (r.report).format IN ('template_2019', 'template_2021')
		  AND ((c.tbl = 't3' AND c.col_key = 'total') OR c.tbl = 't4')
	), derived AS (
		SELECT report_id, lineage_id, year, format, key, value, 'native'::text AS quality FROM tmpl
		UNION ALL
		SELECT report_id, lineage_id, year, format,
		       'litigation.' || split_part(key, '.', 2), sum(value), 'native'
		FROM tmpl WHERE key LIKE 'litigation\_%%'
		GROUP BY report_id, lineage_id, year, format, split_part(key, '.', 2)
		UNION ALL
		SELECT report_id, lineage_id, year, format, 'other', sum(value), 'native'
		FROM tmpl WHERE format = 'template_2021' AND key LIKE 'other.%%'
		GROUP BY report_id, lineage_id, year, format
	), old AS (
		SELECT DISTINCT ON (r.id, c.row_key) r.id AS report_id, r.lineage_id, r.year,
		       (r.report).format AS format, c.row_key, c.value
		FROM %1$I.reports r CROSS JOIN LATERAL unnest((r.report).cells) c
		WHERE ((r.report).format = 'stats_table_pre2019' AND c.tbl = 'stats')
		   OR ((r.report).format = 'narrative' AND c.tbl = 'narrative')
		ORDER BY r.id, c.row_key
	), mapped AS (
		SELECT o.report_id, o.lineage_id, o.year, o.format, x.new_key AS key,
		       sum(o.value) AS value,
		       CASE WHEN bool_and(x.quality = 'exact') THEN 'exact' ELSE 'approximate' END AS quality
		FROM old o JOIN %2$I.govreport_crosswalk x ON x.old_key = o.row_key
		WHERE x.quality IN ('exact', 'approximate') AND x.new_key IS NOT NULL
		GROUP BY o.report_id, o.lineage_id, o.year, o.format, x.new_key
	)
	SELECT lineage_id, key, year, format, value, quality, report_id FROM derived
	UNION ALL
	SELECT lineage_id, key, year, format, value, quality, report_id FROM mapped$q$, s, x);
	EXECUTE format('COMMENT ON VIEW %I.series IS %L', s,
		'one figure per issuing body, key and year across the 2019 switch: template reports give table 3 totals and table 4 (plus litigation.* over both litigation groups and, for 2021, other = sum of other.*), pre-2019 statistics tables and narratives give their figures mapped through govreport_crosswalk (exact or approximate)');
END
$fn$;

COMMENT ON FUNCTION @extschema@.govreport_create_analyst_schema(pg_catalog.name) IS
'creates (or completes) an analyst schema: tables loads and reports (with govreport_enforce in quarantine mode), the loader''s function load_document, views dispositions, cells, violations, quarantined, outcome_shares, failing_agencies, continuity_breaks and series, and their indexes; safe to run again';
