/*
 * test_util.h - helpers the unit tests of the parser share: parse a text
 * or a fixture, look a cell up, check positions and warnings, parse
 * under failing allocations, and make random texts out of given pieces.
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "gr_core.h"

typedef struct parsed
{
	const char *buf;
	size_t		len;
	gr_status	st;
	gr_error	err;
	gr_report  *reps;
	size_t		n;
} parsed;

/* gr_parse_all over buf[0..len) (buf NULL: GR_ERR_NOT_REPORT, n = 0). */
parsed		parse_buf(const char *buf, size_t len);

/* parse_buf over a NUL-terminated text. */
parsed		parse_text(const char *text);

/* parse_buf over a fixture file (path from the top of the tree). */
parsed		parse_file(const char *path);

/* The value text of a cell, "NULL" for a blank one, "MISSING" for none. */
const char *cell_val(const gr_report *r, const char *tbl, const char *row,
					 const char *col);

/* Every cell's printed span sits at its character position, in order. */
void		check_positions(const char *buf, size_t len, const gr_report *r);

/* Does a warning of r contain needle? */
bool		has_warning(const gr_report *r, const char *needle);

/*
 * Parse buf with the k-th allocation failing, for k = 0, step, ... < upto:
 * every result must be GR_OK or GR_ERR_NOMEM (checked); returns how many
 * were GR_ERR_NOMEM.
 */
int			parse_failing_allocations(const char *buf, size_t len, long upto,
									  long step);

/* The tests' pseudo-random numbers (0..32767), from and into *seed. */
unsigned	test_rand(unsigned *seed);

/*
 * Append count pieces picked at random to out (room for count times the
 * longest piece); returns the bytes written.  No NUL is added.
 */
size_t		test_random_pieces(unsigned *seed, const char *const *pieces,
							   size_t npieces, int count, char *out);

#endif							/* TEST_UTIL_H */
