/*
 * gr_check.h - reconciliation rules in SQL: helpers shared by gr_check.c
 * (govreport_violations, govreport_is_consistent, govreport_rules) and
 * gr_trigger.c (govreport_enforce, govreport_enforce_continuity).
 *
 * A govreport row is read back into the core's gr_report with
 * gr_pg_report_from_datum() (gr_srf.c, the one conversion), so every caller
 * sees exactly what a CHECK constraint on the stored value sees; the
 * trigger, which has just parsed the row, gets the same report from
 * gr_pg_report_as_stored() without reading the row back.
 * Include postgres.h first.
 */
#ifndef GR_CHECK_H
#define GR_CHECK_H

#include "lib/stringinfo.h"

#include "gr_core.h"
#include "gr_rules.h"

/* gr_check() on r; out of memory raises 53200.  Results in CurrentMemoryContext. */
extern void gr_pg_check(const gr_report *r, gr_violation **v, size_t *n);

/* gr_check_pair(prev, cur), same conventions. */
extern void gr_pg_check_pair(const gr_report *prev, const gr_report *cur,
							 gr_violation **v, size_t *n);

/* A gr_dec as a numeric Datum (exact). */
extern Datum gr_pg_dec_numeric(gr_dec v);

/*
 * Append one line per violation ("R1 natural_person: message"), lines
 * separated by "\n", in the server encoding; only strict ones when
 * strict_only.  Returns the number of lines appended.
 */
extern int	gr_pg_violation_lines(StringInfo buf, const gr_violation *v,
								  size_t n, bool strict_only,
								  const char *prefix);

/*
 * The violations as a JSON array of {rule, kind, scope, lhs, rhs, message}
 * (UTF-8 text converted to the server encoding), for the quarantine table.
 */
extern char *gr_pg_violations_json(const gr_violation *v, size_t n);

#endif							/* GR_CHECK_H */
