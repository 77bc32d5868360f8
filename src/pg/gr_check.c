/*
 * gr_check.c - govreport_violations(), govreport_is_consistent() and the
 * rule catalogue govreport_rules(): the reconciliation rules of the core
 * (gr_rules.h) over a govreport row.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/numeric.h"

#include "govreport.h"
#include "gr_check.h"
#include "gr_pgmem.h"
#include "gr_util.h"

/* ------------------------------------------------------------- helpers */

static void
raise_nomem(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_OUT_OF_MEMORY),
			 errmsg("out of memory"),
			 errdetail("Failed while checking the reconciliation rules of a govreport.")));
}

void
gr_pg_check(const gr_report *r, gr_violation **v, size_t *n)
{
	gr_mem		mem;
	gr_error	err;

	gr_pg_mem_init(&mem);
	memset(&err, 0, sizeof(err));
	if (gr_check(r, &mem, v, n, &err) != GR_OK)
		raise_nomem();
}

void
gr_pg_check_pair(const gr_report *prev, const gr_report *cur,
				 gr_violation **v, size_t *n)
{
	gr_mem		mem;
	gr_error	err;

	gr_pg_mem_init(&mem);
	memset(&err, 0, sizeof(err));
	if (gr_check_pair(prev, cur, &mem, v, n, &err) != GR_OK)
		raise_nomem();
}

Datum
gr_pg_dec_numeric(gr_dec v)
{
	char		buf[64];

	gr_dec_format(v, buf, sizeof(buf));
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static char *
server_str(const char *s)
{
	return gr_pg_from_utf8_lossy(s, strlen(s));
}

int
gr_pg_violation_lines(StringInfo buf, const gr_violation *v, size_t n,
					  bool strict_only, const char *prefix)
{
	int			lines = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (strict_only && v[i].kind != GR_RULE_STRICT)
			continue;
		if (buf->len > 0)
			appendStringInfoChar(buf, '\n');
		appendStringInfo(buf, "%s%s %s: %s", prefix ? prefix : "",
						 v[i].rule, server_str(v[i].scope),
						 server_str(v[i].message));
		lines++;
	}
	return lines;
}

static void
json_dec(StringInfo buf, bool has, gr_dec v)
{
	char		d[64];

	if (!has)
	{
		appendStringInfoString(buf, "null");
		return;
	}
	gr_dec_format(v, d, sizeof(d));
	appendStringInfoString(buf, d);
}

char *
gr_pg_violations_json(const gr_violation *v, size_t n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoString(&buf, "{\"rule\": ");
		escape_json(&buf, v[i].rule);
		appendStringInfoString(&buf, ", \"kind\": ");
		escape_json(&buf, gr_rule_kind_name(v[i].kind));
		appendStringInfoString(&buf, ", \"scope\": ");
		escape_json(&buf, server_str(v[i].scope));
		appendStringInfoString(&buf, ", \"lhs\": ");
		json_dec(&buf, v[i].has_lhs, v[i].lhs);
		appendStringInfoString(&buf, ", \"rhs\": ");
		json_dec(&buf, v[i].has_rhs, v[i].rhs);
		appendStringInfoString(&buf, ", \"message\": ");
		escape_json(&buf, server_str(v[i].message));
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, ']');
	return buf.data;
}

/* The violations of r into the materialized result of fcinfo. */
static void
put_violations(FunctionCallInfo fcinfo, const gr_violation *v, size_t n)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	for (size_t i = 0; i < n; i++)
	{
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = CStringGetTextDatum(v[i].rule);
		values[1] = CStringGetTextDatum(gr_rule_kind_name(v[i].kind));
		values[2] = CStringGetTextDatum(server_str(v[i].scope));
		if (v[i].has_lhs)
			values[3] = gr_pg_dec_numeric(v[i].lhs);
		else
			nulls[3] = true;
		if (v[i].has_rhs)
			values[4] = gr_pg_dec_numeric(v[i].rhs);
		else
			nulls[4] = true;
		values[5] = CStringGetTextDatum(server_str(v[i].message));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* ------------------------------------------------------------ functions */

PG_FUNCTION_INFO_V1(govreport_violations);

/*
 * govreport_violations(r govreport)
 *   RETURNS TABLE(rule text, kind text, scope text, lhs numeric,
 *                 rhs numeric, message text)
 *
 * Every failing rule of domain.md section 4 that applies to the report's
 * format, in rule order.
 */
Datum
govreport_violations(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	gr_report	r;
	gr_violation *v;
	size_t		n;

	InitMaterializedSRF(fcinfo, 0);
	gr_pg_report_from_datum(rec, &r);
	gr_pg_check(&r, &v, &n);
	put_violations(fcinfo, v, n);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(govreport_violations_pair);

/*
 * govreport_violations(prev govreport, cur govreport) RETURNS TABLE(...)
 *
 * The cross-year rules R11, R12, R13 between the previous year's report
 * and this year's report of the same body.
 */
Datum
govreport_violations_pair(PG_FUNCTION_ARGS)
{
	HeapTupleHeader prec = PG_GETARG_HEAPTUPLEHEADER(0);
	HeapTupleHeader crec = PG_GETARG_HEAPTUPLEHEADER(1);
	gr_report	prev,
				cur;
	gr_violation *v;
	size_t		n;

	InitMaterializedSRF(fcinfo, 0);
	gr_pg_report_from_datum(prec, &prev);
	gr_pg_report_from_datum(crec, &cur);
	gr_pg_check_pair(&prev, &cur, &v, &n);
	put_violations(fcinfo, v, n);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(govreport_is_consistent);

/*
 * govreport_is_consistent(r govreport) RETURNS boolean
 *
 * False when any strict rule fails.  A rule with a blank operand is
 * indeterminate and does not count, so a report of blank cells is
 * consistent (made for CHECK constraints).
 */
Datum
govreport_is_consistent(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	gr_report	r;
	gr_violation *v;
	size_t		n;

	gr_pg_report_from_datum(rec, &r);
	gr_pg_check(&r, &v, &n);
	PG_RETURN_BOOL(gr_violations_consistent(v, n));
}

PG_FUNCTION_INFO_V1(govreport_rules);

/*
 * govreport_rules()
 *   RETURNS TABLE(id text, kind text, formats text[], formula text,
 *                 description_zh text, description_en text,
 *                 cross_year boolean, evaluated boolean)
 */
Datum
govreport_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	size_t		n;
	const gr_rule *rules = gr_rules(&n);

	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < n; i++)
	{
		Datum		values[8];
		bool		nulls[8] = {false, false, false, false, false, false, false, false};
		Datum		fmts[8];
		int			nf = 0;
		const gr_format order[] = {
			GR_FMT_TEMPLATE_2021, GR_FMT_TEMPLATE_2019,
			GR_FMT_STATS_PRE2019, GR_FMT_NARRATIVE
		};

		for (size_t f = 0; f < lengthof(order); f++)
			if (rules[i].formats & GR_FMT_BIT(order[f]))
				fmts[nf++] = CStringGetTextDatum(gr_format_name(order[f]));
		values[0] = CStringGetTextDatum(rules[i].id);
		values[1] = CStringGetTextDatum(gr_rule_kind_name(rules[i].kind));
		values[2] = PointerGetDatum(construct_array(fmts, nf, TEXTOID, -1, false,
													TYPALIGN_INT));
		values[3] = CStringGetTextDatum(server_str(rules[i].formula));
		values[4] = CStringGetTextDatum(server_str(rules[i].description_zh));
		values[5] = CStringGetTextDatum(server_str(rules[i].description_en));
		values[6] = BoolGetDatum(rules[i].cross_year);
		values[7] = BoolGetDatum(rules[i].evaluated);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
