/*
 * gr_errors.h - core status -> ereport: the one place SQLSTATEs are chosen.
 *
 *	GR_ERR_NOT_REPORT  22P02  invalid input syntax for type govreport: "..."
 *	GR_ERR_MULTIPLE    22P02  same, with a hint to use govreport_parse_all()
 *	GR_ERR_TOO_LARGE   54000  above govreport.max_input_bytes
 *	GR_ERR_ENCODING    22021  invalid byte sequence, offset in the detail
 *	GR_ERR_NOMEM       53200  out of memory
 *	GR_ERR_ICU         XX000  ICU failed on valid input
 *	GR_ERR_CANCELLED   the pending interrupt is processed (57014 etc.)
 *	SQL_ASCII database 0A000
 */
#ifndef GR_ERRORS_H
#define GR_ERRORS_H

#include "gr_core.h"
#include "gr_pgtext.h"

/* Raise the error for a core failure; in is the text that was parsed. */
extern void gr_pg_raise(gr_status st, const gr_error *err, const GrInput *in)
			pg_attribute_noreturn();

/* 54000: a document of size bytes is above limit. */
extern void gr_pg_raise_too_large(size_t size, size_t limit)
			pg_attribute_noreturn();

/* 0A000: the database encoding is SQL_ASCII. */
extern void gr_pg_raise_sql_ascii(void) pg_attribute_noreturn();

#endif							/* GR_ERRORS_H */
