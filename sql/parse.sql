--
-- parse: govreport_parse on the 2021 and 2019 templates in the TAB, "cell |"
-- and markdown layouts (fixtures in test/fixtures, schema gr off the path)
--
\pset null '(null)'

CREATE TEMP TABLE docs (name text PRIMARY KEY, doc text NOT NULL);
\set f `cat test/fixtures/t2021_tab.txt`
INSERT INTO docs VALUES ('t2021_tab', :'f');
\set f `cat test/fixtures/t2021_pipe.txt`
INSERT INTO docs VALUES ('t2021_pipe', :'f');
\set f `cat test/fixtures/t2021_md.txt`
INSERT INTO docs VALUES ('t2021_md', :'f');
\set f `cat test/fixtures/t2019_tab.txt`
INSERT INTO docs VALUES ('t2019_tab', :'f');
\set f `cat test/fixtures/t2019_pipe.txt`
INSERT INTO docs VALUES ('t2019_pipe', :'f');
\set f `cat test/fixtures/t2019_md.txt`
INSERT INTO docs VALUES ('t2019_md', :'f');

CREATE TEMP TABLE parsed AS
SELECT name, doc, gr.govreport_parse(doc) AS r FROM docs;

-- headline attributes (tables 2-4 only: the narrative figures that the
-- parser also reads are tested elsewhere)
SELECT name, (r).agency, (r).year, (r).format, (r).layout
FROM parsed ORDER BY name;
SELECT name, (r).new_received, (r).carried_over, (r).processed_total,
       (r).carried_forward,
       (SELECT count(*) FROM unnest((r).cells) c
        WHERE c.tbl IN ('t2', 't3', 't4')) AS table_cells,
       (r).warnings
FROM parsed ORDER BY name;

-- cells per table, and how many carry a value
SELECT name, c.tbl, count(*) AS cells, count(c.value) AS with_value
FROM parsed, unnest((r).cells) c
WHERE c.tbl IN ('t2', 't3', 't4')
GROUP BY name, c.tbl ORDER BY name, c.tbl;

-- every printed text stands where src_start/src_len say, in the input
-- (all cells, tables and prose)
SELECT name, count(*) >= 175 AS enough,
       count(*) FILTER (WHERE substr(doc, c.src_start, c.src_len)
                        IS DISTINCT FROM c.printed) AS misplaced
FROM parsed, unnest((r).cells) c
GROUP BY name ORDER BY name;

-- the cells come in document order
SELECT name, bool_and(ord = 1 OR prev_start < src_start) AS in_order
FROM (SELECT name, ord, c.src_start,
             lag(c.src_start) OVER (PARTITION BY name ORDER BY ord) AS prev_start
      FROM parsed, unnest((r).cells) WITH ORDINALITY AS c(tbl, row_key, col_key,
            value, printed, src_start, src_len, ord)) s
GROUP BY name ORDER BY name;

-- the same report in three layouts gives the same cells (keys and values);
-- the markdown 2019 fixture prints 其他对外管理服务事项 as one row where the
-- others split it into 行政检查 / 行政确认, so those rows are compared apart
WITH c AS (
	SELECT split_part(name, '_', 1) AS tmpl, split_part(name, '_', 2) AS layout,
	       x.tbl, x.row_key, x.col_key, x.value
	FROM parsed, unnest((r).cells) x
	WHERE x.row_key NOT LIKE 'other\_services%'
)
SELECT a.tmpl, a.layout AS layout_a, b.layout AS layout_b,
       (SELECT count(*) FROM (
          (SELECT tbl, row_key, col_key, value FROM c WHERE tmpl = a.tmpl AND layout = a.layout
           EXCEPT ALL
           SELECT tbl, row_key, col_key, value FROM c WHERE tmpl = b.tmpl AND layout = b.layout)
          UNION ALL
          (SELECT tbl, row_key, col_key, value FROM c WHERE tmpl = b.tmpl AND layout = b.layout
           EXCEPT ALL
           SELECT tbl, row_key, col_key, value FROM c WHERE tmpl = a.tmpl AND layout = a.layout)
        ) d) AS differing
FROM (SELECT DISTINCT tmpl, layout FROM c) a
JOIN (SELECT DISTINCT tmpl, layout FROM c) b ON a.tmpl = b.tmpl AND a.layout < b.layout
ORDER BY 1, 2, 3;
-- the one-row form is the sum of the split form
SELECT name, c.row_key, c.col_key, c.value
FROM parsed, unnest((r).cells) c
WHERE c.row_key LIKE 'other\_services%'
ORDER BY name, c.col_key, c.row_key;

-- table 3 of the 2021 report, row by row (columns: six applicants, total)
SELECT c.row_key, string_agg(c.value::text, ' ' ORDER BY ord) AS "np ce ri sw ls oo total"
FROM parsed, unnest((r).cells) WITH ORDINALITY AS c(tbl, row_key, col_key,
     value, printed, src_start, src_len, ord)
WHERE name = 't2021_tab' AND c.tbl = 't3'
GROUP BY c.row_key ORDER BY min(ord);

-- table 3 of the 2019 report
SELECT c.row_key, string_agg(c.value::text, ' ' ORDER BY ord) AS "np ce ri sw ls oo total"
FROM parsed, unnest((r).cells) WITH ORDINALITY AS c(tbl, row_key, col_key,
     value, printed, src_start, src_len, ord)
WHERE name = 't2019_tab' AND c.tbl = 't3'
GROUP BY c.row_key ORDER BY min(ord);

-- the column keys of table 3, in order
SELECT string_agg(c.col_key, ' ' ORDER BY ord) AS columns
FROM parsed, unnest((r).cells) WITH ORDINALITY AS c(tbl, row_key, col_key,
     value, printed, src_start, src_len, ord)
WHERE name = 't2021_tab' AND c.tbl = 't3' AND c.row_key = 'new_received';

-- tables 2 and 4 with the printed text (padding characters kept)
SELECT c.tbl, c.row_key, c.col_key, c.value, c.printed, c.src_start, c.src_len
FROM parsed, unnest((r).cells) c
WHERE name = 't2021_tab' AND c.tbl IN ('t2', 't4')
ORDER BY c.src_start;

SELECT c.tbl, c.row_key, c.col_key, c.value, c.printed
FROM parsed, unnest((r).cells) c
WHERE name = 't2019_tab' AND c.tbl = 't2'
ORDER BY c.src_start;

-- exact numeric values: thousands separators, signs and decimals
SELECT name, c.row_key, c.col_key, c.value, pg_typeof(c.value), c.printed
FROM parsed, unnest((r).cells) c
WHERE c.printed ~ '[,.+-]' AND c.tbl = 't2'
ORDER BY name, c.src_start;

-- the report parsed twice is the same value (IMMUTABLE)
SELECT name, gr.govreport_parse(doc) = r AS same FROM parsed ORDER BY name;

-- parse_all of a one-report document is that report
SELECT name, (SELECT count(*) FROM gr.govreport_parse_all(doc)) AS n,
       (SELECT p = r FROM gr.govreport_parse_all(doc) p) AS same
FROM parsed ORDER BY name;

-- two reports in one document, in document order
\set f `cat test/fixtures/two_reports.txt`
SELECT ord, (p).agency, (p).year, (p).format, (p).layout, (p).new_received,
       (p).processed_total,
       (SELECT count(*) FROM unnest((p).cells) c WHERE c.tbl = 't3') AS t3_cells
FROM gr.govreport_parse_all(:'f') WITH ORDINALITY AS t(agency, year, format,
     layout, new_received, carried_over, processed_total, carried_forward,
     cells, warnings, ord)
CROSS JOIN LATERAL (SELECT ROW(t.agency, t.year, t.format, t.layout,
     t.new_received, t.carried_over, t.processed_total, t.carried_forward,
     t.cells, t.warnings)::gr.govreport AS p) x
ORDER BY ord;
-- positions refer to the whole document
SELECT count(*) FILTER (WHERE c.tbl = 't3') AS t3_cells,
       count(*) FILTER (WHERE substr(:'f', c.src_start, c.src_len)
                        IS DISTINCT FROM c.printed) AS misplaced
FROM gr.govreport_parse_all(:'f') p, unnest(p.cells) c;
-- a report repeated verbatim comes back once: the document twice over
-- still holds two reports
SELECT count(*) FROM gr.govreport_parse_all(:'f' || E'\n' || :'f');

-- blank cells are NULL (never zero) and each is a warning
\set f `cat test/fixtures/blank_cells.txt`
SELECT c.tbl, c.row_key, c.col_key, c.value, quote_literal(c.printed) AS printed
FROM unnest((gr.govreport_parse(:'f')).cells) c
WHERE c.value IS NULL AND c.tbl IN ('t2', 't3', 't4');
SELECT unnest((gr.govreport_parse(:'f')).warnings) AS warning;
