--
-- layouts: HTML pages, pdftotext -layout, glued digits, traditional
-- characters, full-width digits and raw bytes in GB18030, Big5 and UTF-8
-- with BOM all give the same cells (keys and values) as the same report in
-- the TAB layout (fixtures in test/fixtures/layouts, made by make_layouts.py)
--
\pset null '(null)'

CREATE TEMP TABLE src (name text PRIMARY KEY, base text NOT NULL, doc text, raw bytea);
\set f `cat test/fixtures/t2021_tab.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_tab', 't2021_tab', :'f');
\set f `cat test/fixtures/t2019_tab.txt`
INSERT INTO src (name, base, doc) VALUES ('t2019_tab', 't2019_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_ambiguous_tab.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_ambiguous_tab', 't2021_ambiguous_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_html.html`
INSERT INTO src (name, base, doc) VALUES ('t2021_html', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2019_html.html`
INSERT INTO src (name, base, doc) VALUES ('t2019_html', 't2019_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_html_blank.html`
INSERT INTO src (name, base, doc) VALUES ('t2021_html_blank', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_aligned.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_aligned', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2019_aligned.txt`
INSERT INTO src (name, base, doc) VALUES ('t2019_aligned', 't2019_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_glued.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_glued', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2019_glued.txt`
INSERT INTO src (name, base, doc) VALUES ('t2019_glued', 't2019_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_ambiguous_glued.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_ambiguous_glued', 't2021_ambiguous_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_trad.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_trad', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_trad_html.html`
INSERT INTO src (name, base, doc) VALUES ('t2021_trad_html', 't2021_tab', :'f');
\set f `cat test/fixtures/layouts/t2021_fullwidth.txt`
INSERT INTO src (name, base, doc) VALUES ('t2021_fullwidth', 't2021_tab', :'f');
\set f `base64 -w0 test/fixtures/layouts/t2021_gb18030.txt`
INSERT INTO src (name, base, raw) VALUES ('t2021_gb18030', 't2021_tab', decode(:'f', 'base64'));
\set f `base64 -w0 test/fixtures/layouts/t2021_big5.txt`
INSERT INTO src (name, base, raw) VALUES ('t2021_big5', 't2021_tab', decode(:'f', 'base64'));
\set f `base64 -w0 test/fixtures/layouts/t2021_bom.txt`
INSERT INTO src (name, base, raw) VALUES ('t2021_bom', 't2021_tab', decode(:'f', 'base64'));

CREATE TEMP TABLE p AS
-- (the BOM is not part of the decoded text that positions refer to)
SELECT name, base, coalesce(doc, ltrim(convert_from(raw, 'UTF8'), U&'\FEFF')) AS doc,
       CASE WHEN raw IS NULL THEN gr.govreport_parse(doc)
            ELSE gr.govreport_parse(raw) END AS r
FROM src WHERE name NOT IN ('t2021_gb18030', 't2021_big5');
INSERT INTO p
SELECT name, base, NULL, gr.govreport_parse(raw) FROM src
WHERE name IN ('t2021_gb18030', 't2021_big5');

SELECT name, (r).format, (r).layout, (r).agency, (r).year,
       (r).new_received, (r).processed_total
FROM p ORDER BY name;

-- table cells that differ from the TAB copy (key and value), per layout
SELECT p.name,
       count(*) FILTER (WHERE t.value IS DISTINCT FROM c.value) AS differ,
       count(*) FILTER (WHERE c.row_key IS NULL) AS missing,
       count(*) AS cells
FROM p
JOIN p b ON b.name = p.base
CROSS JOIN LATERAL gr.govreport_cells(b.r) t
LEFT JOIN LATERAL (SELECT * FROM gr.govreport_cells(p.r) x
                   WHERE x.tbl = t.tbl AND x.row_key = t.row_key
                     AND x.col_key IS NOT DISTINCT FROM t.col_key LIMIT 1) c ON true
WHERE t.tbl IN ('t2', 't3', 't4') AND p.name <> p.base
GROUP BY p.name ORDER BY p.name;

-- which ones differ: the blank HTML total column (NULL, never 0) and the
-- cells of the glued table with two consistent splits
SELECT p.name, t.tbl, t.row_key, t.col_key, t.value AS tab_value, c.value
FROM p
JOIN p b ON b.name = p.base
CROSS JOIN LATERAL gr.govreport_cells(b.r) t
JOIN LATERAL (SELECT * FROM gr.govreport_cells(p.r) x
              WHERE x.tbl = t.tbl AND x.row_key = t.row_key
                AND x.col_key IS NOT DISTINCT FROM t.col_key LIMIT 1) c ON true
WHERE t.tbl IN ('t2', 't3', 't4') AND p.name <> p.base
  AND t.value IS DISTINCT FROM c.value
ORDER BY p.name, t.tbl, t.row_key, t.col_key
LIMIT 40;

-- positions refer to the text as given (decoded text for bytea input)
SELECT name, bool_and(substr(doc, c.src_start, c.src_len) = c.printed) AS at_position
FROM p, gr.govreport_cells(r) c
WHERE doc IS NOT NULL
GROUP BY name ORDER BY name;

-- what the parser says about charsets, blank cells and ambiguous splits
SELECT name, w FROM p, unnest((r).warnings) w
WHERE name IN ('t2021_gb18030', 't2021_big5', 't2021_bom', 't2021_ambiguous_glued')
   OR (name = 't2021_html_blank' AND w LIKE '%t3 granted/%')
ORDER BY name, w;

-- the rules see a blank total as indeterminate, not as a failure
SELECT name, count(v.rule) AS violations
FROM p LEFT JOIN LATERAL gr.govreport_violations(r) v ON v.kind = 'strict'
WHERE name IN ('t2021_html_blank', 't2021_ambiguous_glued', 't2021_aligned')
GROUP BY name ORDER BY name;

-- undecodable bytes: 22021 with the byte offset
\set VERBOSITY sqlstate
SELECT gr.govreport_parse('\x80e4b8ad80ff'::bytea);
\set VERBOSITY default
SELECT gr.govreport_parse(convert_to('第二十条第（一）项', 'UTF8') || '\xfffefd'::bytea);
SELECT count(*) FROM gr.govreport_parse_all(''::bytea);
