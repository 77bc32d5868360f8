/*
 * gr_parse_fn.c - govreport_parse(text) and govreport_parse_all(text), and
 * the conversion of the core's gr_report into a govreport row.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "govreport.h"
#include "gr_errors.h"
#include "gr_pgmem.h"
#include "gr_util.h"

/* How often a cancelled parse is retried after serving a benign interrupt. */
#define GR_CANCEL_RETRIES 3

/*
 * One call of the core: text or raw bytes, one report or all of them.
 *
 * The stop callback fires for any pending interrupt, including ones that
 * CHECK_FOR_INTERRUPTS() serves without raising an error (a barrier, a
 * memory-context dump request); then the parse starts again.  For bytes,
 * *utf8 is the decoded text that printed and positions refer to.
 */
static gr_status
core_parse(const char *buf, size_t len, bool bytes, bool all,
		   gr_report **reps, size_t *n, char **utf8, size_t *ulen,
		   gr_error *err)
{
	gr_mem		mem;
	gr_options	opt;
	gr_status	st;

	gr_pg_mem_init(&mem);
	gr_pg_options_init(&opt);
	opt.utf8_checked = !bytes;	/* text: validated by the server */
	for (int attempt = 0;; attempt++)
	{
		memset(err, 0, sizeof(*err));
		*reps = NULL;
		*n = 0;
		*utf8 = NULL;
		*ulen = 0;
		if (all)
			st = bytes ?
				gr_parse_all_bytes(buf, len, &opt, &mem, utf8, ulen, reps, n, err) :
				gr_parse_all(buf, len, &opt, &mem, reps, n, err);
		else
		{
			gr_report  *one = palloc0(sizeof(gr_report));

			st = bytes ?
				gr_parse_bytes(buf, len, &opt, &mem, utf8, ulen, one, err) :
				gr_parse(buf, len, &opt, &mem, one, err);
			if (st == GR_OK)
			{
				*reps = one;
				*n = 1;
			}
		}
		if (st != GR_ERR_CANCELLED || attempt >= GR_CANCEL_RETRIES)
			break;
		CHECK_FOR_INTERRUPTS();
	}
	return st;
}

/*
 * Parse text holding exactly one report, raising the documented errors.
 */
void
gr_pg_parse_one(const GrInput *in, gr_report *out)
{
	gr_error	err;
	gr_report  *reps;
	size_t		n;
	char	   *utf8;
	size_t		ulen;
	gr_status	st;

	st = core_parse(in->buf, in->len, false, false, &reps, &n, &utf8, &ulen, &err);
	if (st != GR_OK)
		gr_pg_raise(st, &err, in);
	*out = reps[0];
}

/*
 * Parse every report of a document; returns how many (0 is not an error).
 */
size_t
gr_pg_parse_all(const GrInput *in, gr_report **out)
{
	gr_error	err;
	size_t		n;
	char	   *utf8;
	size_t		ulen;
	gr_status	st;

	st = core_parse(in->buf, in->len, false, true, out, &n, &utf8, &ulen, &err);
	if (st != GR_OK)
		gr_pg_raise(st, &err, in);
	return n;
}

/*
 * Attribute number (0-based) of the live attribute called name, or -1.
 */
int
gr_pg_attnum(TupleDesc tupdesc, const char *name)
{
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			return i;
	}
	return -1;
}

/*
 * Attribute number of name, checked to have type typid; -1 when absent.
 */
static int
attnum_typed(TupleDesc tupdesc, const char *name, Oid typid)
{
	int			i = gr_pg_attnum(tupdesc, name);

	if (i >= 0 && TupleDescAttr(tupdesc, i)->atttypid != typid)
		elog(ERROR, "attribute \"%s\" of a govreport row type has type %u, expected %u",
			 name, TupleDescAttr(tupdesc, i)->atttypid, typid);
	return i;
}

/* Core string (UTF-8) or NULL -> text datum. */
static void
set_text(Datum *values, bool *nulls, int att, const char *s)
{
	if (att < 0)
		return;
	if (s == NULL)
		return;
	values[att] = gr_pg_text_from_utf8(s, strlen(s));
	nulls[att] = false;
}

/* Optional bigint. */
static void
set_i64(Datum *values, bool *nulls, int att, gr_opt_i64 v)
{
	if (att < 0 || !v.present)
		return;
	values[att] = Int64GetDatum(v.v);
	nulls[att] = false;
}

/* 1-based character position or length as int4 (inputs stay below 1GB). */
static Datum
pos_datum(size_t v)
{
	if (v > (size_t) PG_INT32_MAX)
		elog(ERROR, "govreport cell position %zu out of range", v);
	return Int32GetDatum((int32) v);
}

/*
 * Text datums of the key strings.  The table, row and column keys are a
 * few hundred distinct strings (most of them constants of the core)
 * repeated over every cell of every report, so each is converted once per
 * backend and found again by its address.  An address alone could mislead
 * (a key the core built for an earlier parse may have been freed and its
 * memory reused for another), so the first hit of an array also compares
 * the text, which costs less than converting it; the entry then carries
 * the array's generation, and later hits in the same array (whose keys
 * all stay put while it is built) take the address alone.  The datums
 * live in key_cache_cxt; an entry that gives way leaves its datum there
 * until the context is reset, which happens only between arrays (no datum
 * of the cache is in use then) and only once it holds KEY_CACHE_MAX_BYTES:
 * memory stays bounded.
 */
#define KEY_CACHE_SIZE 1024		/* power of two, > distinct keys of a report */
#define KEY_CACHE_PROBES 8
#define KEY_CACHE_MAX_BYTES (256 * 1024)

typedef struct key_cache_entry
{
	const char *key;			/* the core's address; NULL: empty */
	const char *src;			/* a copy of its text */
	Datum		text;			/* as text in the database encoding */
	uint64		gen;			/* the array it was last confirmed in */
} key_cache_entry;

static key_cache_entry key_cache[KEY_CACHE_SIZE];
static MemoryContext key_cache_cxt;
static uint64 key_cache_gen;

/* Before an array: make the context, or empty it once it is too large. */
static void
key_cache_start(void)
{
	key_cache_gen++;
	if (key_cache_cxt == NULL)
		key_cache_cxt = AllocSetContextCreate(TopMemoryContext,
											  "govreport key texts",
											  ALLOCSET_SMALL_SIZES);
	else if (MemoryContextMemAllocated(key_cache_cxt, false) > KEY_CACHE_MAX_BYTES)
	{
		MemoryContextReset(key_cache_cxt);
		memset(key_cache, 0, sizeof(key_cache));
	}
}

static void
set_key_text(Datum *values, bool *nulls, int att, const char *s)
{
	uint32		h0,
				h;
	key_cache_entry *e = NULL;
	Datum		t;
	size_t		len;
	MemoryContext old;

	if (att < 0 || s == NULL)
		return;
	h0 = (uint32) (((uintptr_t) s >> 3) * 2654435761u) & (KEY_CACHE_SIZE - 1);
	h = h0;
	for (int probe = 0; probe < KEY_CACHE_PROBES; probe++, h = (h + 1) & (KEY_CACHE_SIZE - 1))
	{
		e = &key_cache[h];
		if (e->key == s)
		{
			/* confirmed in this array, or the same text; else reused */
			if (e->gen == key_cache_gen || strcmp(e->src, s) == 0)
			{
				e->gen = key_cache_gen;
				values[att] = e->text;
				nulls[att] = false;
				return;
			}
			break;
		}
		if (e->key == NULL)
			break;
		e = NULL;
	}
	if (e == NULL)
		e = &key_cache[h0];		/* a full neighbourhood: its first gives way */

	/* convert in the caller's context (it may raise), then keep a copy */
	len = strlen(s);
	t = gr_pg_text_from_utf8(s, len);
	old = MemoryContextSwitchTo(key_cache_cxt);
	e->key = NULL;				/* half-filled entries never match */
	e->src = pnstrdup(s, len);
	e->text = datumCopy(t, false, -1);
	e->gen = key_cache_gen;
	e->key = s;
	MemoryContextSwitchTo(old);
	values[att] = e->text;
	nulls[att] = false;
}

/*
 * The numerics 0 .. SMALL_NUMERICS - 1, made once per backend: nearly all
 * cells hold one (a report's ~180 cells made as many numerics, 2 % of a
 * parse).  heap_form_tuple copies the value into the cell, so the one
 * datum serves every cell; it lives in TopMemoryContext and is never
 * freed or written.
 */
#define SMALL_NUMERICS 1000

static Datum
small_numeric(int v)
{
	static Datum cache[SMALL_NUMERICS];

	Assert(v >= 0 && v < SMALL_NUMERICS);
	if (cache[v] == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		cache[v] = NumericGetDatum(int64_to_numeric(v));
		MemoryContextSwitchTo(old);
	}
	return cache[v];
}

/*
 * The exact value of a cell as numeric.  Integers printed without a
 * decimal point are built from their int64 (numeric_in would give the same
 * value and scale, at several times the cost).
 */
static Datum
cell_numeric(const gr_cell *c)
{
	if (c->is_int && strchr(c->value, '.') == NULL)
	{
		if (c->ival >= 0 && c->ival < SMALL_NUMERICS)
			return small_numeric((int) c->ival);
		return NumericGetDatum(int64_to_numeric(c->ival));
	}
	return DirectFunctionCall3(numeric_in, CStringGetDatum(c->value),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * The cells of r as an array of the element type of the cells attribute.
 *
 * When the core leaves char_start at 0 the position is counted here from
 * the byte offset; cells come in document order, so counting resumes from
 * the previous cell.
 */
static Datum
cells_array(const gr_report *r, const GrInput *in, Oid arraytype)
{
	Oid			elemtype = get_element_type(arraytype);
	TupleDesc	ctd;
	int			a_tbl,
				a_row,
				a_col,
				a_value,
				a_printed,
				a_start,
				a_len;
	Datum	   *elems;
	Datum	   *cv;
	bool	   *cn;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	ArrayType  *arr;
	size_t		pos_byte = 0;
	size_t		pos_char = 0;
	bool		utf8_db = GetDatabaseEncoding() == PG_UTF8;
	size_t		printed_cap = 64;
	text	   *printed = palloc(VARHDRSZ + printed_cap);

	if (!OidIsValid(elemtype) || !type_is_rowtype(elemtype))
		elog(ERROR, "cells attribute of govreport is not an array of a row type");
	if (r->ncells > (size_t) MaxAllocSize / sizeof(Datum))
		elog(ERROR, "too many govreport cells: %zu", r->ncells);

	ctd = lookup_rowtype_tupdesc(elemtype, -1);
	a_tbl = attnum_typed(ctd, "tbl", TEXTOID);
	a_row = attnum_typed(ctd, "row_key", TEXTOID);
	a_col = attnum_typed(ctd, "col_key", TEXTOID);
	a_value = attnum_typed(ctd, "value", NUMERICOID);
	a_printed = attnum_typed(ctd, "printed", TEXTOID);
	a_start = attnum_typed(ctd, "src_start", INT4OID);
	a_len = attnum_typed(ctd, "src_len", INT4OID);

	key_cache_start();
	elems = palloc(sizeof(Datum) * Max(r->ncells, 1));
	cv = palloc(sizeof(Datum) * ctd->natts);
	cn = palloc(sizeof(bool) * ctd->natts);

	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];
		HeapTuple	tup;

		if ((i & 255) == 255)
			CHECK_FOR_INTERRUPTS();

		memset(cv, 0, sizeof(Datum) * ctd->natts);
		memset(cn, true, sizeof(bool) * ctd->natts);

		set_key_text(cv, cn, a_tbl, c->tbl);
		set_key_text(cv, cn, a_row, c->row_key);
		set_key_text(cv, cn, a_col, c->col_key);
		if (a_value >= 0 && c->has_value && c->value != NULL)
		{
			cv[a_value] = cell_numeric(c);
			cn[a_value] = false;
		}
		if (c->off > in->len || c->len > in->len - c->off)
			elog(ERROR, "govreport cell %s/%s at byte %zu+%zu is outside the input of %zu bytes",
				 c->row_key ? c->row_key : "?", c->col_key ? c->col_key : "",
				 (size_t) c->off, (size_t) c->len, in->len);
		if (a_printed >= 0)
		{
			if (utf8_db)
			{
				/*
				 * The text straight from the input into one buffer that
				 * every cell reuses (heap_form_tuple copies it): no palloc
				 * per cell.  in->buf is valid UTF-8 (a text datum, or bytes
				 * the core decoded and checked), so a span that starts and
				 * ends on character boundaries is too; any other span gets
				 * the full check, which raises the encoding error.
				 */
				if (c->len > printed_cap)
				{
					printed_cap = Max(c->len, Min(2 * printed_cap, MaxAllocSize - VARHDRSZ));
					printed = repalloc(printed, VARHDRSZ + printed_cap);
				}
				if (c->len > 0 &&
					((((unsigned char) in->buf[c->off] & 0xC0) == 0x80) ||
					 (c->off + c->len < in->len &&
					  ((unsigned char) in->buf[c->off + c->len] & 0xC0) == 0x80)))
					(void) pg_verify_mbstr(PG_UTF8, in->buf + c->off, (int) c->len, false);
				SET_VARSIZE(printed, VARHDRSZ + c->len);
				memcpy(VARDATA(printed), in->buf + c->off, c->len);
				cv[a_printed] = PointerGetDatum(printed);
			}
			else
				cv[a_printed] = gr_pg_text_from_utf8(in->buf + c->off, c->len);
			cn[a_printed] = false;
		}
		if (a_start >= 0 || a_len >= 0)
		{
			size_t		start = c->char_start;
			size_t		clen = c->char_len;

			if (start == 0)
			{
				/* not filled by the core: count characters */
				if (c->off < pos_byte)
					pos_byte = pos_char = 0;
				pos_char += gr_utf8_chars(in->buf + pos_byte, c->off - pos_byte);
				pos_byte = c->off;
				start = pos_char + 1;
				clen = gr_utf8_chars(in->buf + c->off, c->len);
			}
			if (a_start >= 0)
			{
				cv[a_start] = pos_datum(start);
				cn[a_start] = false;
			}
			if (a_len >= 0)
			{
				cv[a_len] = pos_datum(clen);
				cn[a_len] = false;
			}
		}

		tup = heap_form_tuple(ctd, cv, cn);
		elems[i] = HeapTupleGetDatum(tup);
	}

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	if (r->ncells == 0)
		arr = construct_empty_array(elemtype);
	else
		arr = construct_array(elems, (int) r->ncells, elemtype,
							  typlen, typbyval, typalign);
	ReleaseTupleDesc(ctd);
	pfree(printed);
	return PointerGetDatum(arr);
}

/* The warnings as text[]; an empty array, not NULL, when there are none. */
static Datum
warnings_array(const gr_report *r)
{
	Datum	   *elems;

	if (r->nwarnings == 0)
		return PointerGetDatum(construct_empty_array(TEXTOID));
	if (r->nwarnings > (size_t) MaxAllocSize / sizeof(Datum))
		elog(ERROR, "too many govreport warnings: %zu", r->nwarnings);
	elems = palloc(sizeof(Datum) * r->nwarnings);
	for (size_t i = 0; i < r->nwarnings; i++)
	{
		const char *w = r->warnings[i] ? r->warnings[i] : "";

		elems[i] = CStringGetTextDatum(gr_pg_from_utf8_lossy(w, strlen(w)));
	}
	return PointerGetDatum(construct_array(elems, (int) r->nwarnings, TEXTOID,
										   -1, false, TYPALIGN_INT));
}

void
gr_pg_report_values(const gr_report *r, const GrInput *in, TupleDesc tupdesc,
					Datum *values, bool *nulls)
{
	int			a;

	memset(values, 0, sizeof(Datum) * tupdesc->natts);
	memset(nulls, true, sizeof(bool) * tupdesc->natts);

	set_text(values, nulls, attnum_typed(tupdesc, "agency", TEXTOID), r->agency);
	a = attnum_typed(tupdesc, "year", INT4OID);
	if (a >= 0 && r->year != 0)
	{
		values[a] = Int32GetDatum(r->year);
		nulls[a] = false;
	}
	set_text(values, nulls, attnum_typed(tupdesc, "format", TEXTOID),
			 gr_format_name(r->format));
	set_text(values, nulls, attnum_typed(tupdesc, "layout", TEXTOID),
			 gr_layout_name(r->layout));
	set_i64(values, nulls, attnum_typed(tupdesc, "new_received", INT8OID),
			r->new_received);
	set_i64(values, nulls, attnum_typed(tupdesc, "carried_over", INT8OID),
			r->carried_over);
	set_i64(values, nulls, attnum_typed(tupdesc, "processed_total", INT8OID),
			r->processed_total);
	set_i64(values, nulls, attnum_typed(tupdesc, "carried_forward", INT8OID),
			r->carried_forward);

	a = gr_pg_attnum(tupdesc, "cells");
	if (a >= 0)
	{
		values[a] = cells_array(r, in, TupleDescAttr(tupdesc, a)->atttypid);
		nulls[a] = false;
	}
	a = attnum_typed(tupdesc, "warnings", TEXTARRAYOID);
	if (a >= 0)
	{
		values[a] = warnings_array(r);
		nulls[a] = false;
	}
}

Datum
gr_pg_report_datum(const gr_report *r, const GrInput *in, TupleDesc tupdesc)
{
	Datum	   *values = palloc(sizeof(Datum) * tupdesc->natts);
	bool	   *nulls = palloc(sizeof(bool) * tupdesc->natts);
	HeapTuple	tup;

	gr_pg_report_values(r, in, tupdesc, values, nulls);
	tup = heap_form_tuple(tupdesc, values, nulls);
	return HeapTupleGetDatum(tup);
}

PG_FUNCTION_INFO_V1(govreport_parse);

/*
 * govreport_parse(doc text) RETURNS govreport
 */
Datum
govreport_parse(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	GrInput		in;
	gr_report	r;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);

	gr_pg_input_text(PG_GETARG_DATUM(0), &in);
	gr_pg_parse_one(&in, &r);
	PG_RETURN_DATUM(gr_pg_report_datum(&r, &in, tupdesc));
}

/*
 * The rows of govreport_parse_all: one govreport per report, each built in
 * a per-row memory context.
 */
static void
put_reports(ReturnSetInfo *rsinfo, const gr_report *reports, size_t n,
			const GrInput *in)
{
	Datum	   *values = palloc(sizeof(Datum) * rsinfo->setDesc->natts);
	bool	   *nulls = palloc(sizeof(bool) * rsinfo->setDesc->natts);
	MemoryContext rowctx = AllocSetContextCreate(CurrentMemoryContext,
												 "govreport_parse_all row",
												 ALLOCSET_DEFAULT_SIZES);

	for (size_t i = 0; i < n; i++)
	{
		MemoryContext oldctx;

		CHECK_FOR_INTERRUPTS();
		oldctx = MemoryContextSwitchTo(rowctx);
		gr_pg_report_values(&reports[i], in, rsinfo->setDesc, values, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextSwitchTo(oldctx);
		MemoryContextReset(rowctx);
	}
	MemoryContextDelete(rowctx);
}

PG_FUNCTION_INFO_V1(govreport_parse_all);

/*
 * govreport_parse_all(doc text) RETURNS SETOF govreport
 */
Datum
govreport_parse_all(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	GrInput		in;
	gr_report  *reports;
	size_t		n;

	InitMaterializedSRF(fcinfo, 0);

	gr_pg_input_text(PG_GETARG_DATUM(0), &in);
	n = gr_pg_parse_all(&in, &reports);

	put_reports(rsinfo, reports, n, &in);
	return (Datum) 0;
}

/*
 * Raw file bytes: the size is checked on the stored value before it is
 * detoasted, the database must have a known encoding, and the core detects
 * the charset (UTF-8 with or without BOM, GB18030/GBK, Big5) and converts
 * it.  in describes the decoded UTF-8 text, which printed and positions
 * refer to.
 */
static const char *
bytea_input(Datum d, size_t *len)
{
	bytea	   *b;

	gr_pg_check_size(toast_raw_datum_size(d) - VARHDRSZ);
	if (GetDatabaseEncoding() == PG_SQL_ASCII)
		gr_pg_raise_sql_ascii();
	b = DatumGetByteaPP(d);
	*len = VARSIZE_ANY_EXHDR(b);
	return VARDATA_ANY(b);
}

static void
set_decoded(GrInput *in, const char *utf8, size_t ulen)
{
	in->buf = utf8 ? utf8 : "";
	in->len = utf8 ? ulen : 0;
	in->orig = NULL;
	in->origlen = 0;
}

PG_FUNCTION_INFO_V1(govreport_parse_bytes);

/*
 * govreport_parse(doc bytea) RETURNS govreport
 */
Datum
govreport_parse_bytes(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	const char *raw;
	size_t		rawlen;
	gr_error	err;
	gr_status	st;
	gr_report  *reps;
	size_t		n;
	char	   *utf8 = NULL;
	size_t		ulen = 0;
	GrInput		in;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	raw = bytea_input(PG_GETARG_DATUM(0), &rawlen);

	st = core_parse(raw, rawlen, true, false, &reps, &n, &utf8, &ulen, &err);
	set_decoded(&in, utf8, ulen);
	if (st != GR_OK)
		gr_pg_raise(st, &err, &in);
	PG_RETURN_DATUM(gr_pg_report_datum(&reps[0], &in, tupdesc));
}

PG_FUNCTION_INFO_V1(govreport_parse_all_bytes);

/*
 * govreport_parse_all(doc bytea) RETURNS SETOF govreport
 */
Datum
govreport_parse_all_bytes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *raw;
	size_t		rawlen;
	gr_error	err;
	gr_status	st;
	gr_report  *reports = NULL;
	size_t		n = 0;
	char	   *utf8 = NULL;
	size_t		ulen = 0;
	GrInput		in;

	InitMaterializedSRF(fcinfo, 0);
	raw = bytea_input(PG_GETARG_DATUM(0), &rawlen);

	st = core_parse(raw, rawlen, true, true, &reports, &n, &utf8, &ulen, &err);
	set_decoded(&in, utf8, ulen);
	if (st != GR_OK)
		gr_pg_raise(st, &err, &in);

	put_reports(rsinfo, reports, n, &in);
	return (Datum) 0;
}
