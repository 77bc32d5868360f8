/*
 * gr_srf.c - govreport_cells() and govreport_dispositions(), and reading a
 * govreport row back into the core's gr_report.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "govreport.h"
#include "gr_pgmem.h"

/*
 * Table 3 outcome rows in template order (domain.md 2.1 and 2.8): the one
 * list of disposition keys.  The key is "group" or "group.reason".
 */
#define GR_T3_2019 0x01
#define GR_T3_2021 0x02
#define GR_T3_BOTH (GR_T3_2019 | GR_T3_2021)

typedef struct GrOutcomeRow
{
	const char *key;
	int			formats;
} GrOutcomeRow;

static const GrOutcomeRow t3_outcomes[] = {
	{"granted", GR_T3_BOTH},
	{"partially_granted", GR_T3_BOTH},
	{"denied.state_secret", GR_T3_BOTH},
	{"denied.law_prohibited", GR_T3_BOTH},
	{"denied.security_stability", GR_T3_BOTH},
	{"denied.third_party_rights", GR_T3_BOTH},
	{"denied.internal_affairs", GR_T3_BOTH},
	{"denied.process_info", GR_T3_BOTH},
	{"denied.enforcement_file", GR_T3_BOTH},
	{"denied.admin_query", GR_T3_BOTH},
	{"unable.not_held", GR_T3_BOTH},
	{"unable.needs_creation", GR_T3_BOTH},
	{"unable.unclear_after_correction", GR_T3_BOTH},
	{"not_processed.petition_complaint", GR_T3_BOTH},
	{"not_processed.repeat", GR_T3_BOTH},
	{"not_processed.publication", GR_T3_BOTH},
	{"not_processed.excessive", GR_T3_BOTH},
	{"not_processed.confirm_reissue", GR_T3_BOTH},
	{"other", GR_T3_2019},
	{"other.no_correction", GR_T3_2021},
	{"other.fee_unpaid", GR_T3_2021},
	{"other.other", GR_T3_2021},
};

/* The six applicant columns of table 3 (the printed total is not one). */
static const char *const t3_applicants[] = {
	"natural_person",
	"commercial_enterprise",
	"research_institution",
	"social_welfare_org",
	"legal_service_org",
	"other_org",
};

/*
 * Deform a composite datum with the descriptor of its own type (which may
 * have more attributes than this code knows).  Returns the descriptor,
 * pinned: the caller releases it with ReleaseTupleDesc.
 */
static TupleDesc
deform_composite(HeapTupleHeader rec, Datum **values, bool **nulls)
{
	TupleDesc	td;
	HeapTupleData tuple;

	td = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(rec),
								HeapTupleHeaderGetTypMod(rec));
	tuple.t_len = HeapTupleHeaderGetDatumLength(rec);
	ItemPointerSetInvalid(&(tuple.t_self));
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = rec;

	*values = palloc(sizeof(Datum) * td->natts);
	*nulls = palloc(sizeof(bool) * td->natts);
	heap_deform_tuple(&tuple, td, *values, *nulls);
	return td;
}

/* Attribute name of type typid present and not NULL: its number, else -1. */
static int
att_present(TupleDesc td, const bool *nulls, const char *name, Oid typid)
{
	int			a = gr_pg_attnum(td, name);

	if (a < 0 || nulls[a])
		return -1;
	if (typid != InvalidOid && TupleDescAttr(td, a)->atttypid != typid)
		elog(ERROR, "attribute \"%s\" of a govreport row has type %u, expected %u",
			 name, TupleDescAttr(td, a)->atttypid, typid);
	return a;
}

/* A text datum as a palloc'd UTF-8 C string. */
static char *
text_utf8(Datum d)
{
	text	   *t = DatumGetTextPP(d);
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *s = pg_server_to_any(VARDATA_ANY(t), len, PG_UTF8);

	if (s == VARDATA_ANY(t))
		return pnstrdup(s, len);
	return s;
}

/*
 * The key strings of one cells array, each kept once: a report repeats a
 * few hundred keys over its cells, and equal keys that share one pointer
 * compare without strcmp in the rules (and cost one copy, not one per cell).
 * The table lives as long as the backend and is never cleared: an entry
 * counts only while reading the array whose generation it carries.
 */
#define KEY_INTERN_SIZE 1024	/* power of two, > distinct keys of a report */

typedef struct key_intern_entry
{
	const char *raw;			/* bytes as stored (server encoding) */
	int			len;
	char	   *utf8;
	uint64		gen;
} key_intern_entry;

static key_intern_entry key_intern[KEY_INTERN_SIZE];
static uint64 key_intern_gen;

static char *
intern_key(Datum d)
{
	text	   *t = DatumGetTextPP(d);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	uint64		h = 0x243F6A8885A308D3u;
	uint64		w;
	int			i;

	/* eight bytes at a time: keys are 2 to 40 bytes */
	for (i = 0; i + 8 <= len; i += 8)
	{
		memcpy(&w, s + i, 8);
		h = (h ^ w) * UINT64CONST(0x9E3779B97F4A7C15);
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s + i, len - i);
	h = (h ^ w ^ ((uint64) len << 56)) * UINT64CONST(0x9E3779B97F4A7C15);
	h ^= h >> 32;
	for (int probe = 0; probe < 16; probe++)
	{
		key_intern_entry *e = &key_intern[(h + (uint64) probe) & (KEY_INTERN_SIZE - 1)];

		if (e->gen != key_intern_gen)
		{
			e->raw = s;			/* points into the array, alive meanwhile */
			e->len = len;
			e->utf8 = text_utf8(d);
			e->gen = key_intern_gen;
			return e->utf8;
		}
		if (e->len == len && memcmp(e->raw, s, len) == 0)
			return e->utf8;
	}
	return text_utf8(d);		/* a crowded table: no interning */
}

/*
 * Exact value of a canonical decimal string ("-5", "32694.3253") into
 * num/num_ok, is_int/ival and decimals.
 */
static void
cell_number(gr_cell *c)
{
	const char *s = c->value;
	bool		neg = false;
	bool		ok = true;
	int			frac = -1;
	int			printed_frac = 0;
	gr_dec		v = 0;
	const gr_dec one = 1000000;	/* 10^GR_DEC_SCALE */

	StaticAssertStmt(GR_DEC_SCALE == 6, "one is 10^GR_DEC_SCALE");

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (*s < '0' || *s > '9')
		ok = false;
	for (; ok && *s; s++)
	{
		if (*s == '.')
		{
			if (frac >= 0)
				ok = false;
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
		{
			ok = false;
			break;
		}
		if (frac >= 0)
		{
			printed_frac++;
			if (frac >= GR_DEC_SCALE)
			{
				if (*s != '0')
					ok = false;		/* finer than the fixed point holds */
				continue;
			}
			frac++;
		}
		if (__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, *s - '0', &v))
			ok = false;
	}
	for (int k = frac < 0 ? 0 : frac; ok && k < GR_DEC_SCALE; k++)
		if (__builtin_mul_overflow(v, 10, &v))
			ok = false;
	if (neg)
		v = -v;

	c->num_ok = ok;
	c->num = ok ? v : 0;
	c->decimals = printed_frac;
	c->is_int = ok && v % one == 0 &&
		v / one >= PG_INT64_MIN && v / one <= PG_INT64_MAX;
	c->ival = c->is_int ? (int64_t) (v / one) : 0;
	if (!ok)
		c->flags |= GR_CELL_OVERFLOW;
}

/* Room for n cells, zeroed and 16-byte aligned for gr_dec. */
static gr_cell *
alloc_cells(size_t n)
{
	gr_mem		mem;
	gr_cell    *cells;

	gr_pg_mem_init(&mem);
	cells = mem.alloc(mem.ctx, sizeof(gr_cell) * Max(n, 1));
	if (cells == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	return cells;
}

/* Read the cells array into out->cells. */
static void
read_cells(Datum arrd, gr_report *out)
{
	ArrayType  *arr = DatumGetArrayTypeP(arrd);
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *enulls;
	int			n;
	TupleDesc	ctd;
	int			a_tbl,
				a_row,
				a_col,
				a_value,
				a_start,
				a_len;
	Datum	   *cv;
	bool	   *cn;

	if (!type_is_rowtype(elemtype))
		elog(ERROR, "cells attribute of govreport is not an array of a row type");
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign,
					  &elems, &enulls, &n);

	out->cells = alloc_cells((size_t) n);
	out->ncells = 0;

	ctd = lookup_rowtype_tupdesc(elemtype, -1);
	a_tbl = gr_pg_attnum(ctd, "tbl");
	a_row = gr_pg_attnum(ctd, "row_key");
	a_col = gr_pg_attnum(ctd, "col_key");
	a_value = gr_pg_attnum(ctd, "value");
	a_start = gr_pg_attnum(ctd, "src_start");
	a_len = gr_pg_attnum(ctd, "src_len");
	if (a_value >= 0 && TupleDescAttr(ctd, a_value)->atttypid != NUMERICOID)
		elog(ERROR, "value attribute of govreport_cell is not numeric");
	key_intern_gen++;			/* entries of earlier arrays no longer count */
	cv = palloc(sizeof(Datum) * ctd->natts);
	cn = palloc(sizeof(bool) * ctd->natts);

	for (int i = 0; i < n; i++)
	{
		HeapTupleHeader erec;
		HeapTupleData tuple;
		gr_cell    *c;

		if (enulls[i])
			continue;
		if ((i & 255) == 255)
			CHECK_FOR_INTERRUPTS();

		erec = DatumGetHeapTupleHeader(elems[i]);
		tuple.t_len = HeapTupleHeaderGetDatumLength(erec);
		ItemPointerSetInvalid(&(tuple.t_self));
		tuple.t_tableOid = InvalidOid;
		tuple.t_data = erec;
		heap_deform_tuple(&tuple, ctd, cv, cn);

		c = &out->cells[out->ncells++];
		if (a_tbl >= 0 && !cn[a_tbl])
			c->tbl = intern_key(cv[a_tbl]);
		if (a_row >= 0 && !cn[a_row])
			c->row_key = intern_key(cv[a_row]);
		if (a_col >= 0 && !cn[a_col])
			c->col_key = intern_key(cv[a_col]);
		if (a_value >= 0 && !cn[a_value])
		{
			c->has_value = true;
			c->value = DatumGetCString(DirectFunctionCall1(numeric_out, cv[a_value]));
			cell_number(c);
		}
		if (a_start >= 0 && !cn[a_start])
			c->char_start = (size_t) Max(DatumGetInt32(cv[a_start]), 0);
		if (a_len >= 0 && !cn[a_len])
			c->char_len = (size_t) Max(DatumGetInt32(cv[a_len]), 0);
	}
	pfree(cv);
	pfree(cn);
	ReleaseTupleDesc(ctd);
}

/* Format or layout enum value from its name, via the core's names. */
static int
enum_by_name(const char *name, const char *(*namefn) (int))
{
	for (int v = 1; v < 64; v++)
	{
		const char *n = namefn(v);

		if (n != NULL && strcmp(n, name) == 0)
			return v;
	}
	return 0;
}

static const char *
format_name(int v)
{
	return gr_format_name((gr_format) v);
}

static const char *
layout_name(int v)
{
	return gr_layout_name((gr_layout) v);
}

void
gr_pg_report_from_datum(HeapTupleHeader rec, gr_report *out)
{
	Datum	   *values;
	bool	   *nulls;
	TupleDesc	td = deform_composite(rec, &values, &nulls);
	int			a;

	memset(out, 0, sizeof(*out));

	if ((a = att_present(td, nulls, "agency", TEXTOID)) >= 0)
		out->agency = text_utf8(values[a]);
	if ((a = att_present(td, nulls, "year", INT4OID)) >= 0)
		out->year = DatumGetInt32(values[a]);
	if ((a = att_present(td, nulls, "format", TEXTOID)) >= 0)
		out->format = (gr_format) enum_by_name(TextDatumGetCString(values[a]),
											   format_name);
	if ((a = att_present(td, nulls, "layout", TEXTOID)) >= 0)
		out->layout = (gr_layout) enum_by_name(TextDatumGetCString(values[a]),
											   layout_name);
#define READ_I64(field) \
	if ((a = att_present(td, nulls, #field, INT8OID)) >= 0) \
	{ \
		out->field.present = true; \
		out->field.v = DatumGetInt64(values[a]); \
	}
	READ_I64(new_received);
	READ_I64(carried_over);
	READ_I64(processed_total);
	READ_I64(carried_forward);
#undef READ_I64

	if ((a = att_present(td, nulls, "cells", InvalidOid)) >= 0)
		read_cells(values[a], out);
	if ((a = att_present(td, nulls, "warnings", TEXTARRAYOID)) >= 0)
	{
		Datum	   *w;
		bool	   *wn;
		int			nw;

		deconstruct_array(DatumGetArrayTypeP(values[a]), TEXTOID, -1, false,
						  TYPALIGN_INT, &w, &wn, &nw);
		out->warnings = palloc0(sizeof(char *) * Max(nw, 1));
		for (int i = 0; i < nw; i++)
			if (!wn[i])
				out->warnings[out->nwarnings++] = text_utf8(w[i]);
	}
	ReleaseTupleDesc(td);
}

/*
 * Is s what numeric_out prints for numeric_in(s)?  -?(0|[1-9][0-9]*)(.[0-9]+)?
 * and no negative zero: numeric_in keeps the digits after the point as the
 * display scale, and numeric_out prints no sign for zero.
 */
static bool
numeric_canonical(const char *s)
{
	bool		neg = (*s == '-');
	bool		nonzero = false;

	if (neg)
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
	{
		nonzero = true;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	else
		return false;
	if (*s == '.')
	{
		if (*++s < '0' || *s > '9')
			return false;
		for (; *s >= '0' && *s <= '9'; s++)
			nonzero |= (*s != '0');
	}
	return *s == '\0' && (!neg || nonzero);
}

/* Does tupdesc have a live attribute name of type typid? */
static bool
has_att(TupleDesc tupdesc, const char *name, Oid typid)
{
	int			a = gr_pg_attnum(tupdesc, name);

	return a >= 0 && TupleDescAttr(tupdesc, a)->atttypid == typid;
}

bool
gr_pg_report_as_stored(const gr_report *r, TupleDesc reptd, gr_report *out)
{
	int			a;
	Oid			elemtype;
	TupleDesc	ctd;
	bool		usual;

	/* the row types as this extension creates them, nothing else */
	a = gr_pg_attnum(reptd, "cells");
	if (a < 0 || !has_att(reptd, "year", INT4OID) ||
		!has_att(reptd, "format", TEXTOID) || !has_att(reptd, "layout", TEXTOID) ||
		!has_att(reptd, "new_received", INT8OID) ||
		!has_att(reptd, "carried_over", INT8OID) ||
		!has_att(reptd, "processed_total", INT8OID) ||
		!has_att(reptd, "carried_forward", INT8OID))
		return false;
	elemtype = get_element_type(TupleDescAttr(reptd, a)->atttypid);
	if (!OidIsValid(elemtype) || !type_is_rowtype(elemtype))
		return false;
	ctd = lookup_rowtype_tupdesc(elemtype, -1);
	usual = has_att(ctd, "tbl", TEXTOID) && has_att(ctd, "row_key", TEXTOID) &&
		has_att(ctd, "col_key", TEXTOID) && has_att(ctd, "value", NUMERICOID);
	ReleaseTupleDesc(ctd);
	if (!usual)
		return false;
	memset(out, 0, sizeof(*out));
	out->agency = r->agency;
	out->year = r->year;
	out->format = gr_format_name(r->format) ? r->format : GR_FMT_UNKNOWN;
	out->layout = gr_layout_name(r->layout) ? r->layout : GR_LAYOUT_UNKNOWN;
	out->new_received = r->new_received;
	out->carried_over = r->carried_over;
	out->processed_total = r->processed_total;
	out->carried_forward = r->carried_forward;
	out->warnings = r->warnings;
	out->nwarnings = r->nwarnings;
	out->cells = alloc_cells(r->ncells);
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *in = &r->cells[i];
		gr_cell    *c = &out->cells[out->ncells++];

		/*
		 * What the cell element stores: keys and value.  Positions are the
		 * core's (the row may hold ones counted later); no rule reads them.
		 */
		c->tbl = in->tbl;
		c->row_key = in->row_key;
		c->col_key = in->col_key;
		c->char_start = in->char_start;
		c->char_len = in->char_len;
		if (in->has_value && in->value != NULL)
		{
			if (!numeric_canonical(in->value))
				return false;
			c->has_value = true;
			c->value = in->value;
			cell_number(c);
			/* an integer cell is stored from ival (cell_numeric) */
			if (in->is_int && strchr(in->value, '.') == NULL &&
				(!c->is_int || c->ival != in->ival))
				return false;
		}
	}
	return true;
}

PG_FUNCTION_INFO_V1(govreport_cells);

/*
 * govreport_cells(r govreport) RETURNS SETOF govreport_cell
 *
 * The elements of r.cells as rows; attributes are matched by name, so the
 * stored row type may have more attributes than the result.
 */
Datum
govreport_cells(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	rdesc;
	Datum	   *values;
	bool	   *nulls;
	TupleDesc	td;
	int			a;

	InitMaterializedSRF(fcinfo, 0);
	rdesc = rsinfo->setDesc;

	td = deform_composite(rec, &values, &nulls);
	a = att_present(td, nulls, "cells", InvalidOid);
	if (a >= 0)
	{
		ArrayType  *arr = DatumGetArrayTypeP(values[a]);
		Oid			elemtype = ARR_ELEMTYPE(arr);
		int16		typlen;
		bool		typbyval;
		char		typalign;
		Datum	   *elems;
		bool	   *enulls;
		int			n;
		TupleDesc	ctd;
		int		   *map;
		Datum	   *cv;
		bool	   *cn;
		Datum	   *ov;
		bool	   *on;

		if (!type_is_rowtype(elemtype))
			elog(ERROR, "cells attribute of govreport is not an array of a row type");
		get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
		deconstruct_array(arr, elemtype, typlen, typbyval, typalign,
						  &elems, &enulls, &n);

		ctd = lookup_rowtype_tupdesc(elemtype, -1);
		map = palloc(sizeof(int) * rdesc->natts);
		for (int j = 0; j < rdesc->natts; j++)
		{
			Form_pg_attribute ra = TupleDescAttr(rdesc, j);

			map[j] = ra->attisdropped ? -1 : gr_pg_attnum(ctd, NameStr(ra->attname));
			if (map[j] >= 0 && TupleDescAttr(ctd, map[j])->atttypid != ra->atttypid)
				elog(ERROR, "attribute \"%s\" of govreport_cell has an unexpected type",
					 NameStr(ra->attname));
		}
		cv = palloc(sizeof(Datum) * ctd->natts);
		cn = palloc(sizeof(bool) * ctd->natts);
		ov = palloc(sizeof(Datum) * rdesc->natts);
		on = palloc(sizeof(bool) * rdesc->natts);

		for (int i = 0; i < n; i++)
		{
			HeapTupleHeader erec;
			HeapTupleData tuple;

			CHECK_FOR_INTERRUPTS();
			if (enulls[i])
				continue;
			erec = DatumGetHeapTupleHeader(elems[i]);
			tuple.t_len = HeapTupleHeaderGetDatumLength(erec);
			ItemPointerSetInvalid(&(tuple.t_self));
			tuple.t_tableOid = InvalidOid;
			tuple.t_data = erec;
			heap_deform_tuple(&tuple, ctd, cv, cn);
			for (int j = 0; j < rdesc->natts; j++)
			{
				on[j] = map[j] < 0 || cn[map[j]];
				ov[j] = on[j] ? (Datum) 0 : cv[map[j]];
			}
			tuplestore_putvalues(rsinfo->setResult, rdesc, ov, on);
		}
		ReleaseTupleDesc(ctd);
	}
	ReleaseTupleDesc(td);
	return (Datum) 0;
}

/* Count of a cell: NULL (false) when missing, blank or not an exact bigint. */
static bool
cell_count(const gr_cell *c, int64 *count)
{
	if (c == NULL || !c->has_value || !c->is_int)
		return false;
	*count = c->ival;
	return true;
}

/*
 * Append one disposition row.  key is "group" or "group.reason" (keylen
 * bytes); the group is the part before the first dot.
 */
static void
put_disposition(ReturnSetInfo *rsinfo, const char *applicant,
				const char *key, const gr_cell *c)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	const char *dot = strchr(key, '.');
	int64		count;

	CHECK_FOR_INTERRUPTS();
	values[0] = CStringGetTextDatum(applicant);
	if (dot != NULL)
	{
		values[1] = PointerGetDatum(cstring_to_text_with_len(key, dot - key));
		values[2] = CStringGetTextDatum(dot + 1);
	}
	else
	{
		values[1] = CStringGetTextDatum(key);
		nulls[2] = true;
	}
	if (cell_count(c, &count))
		values[3] = Int64GetDatum(count);
	else
		nulls[3] = true;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* Table-3 dispositions of a template report: outcome rows x applicants. */
static void
template_dispositions(ReturnSetInfo *rsinfo, const gr_report *r, int format)
{
	for (size_t o = 0; o < lengthof(t3_outcomes); o++)
	{
		if ((t3_outcomes[o].formats & format) == 0)
			continue;
		for (size_t a = 0; a < lengthof(t3_applicants); a++)
			put_disposition(rsinfo, t3_applicants[a], t3_outcomes[o].key,
							gr_report_find(r, "t3", t3_outcomes[o].key,
									  t3_applicants[a]));
	}
}

/* Does a cell of table tbl break the key down ("key.something")? */
static bool
has_breakdown(const gr_report *r, const char *tbl, const char *key)
{
	size_t		klen = strlen(key);

	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];

		if (c->tbl && c->row_key && strcmp(c->tbl, tbl) == 0 &&
			strncmp(c->row_key, key, klen) == 0 && c->row_key[klen] == '.' &&
			strcmp(c->row_key + klen, ".pct") != 0)
			return true;
	}
	return false;
}

/*
 * Dispositions of a pre-2019 or narrative report: applicant 'all', one row
 * per cell of table tbl whose key starts with one of the prefixes; the key
 * after the prefix is "group" or "group.reason".  Percentages are no counts,
 * and a subtotal whose reasons are listed too ("denied" beside
 * "denied.state_secret") would count twice, so both are left out.
 */
static void
legacy_dispositions(ReturnSetInfo *rsinfo, const gr_report *r, const char *tbl,
					const char *const *prefixes, int nprefixes)
{
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];
		size_t		klen;

		if (c->tbl == NULL || c->row_key == NULL || strcmp(c->tbl, tbl) != 0)
			continue;
		klen = strlen(c->row_key);
		if ((c->flags & GR_CELL_PERCENT) ||
			(klen > 4 && strcmp(c->row_key + klen - 4, ".pct") == 0) ||
			has_breakdown(r, tbl, c->row_key))
			continue;
		for (int p = 0; p < nprefixes; p++)
		{
			size_t		plen = strlen(prefixes[p]);

			if (strncmp(c->row_key, prefixes[p], plen) == 0 &&
				c->row_key[plen] != '\0')
			{
				put_disposition(rsinfo, "all", c->row_key + plen, c);
				break;
			}
		}
	}
}

PG_FUNCTION_INFO_V1(govreport_dispositions);

/*
 * govreport_dispositions(r govreport)
 *   RETURNS TABLE(applicant text, outcome_group text, outcome_reason text,
 *                 count bigint)
 */
Datum
govreport_dispositions(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	gr_report	r;
	static const char *const stats_prefixes[] = {"requests.answered."};
	static const char *const narrative_prefixes[] = {"requests.answered.", "outcome."};

	InitMaterializedSRF(fcinfo, 0);
	gr_pg_report_from_datum(rec, &r);

	switch (r.format)
	{
		case GR_FMT_TEMPLATE_2019:
			template_dispositions(rsinfo, &r, GR_T3_2019);
			break;
		case GR_FMT_TEMPLATE_2021:
			template_dispositions(rsinfo, &r, GR_T3_2021);
			break;
		case GR_FMT_STATS_PRE2019:
			legacy_dispositions(rsinfo, &r, "stats", stats_prefixes,
								lengthof(stats_prefixes));
			break;
		case GR_FMT_NARRATIVE:
			legacy_dispositions(rsinfo, &r, "narrative", narrative_prefixes,
								lengthof(narrative_prefixes));
			break;
		case GR_FMT_UNKNOWN:
			break;
	}
	return (Datum) 0;
}
