/*
 * govreport.h - declarations shared by the PostgreSQL glue of govreport.
 *
 * The glue turns SQL values into the core's plain structs and back; see
 * gr_pgtext.h (input text), gr_pgmem.h (allocator, interrupts), gr_errors.h
 * (the one place SQLSTATEs are chosen).  Include postgres.h first.
 */
#ifndef GOVREPORT_H
#define GOVREPORT_H

#include "access/htup.h"
#include "access/tupdesc.h"

#include "gr_core.h"
#include "gr_pgtext.h"

#define GOVREPORT_VERSION "0.2"

/* GUC govreport.max_input_bytes (govreport.c) */
extern int	govreport_max_input_bytes;

/*
 * Parsing (gr_parse_fn.c).  Both raise the documented SQLSTATEs on failure;
 * results live in CurrentMemoryContext.
 */
extern void gr_pg_parse_one(const GrInput *in, gr_report *out);
extern size_t gr_pg_parse_all(const GrInput *in, gr_report **out);

/*
 * A report as the attributes of a govreport row (gr_parse_fn.c).  tupdesc
 * is the row type of govreport (as found through the function's result
 * type or a column's type, never by name); attributes are matched by name,
 * unknown ones are left NULL.  values/nulls have tupdesc->natts entries.
 */
extern void gr_pg_report_values(const gr_report *r, const GrInput *in,
								TupleDesc tupdesc, Datum *values, bool *nulls);
extern Datum gr_pg_report_datum(const gr_report *r, const GrInput *in,
								TupleDesc tupdesc);

/*
 * A govreport row read back into the core's struct (gr_srf.c), for code
 * that works on cells (dispositions, rules).  Keys and values come from
 * the cells array; value holds the canonical decimal text, num/is_int/ival
 * are filled where exact; char_start/char_len come from src_start/src_len
 * (off/len are 0: the input text is not part of the row).  Strings are
 * UTF-8.  agency, warnings and cells are palloc'd in CurrentMemoryContext.
 */
extern void gr_pg_report_from_datum(HeapTupleHeader rec, gr_report *out);

/*
 * What gr_pg_report_from_datum would read back from
 * gr_pg_report_datum(r, ..., reptd), built from r without forming the row
 * (gr_srf.c): the stored cells carry keys, value and positions only, so
 * flags, units and printed decimals are dropped and the numbers re-derived
 * from the value text, as the read-back does.  Returns false (out is then
 * undefined) when it cannot be sure of that: a row type other than the
 * extension's, or a value that numeric would print differently.  Strings
 * are shared with r; cells are palloc'd.
 */
extern bool gr_pg_report_as_stored(const gr_report *r, TupleDesc reptd,
								   gr_report *out);

/* Attribute number (0-based) of a live attribute called name, or -1. */
extern int	gr_pg_attnum(TupleDesc tupdesc, const char *name);

#endif							/* GOVREPORT_H */
