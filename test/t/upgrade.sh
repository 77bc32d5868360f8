#!/usr/bin/env bash
#
# upgrade.sh - ALTER EXTENSION govreport UPDATE from the first release (0.1)
# to the current default_version, in a throwaway cluster.
#
# gr_upd: CREATE EXTENSION govreport VERSION '0.1' in schema gr (off the
#   search_path), a table of reports with a govreport_enforce trigger and a
#   CHECK constraint using gr.govreport_is_consistent, a table with only the
#   CHECK, a generated govreport column with an expression index, a view, a
#   materialized view and a govreport_sum query; rows loaded; then
#   ALTER EXTENSION govreport UPDATE.  The version must be the new one, the
#   stored rows unchanged and equal to a fresh parse, and the trigger, the
#   CHECK, the generated column, the views and the aggregate must still
#   work: a good row goes in, a bad one is rejected with SQLSTATE 23514.
# gr_new: a fresh CREATE EXTENSION govreport (current version) in schema gr.
# The extension must be the same in both: (1) every member object listed
#   from the catalogs (function definitions with COST, ROWS, volatility,
#   parallel safety; types; tables with columns, constraints, indexes,
#   policies, privileges; comments) and (2) pg_dump -s --binary-upgrade of
#   the two databases once gr_upd's own tables are dropped, which writes out
#   every member object of the extension (a plain pg_dump -s writes only
#   CREATE EXTENSION, compared too).  Only identifiers that the cluster
#   assigns (OIDs, LSNs, the \restrict key) are masked; a difference is
#   printed as a diff.
# gr_hostile: hostile look-alikes of operators, functions and types in public
#   and in gr (the shapes of sql/security.sql), public searched first, gr not
#   on the search_path; ALTER EXTENSION govreport UPDATE TO '<new>' must
#   succeed, call none of them, leave them unchanged, and give the same
#   extension as gr_new; the updated extension is then used with the same
#   search_path, and dropped without leftovers.
#
# Run from anywhere; needs the extension installed (make install) and
# pg_virtualenv (postgresql-common).  Prints "upgrade: N checks passed, M
# failed" and exits non-zero on failure.
#
set -uo pipefail
. "$(dirname "$0")/lib.sh"
t_begin upgrade
t_venv "$@"

# same_file A B: identical, else the diff (first 200 lines)
same_file() {
	cmp -s "$1" "$2" && return 0
	diff -u "$1" "$2" | head -n 200
	return 1
}

work="$(mktemp -d "${TMPDIR:-/tmp}/govreport-upgrade.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

q() { local db="$1"; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

old=0.1
new="$(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" govreport.control)"
fx=test/fixtures

# ------------------------------------------------------------- versions
check "govreport.control names a default_version" [ -n "$new" ]
check "the server has this tree's govreport.control (make install)" \
	same "$(q postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'govreport'")" "$new"
check "version $old is still installable" \
	same "$(q postgres -c "SELECT count(*) FROM pg_available_extension_versions WHERE name = 'govreport' AND version = '$old'")" "1"
check "an update path $old -> $new exists" \
	same "$(q postgres -c "SELECT path IS NOT NULL FROM pg_extension_update_paths('govreport') WHERE source = '$old' AND target = '$new'")" "t"

for db in gr_upd gr_new gr_hostile; do
	createdb -T template0 -E UTF8 "$db" || { echo "upgrade: createdb $db failed"; exit 1; }
done

# ------------------------------------------------ gr_upd: 0.1 with data
q gr_upd -v d="$(cat $fx/t2021_tab.txt)" -v b="$(cat $fx/t2019_tab.txt)" \
	-v p="$(cat $fx/t2021_pipe.txt)" -v m="$(cat $fx/t2019_md.txt)" \
	-v two="$(cat $fx/two_reports.txt)" >"$work/setup.out" 2>&1 <<EOF
SET client_min_messages = warning;
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr VERSION '$old';

-- the trigger parses raw into r and rejects inconsistent reports; the CHECK
-- holds whatever writes r
CREATE TABLE public.reports (
	id  int PRIMARY KEY,
	raw text NOT NULL,
	r   gr.govreport CONSTRAINT reports_consistent CHECK (gr.govreport_is_consistent(r))
);
CREATE TRIGGER reports_enforce BEFORE INSERT OR UPDATE ON public.reports
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r');
INSERT INTO public.reports (id, raw) VALUES (1, :'d'), (2, :'b'), (3, :'p'), (4, :'m');

-- the CHECK alone
CREATE TABLE public.checked (
	id int PRIMARY KEY,
	r  gr.govreport CONSTRAINT checked_consistent CHECK (gr.govreport_is_consistent(r))
);
INSERT INTO public.checked SELECT id, r FROM public.reports;

-- a generated column, an expression index, views
CREATE TABLE public.docs (
	id  int PRIMARY KEY,
	doc text NOT NULL,
	r   gr.govreport GENERATED ALWAYS AS (gr.govreport_parse(doc)) STORED
);
CREATE INDEX docs_new_received_idx ON public.docs (((r).new_received));
INSERT INTO public.docs VALUES (1, :'d'), (2, :'b');
CREATE VIEW public.report_cells AS
	SELECT d.id, c.* FROM public.docs d, gr.govreport_cells(d.r) c;
CREATE VIEW public.report_sum AS
	SELECT (r).format, (gr.govreport_sum(r)).new_received FROM public.reports GROUP BY 1;
CREATE MATERIALIZED VIEW public.pages AS
	SELECT p.agency, p.year, p.new_received FROM gr.govreport_parse_all(:'two') p;
EOF
rc=$?
check "gr_upd: version $old set up with tables, trigger, CHECK, views and rows" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || cat "$work/setup.out"

check "gr_upd: extension at $old before the update" \
	same "$(q gr_upd -c "SELECT extversion FROM pg_extension WHERE extname = 'govreport'")" "$old"
cost_before="$(q gr_upd -c "SELECT procost FROM pg_proc WHERE oid = 'gr.govreport_parse(text)'::regprocedure")"

# what the update must not change: the stored rows and what the views show
fingerprint() {
	q "$1" <<'EOF'
SELECT 'reports', count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM public.reports t
UNION ALL
SELECT 'checked', count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM public.checked t
UNION ALL
SELECT 'docs', count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM public.docs t
UNION ALL
SELECT 'report_cells', count(*), md5(string_agg(t::text, '|' ORDER BY id, src_start, row_key, col_key)) FROM public.report_cells t
UNION ALL
SELECT 'report_sum', count(*), md5(string_agg(t::text, '|' ORDER BY format)) FROM public.report_sum t
UNION ALL
SELECT 'pages', count(*), md5(string_agg(t::text, '|' ORDER BY year, agency)) FROM public.pages t
ORDER BY 1;
EOF
}
fp_before="$(fingerprint gr_upd)"

q gr_upd -c "ALTER EXTENSION govreport UPDATE" >"$work/update.out" 2>&1
rc=$?
check "gr_upd: ALTER EXTENSION govreport UPDATE exits 0" [ "$rc" -eq 0 ]
check "gr_upd: ALTER EXTENSION govreport UPDATE prints nothing" [ ! -s "$work/update.out" ]
[ -s "$work/update.out" ] && cat "$work/update.out"
check "gr_upd: extension at $new after the update, still in schema gr" \
	same "$(q gr_upd -c "SELECT extversion || ' ' || extnamespace::regnamespace FROM pg_extension WHERE extname = 'govreport'")" "$new gr"
check "gr_upd: stored rows and views unchanged by the update" same "$(fingerprint gr_upd)" "$fp_before"
check "gr_upd: every stored report equals a fresh parse of its text" \
	same "$(q gr_upd -c "SELECT count(*) FROM public.reports WHERE r IS DISTINCT FROM gr.govreport_parse(raw)")" "0"
check "gr_upd: the update changed the planner costs (govreport_parse(text) was COST $cost_before)" \
	[ "$(q gr_upd -c "SELECT procost <> $cost_before FROM pg_proc WHERE oid = 'gr.govreport_parse(text)'::regprocedure")" = "t" ]

# the trigger, the CHECK, the generated column and the views still work
out="$(psql -X -q -At -d gr_upd -v d="$(cat $fx/t2021_tab.txt)" 2>&1 <<'EOF'
SET client_min_messages = warning;
INSERT INTO public.reports (id, raw) VALUES (10, :'d');
\echo good_reports :SQLSTATE
INSERT INTO public.reports (id, raw) VALUES (11, replace(:'d', E'\u300052', E'\u300053'));
\echo bad_reports :SQLSTATE
INSERT INTO public.checked VALUES (10, gr.govreport_parse(:'d'));
\echo good_checked :SQLSTATE
INSERT INTO public.checked VALUES (11, gr.govreport_parse(replace(:'d', E'\u300052', E'\u300053')));
\echo bad_checked :SQLSTATE
INSERT INTO public.docs VALUES (10, :'d');
REFRESH MATERIALIZED VIEW public.pages;
SELECT 'rows', (SELECT count(*) FROM public.reports WHERE id >= 10),
	(SELECT count(*) FROM public.checked WHERE id >= 10),
	(SELECT count(*) FROM public.docs d WHERE (d.r).new_received = 1210),
	(SELECT count(*) > 0 FROM public.report_cells WHERE id = 10),
	(SELECT count(*) FROM public.report_sum),
	(SELECT count(*) FROM public.pages);
EOF
)"
check "gr_upd: a good report goes in through the trigger" \
	eval 'echo "$out" | grep -qx "good_reports 00000"'
check "gr_upd: the trigger rejects a bad report with 23514" \
	eval 'echo "$out" | grep -qx "bad_reports 23514"'
check "gr_upd: a good report passes the CHECK" \
	eval 'echo "$out" | grep -qx "good_checked 00000"'
check "gr_upd: the CHECK (gr.govreport_is_consistent) rejects a bad report with 23514" \
	eval 'echo "$out" | grep -qx "bad_checked 23514"'
check "gr_upd: the CHECK's message names checked_consistent" \
	eval 'echo "$out" | grep -q "violates check constraint \"checked_consistent\""'
check "gr_upd: generated column, index, views and the aggregate work after the update" \
	same "$(echo "$out" | grep '^rows|')" "rows|1|1|2|t|2|2"
[ "$bad" -eq 0 ] || echo "$out" | grep -v '^\(good\|bad\)_' | head -n 20

# ---------------------------------------------------- gr_new: fresh install
q gr_new -c "SET client_min_messages = warning" -c "CREATE SCHEMA gr" \
	-c "CREATE EXTENSION govreport SCHEMA gr" >"$work/new.out" 2>&1
check "gr_new: fresh CREATE EXTENSION govreport exits 0" [ $? -eq 0 ]
check "gr_new: fresh install at $new" \
	same "$(q gr_new -c "SELECT extversion FROM pg_extension WHERE extname = 'govreport'")" "$new"

# every member object of the extension, with its full definition
members() {
	q "$1" <<'EOF'
WITH m AS (
	SELECT d.classid, d.objid
	FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'govreport'
	  AND d.deptype = 'e'
)
SELECT '== ' || pg_describe_object(m.classid, m.objid, 0) || E'\n' ||
	CASE m.classid
	WHEN 'pg_proc'::regclass THEN (
		SELECT format(E'kind %s cost %s rows %s volatile %s parallel %s strict %s secdef %s leakproof %s owner %s acl %s config %s\n%s',
			p.prokind, p.procost, p.prorows, p.provolatile, p.proparallel, p.proisstrict,
			p.prosecdef, p.proleakproof, p.proowner::regrole, p.proacl, p.proconfig,
			CASE WHEN p.prokind = 'a' THEN (
				SELECT format('sfunc %s stype %s finalfunc %s combinefunc %s initcond %s',
					a.aggtransfn::regprocedure, a.aggtranstype::regtype,
					a.aggfinalfn::regprocedure, a.aggcombinefn::regprocedure, a.agginitval)
				FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
			ELSE pg_get_functiondef(p.oid) END)
		FROM pg_proc p WHERE p.oid = m.objid)
	WHEN 'pg_type'::regclass THEN (
		SELECT format('type %s owner %s acl %s attributes %s', t.typtype, t.typowner::regrole, t.typacl,
			(SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
			 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
		FROM pg_type t WHERE t.oid = m.objid)
	WHEN 'pg_class'::regclass THEN (
		SELECT format(E'relkind %s owner %s acl %s rls %s/%s\ncolumns %s\nconstraints %s\nindexes %s\npolicies %s\ncolumn comments %s',
			c.relkind, c.relowner::regrole, c.relacl, c.relrowsecurity, c.relforcerowsecurity,
			(SELECT string_agg(format('%s %s notnull %s identity %s default %s', a.attname,
					format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
					pg_get_expr(ad.adbin, ad.adrelid)), ', ' ORDER BY a.attnum)
			 FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
			(SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid), '; ' ORDER BY k.conname)
			 FROM pg_constraint k WHERE k.conrelid = c.oid),
			(SELECT string_agg(pg_get_indexdef(i.indexrelid), '; ' ORDER BY 1)
			 FROM pg_index i WHERE i.indrelid = c.oid),
			(SELECT string_agg(format('%s %s %s using %s check %s', pol.polname, pol.polcmd, pol.polpermissive,
					pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid)), '; ' ORDER BY pol.polname)
			 FROM pg_policy pol WHERE pol.polrelid = c.oid),
			(SELECT string_agg(a.attname || ': ' || col_description(c.oid, a.attnum), '; ' ORDER BY a.attnum)
			 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL))
		FROM pg_class c WHERE c.oid = m.objid)
	ELSE '' END || E'\ncomment ' ||
	COALESCE(obj_description(m.objid, m.classid::regclass::text::name), '(none)')
FROM m
UNION ALL
SELECT format('== extension %s version %s schema %s relocatable %s config %s condition %s',
	e.extname, e.extversion, e.extnamespace::regnamespace, e.extrelocatable,
	(SELECT array_agg(c::regclass::text ORDER BY c::regclass::text) FROM unnest(e.extconfig) c), e.extcondition)
FROM pg_extension e WHERE e.extname = 'govreport'
ORDER BY 1;
EOF
}

members gr_new >"$work/members_new.txt" 2>&1
members gr_upd >"$work/members_upd.txt" 2>&1
check "the catalog listing holds every function of the extension (at least 20, with COST)" \
	[ "$(grep -c '^== function ' "$work/members_new.txt")" -ge 20 \
	-a "$(grep -c ' COST [0-9]' "$work/members_new.txt")" -ge 10 ]
check "gr_upd (updated, with data) and gr_new (fresh): same extension objects and definitions" \
	same_file "$work/members_upd.txt" "$work/members_new.txt"

# pg_dump -s of two databases that hold only the extension; --binary-upgrade
# writes out every member object, which a plain dump leaves to CREATE
# EXTENSION.  Masked: what the cluster assigns (OIDs, LSNs, transaction ids,
# the \restrict key).
mask() {
	sed -E -e 's/^\\(un)?restrict .*/\\\1restrict KEY/' \
		-e "s/'[0-9]+'::pg_catalog\.oid/'OID'::pg_catalog.oid/g" \
		-e "s/^WHERE oid = '[0-9]+';$/WHERE oid = 'OID';/" \
		-e "s/(relfrozenxid|relminmxid|datfrozenxid|datminmxid) = '[0-9]+'/\1 = 'XID'/g" \
		-e "s/'\{[0-9A-F\/,]*\}'::pg_catalog\.pg_lsn\[\]/'{LSN}'::pg_catalog.pg_lsn[]/g" \
		-e "s/(binary_upgrade_create_empty_extension\('[^']*', '[^']*', [a-z]+, '[^']*', )'\{[0-9,]*\}'/\1'{OID}'/"
}
q gr_upd >"$work/drop.out" 2>&1 <<'EOF'
DROP MATERIALIZED VIEW public.pages;
DROP VIEW public.report_cells, public.report_sum;
DROP TABLE public.reports, public.checked, public.docs;
EOF
check "gr_upd: its own tables and views dropped" [ $? -eq 0 ]
for db in gr_upd gr_new; do
	pg_dump -s -d "$db" 2>"$work/$db.plain.err" | mask >"$work/$db.plain.sql"
	check "$db: pg_dump -s exits 0 and prints nothing" [ "${PIPESTATUS[0]}" -eq 0 -a ! -s "$work/$db.plain.err" ]
	pg_dump -s --binary-upgrade -d "$db" 2>"$work/$db.bu.err" | mask >"$work/$db.bu.sql"
	check "$db: pg_dump -s --binary-upgrade exits 0 and prints nothing" [ "${PIPESTATUS[0]}" -eq 0 -a ! -s "$work/$db.bu.err" ]
done
check "pg_dump -s: updated and fresh databases identical" same_file "$work/gr_upd.plain.sql" "$work/gr_new.plain.sql"
check "pg_dump -s --binary-upgrade writes out the member functions (at least 20, with COST)" \
	[ "$(grep -c '^CREATE FUNCTION gr\.' "$work/gr_new.bu.sql")" -ge 20 \
	-a "$(grep -c ' COST [0-9]' "$work/gr_new.bu.sql")" -ge 10 ]
check "pg_dump -s --binary-upgrade: updated and fresh databases identical" \
	same_file "$work/gr_upd.bu.sql" "$work/gr_new.bu.sql"

# ------------------------------- gr_hostile: the update with hostile objects
q gr_hostile >"$work/hostile.out" 2>&1 <<EOF
SET client_min_messages = warning;
CREATE SCHEMA gr;
CREATE EXTENSION govreport SCHEMA gr VERSION '$old';

CREATE TABLE public.captured (what text);
GRANT INSERT, SELECT ON public.captured TO PUBLIC;

-- plant(schema): look-alikes of built-ins and of the extension's own names
CREATE FUNCTION pg_temp.plant(s name) RETURNS void LANGUAGE plpgsql AS \$plant\$
BEGIN
	EXECUTE format(\$f\$
	CREATE FUNCTION %1\$I.hostile_note(what text) RETURNS void
	LANGUAGE sql AS 'INSERT INTO public.captured (what) VALUES (what)';
	CREATE FUNCTION %1\$I.hostile_check(what text) RETURNS boolean
	LANGUAGE sql AS 'INSERT INTO public.captured (what) VALUES (what) RETURNING true';

	-- operators: same signatures as pg_catalog's, and exact-type matches
	-- that beat pg_catalog's polymorphic ones
	CREATE FUNCTION %1\$I.hostile_eq_text(a text, b text) RETURNS boolean
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.=(text,text)');
		RETURN a OPERATOR(pg_catalog.=) b; END\$\$;
	CREATE OPERATOR %1\$I.= (LEFTARG = text, RIGHTARG = text, FUNCTION = %1\$I.hostile_eq_text);
	CREATE FUNCTION %1\$I.hostile_eq_name(a name, b name) RETURNS boolean
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.=(name,name)');
		RETURN a OPERATOR(pg_catalog.=) b; END\$\$;
	CREATE OPERATOR %1\$I.= (LEFTARG = name, RIGHTARG = name, FUNCTION = %1\$I.hostile_eq_name);
	CREATE FUNCTION %1\$I.hostile_cat_tb(a text, b bigint) RETURNS text
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.||(text,bigint)');
		RETURN a OPERATOR(pg_catalog.||) b::text; END\$\$;
	CREATE OPERATOR %1\$I.|| (LEFTARG = text, RIGHTARG = bigint, FUNCTION = %1\$I.hostile_cat_tb);
	CREATE FUNCTION %1\$I.hostile_plus_num(a numeric, b numeric) RETURNS numeric
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.+(numeric,numeric)');
		RETURN a OPERATOR(pg_catalog.+) b; END\$\$;
	CREATE OPERATOR %1\$I.+ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = %1\$I.hostile_plus_num);
	CREATE FUNCTION %1\$I.hostile_plus_i8(a bigint, b bigint) RETURNS bigint
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.+(bigint,bigint)');
		RETURN a OPERATOR(pg_catalog.+) b; END\$\$;
	CREATE OPERATOR %1\$I.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = %1\$I.hostile_plus_i8);

	-- built-in functions and types by their plain names
	CREATE FUNCTION %1\$I.format(f text) RETURNS text
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.format(text)'); RETURN f; END\$\$;
	CREATE FUNCTION %1\$I.lower(t text) RETURNS text
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.lower(text)');
		RETURN pg_catalog.lower(t); END\$\$;
	CREATE FUNCTION %1\$I.to_jsonb(r record) RETURNS jsonb
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.to_jsonb(record)'); RETURN '{}'; END\$\$;
	CREATE FUNCTION %1\$I.unnest(a text[]) RETURNS SETOF text
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.unnest(text[])');
		RETURN QUERY SELECT pg_catalog.unnest(a); END\$\$;
	CREATE FUNCTION %1\$I.clock_timestamp() RETURNS timestamptz
	LANGUAGE plpgsql AS \$\$BEGIN PERFORM %1\$I.hostile_note('%1\$s.clock_timestamp()'); RETURN pg_catalog.now(); END\$\$;
	CREATE DOMAIN %1\$I.jsonb AS pg_catalog.jsonb CHECK (%1\$I.hostile_check('%1\$s.jsonb domain'));
	CREATE DOMAIN %1\$I.bytea AS pg_catalog.bytea CHECK (%1\$I.hostile_check('%1\$s.bytea domain'));
	\$f\$, s);
END \$plant\$;

SELECT pg_temp.plant('public');
SELECT pg_temp.plant('gr');

-- look-alikes of the extension's own functions and types, in public only
-- (in gr they would clash with the members)
CREATE TYPE public.govreport AS (hostile int);
CREATE TYPE public.govreport_sum_state AS (hostile int);
CREATE FUNCTION public.govreport_parse(doc text) RETURNS public.govreport
LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_note('public.govreport_parse(text)'); RETURN NULL; END\$\$;
CREATE FUNCTION public.govreport_parse(doc bytea) RETURNS public.govreport
LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_note('public.govreport_parse(bytea)'); RETURN NULL; END\$\$;
CREATE FUNCTION public.govreport_is_consistent(r public.govreport) RETURNS boolean
LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_note('public.govreport_is_consistent'); RETURN true; END\$\$;
CREATE FUNCTION public.govreport_rules() RETURNS SETOF text
LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_note('public.govreport_rules()'); END\$\$;

-- the traps spring when called
SET search_path = public, pg_catalog;
SELECT 'a' || 1::bigint, 'x'::text = 'x'::text, format('x');
RESET search_path;
EOF
rc=$?
check "gr_hostile: version $old and hostile objects in public and gr set up" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || cat "$work/hostile.out"
check "gr_hostile: the hostile objects work (they record their calls)" \
	same "$(q gr_hostile -c "SELECT count(DISTINCT what) FROM public.captured")" "3"
q gr_hostile -c "TRUNCATE public.captured"
hostile_costs() {
	q gr_hostile -c "SELECT string_agg(p.oid::regprocedure::text || ' ' || p.procost, ', ' ORDER BY 1)
		FROM pg_proc p WHERE p.pronamespace IN ('public'::regnamespace, 'gr'::regnamespace)
		  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
		                  AND d.objid = p.oid AND d.deptype = 'e')"
}
hostile_before="$(hostile_costs)"

q gr_hostile >"$work/hostile_update.out" 2>&1 <<EOF
SET search_path = public, pg_catalog;
ALTER EXTENSION govreport UPDATE TO '$new';
EOF
rc=$?
check "gr_hostile: ALTER EXTENSION govreport UPDATE TO '$new' (public searched first) exits 0" [ "$rc" -eq 0 ]
check "gr_hostile: the update prints nothing" [ ! -s "$work/hostile_update.out" ]
[ -s "$work/hostile_update.out" ] && cat "$work/hostile_update.out"
check "gr_hostile: the update called no hostile object" \
	same "$(q gr_hostile -c "SELECT count(*) || ' ' || COALESCE(string_agg(DISTINCT what, ', '), '') FROM public.captured")" "0 "
check "gr_hostile: the hostile look-alikes are unchanged (costs)" same "$(hostile_costs)" "$hostile_before"
check "gr_hostile: extension at $new" \
	same "$(q gr_hostile -c "SELECT extversion FROM pg_extension WHERE extname = 'govreport'")" "$new"
members gr_hostile >"$work/members_hostile.txt" 2>&1
check "gr_hostile (updated among hostile objects) and gr_new (fresh): same extension objects and definitions" \
	same_file "$work/members_hostile.txt" "$work/members_new.txt"

# the updated extension in use, public still searched first
q gr_hostile -c "TRUNCATE public.captured"
out="$(q gr_hostile -v d="$(cat $fx/t2021_tab.txt)" -v b="$(cat $fx/t2019_tab.txt)" 2>&1 <<'EOF'
SET client_min_messages = warning;
SET search_path = public, pg_catalog;
CREATE TABLE public.h (id int, raw text, r gr.govreport CHECK (gr.govreport_is_consistent(r)));
CREATE TRIGGER h_enforce BEFORE INSERT ON public.h
	FOR EACH ROW EXECUTE FUNCTION gr.govreport_enforce('raw', 'r', 'quarantine');
INSERT INTO public.h (id, raw) VALUES (1, :'d'), (2, :'b'),
	(3, replace(:'d', E'\u300052', E'\u300053')), (4, 'no report here');
\o /dev/null
SELECT gr.govreport_create_analyst_schema('an');
\o
SELECT concat_ws(' ',
	(SELECT count(*) FROM public.h),
	(SELECT count(*) FROM gr.govreport_quarantine),
	(SELECT count(*) FROM gr.govreport_violations(gr.govreport_parse(convert_to(:'d', 'UTF8')))),
	(SELECT count(*) FROM gr.govreport_cells(gr.govreport_parse(:'d'))) > 0,
	(SELECT count(*) FROM gr.govreport_parse_all(:'d')),
	(SELECT count(*) FROM gr.govreport_split(:'d')),
	(SELECT count(*) FROM gr.govreport_dispositions(gr.govreport_parse(:'d'))),
	(SELECT count(*) FROM gr.govreport_rules()) > 0,
	length(gr.govreport_render(gr.govreport_parse(:'d'))) > 0,
	(SELECT (gr.govreport_sum(r)).format FROM public.h WHERE id = 1),
	(SELECT count(*) FROM gr.govreport_compare(gr.govreport_parse(:'d'), gr.govreport_parse(:'d')) WHERE diff <> 0),
	(SELECT count(*) FROM pg_catalog.pg_class
	 WHERE relnamespace OPERATOR(pg_catalog.=) 'an'::regnamespace
	   AND relname OPERATOR(pg_catalog.=) 'reports'::name));
RESET search_path;
SELECT count(*) || ' ' || COALESCE(string_agg(DISTINCT what, ', '), '') FROM public.captured;
EOF
)"
check "gr_hostile: the updated extension works with public searched first" \
	same "$(echo "$out" | sed -n 1p)" "2 2 0 t 1 1 126 t t template_2021 0 1"
check "gr_hostile: using it called no hostile object" same "$(echo "$out" | sed -n 2p)" "0 "

out="$(q gr_hostile 2>&1 <<'EOF'
SET client_min_messages = warning;
DROP SCHEMA an CASCADE;
DROP TABLE public.h;
DROP EXTENSION govreport;
SELECT count(*) FROM pg_proc WHERE pronamespace = 'gr'::regnamespace AND proname LIKE 'govreport%';
SELECT count(*) FROM pg_class WHERE relnamespace = 'gr'::regnamespace AND relname LIKE 'govreport%';
SELECT count(*) FROM pg_type WHERE typnamespace = 'gr'::regnamespace AND typname LIKE '%govreport%';
EOF
)"
check "gr_hostile: the updated extension drops without leftovers" same "$(echo "$out" | tr '\n' ' ')" "0 0 0 "

t_end
