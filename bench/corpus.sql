-- bench/corpus.sql - what bench.sql and costs.sql start with: session
-- settings, the extension in schema gr, and the generated corpus in table
-- docs.  psql variable: docs (COPY file from bench/gen.py).
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET govreport.max_input_bytes = '1000MB';

CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr;

CREATE TABLE docs (
	id      int PRIMARY KEY,
	kind    text NOT NULL,
	format  text NOT NULL,
	layout  text NOT NULL,
	nr      bigint,
	pt      bigint,
	doc     text NOT NULL
);
\set copycmd '\\copy docs FROM ' :'docs'
:copycmd
VACUUM ANALYZE docs;
