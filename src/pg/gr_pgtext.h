/*
 * gr_pgtext.h - document text going into the core and strings coming out.
 *
 * The core reads UTF-8.  Text arrives in the database encoding; it is size
 * checked (govreport.max_input_bytes, before detoasting where possible),
 * refused in SQL_ASCII databases (whose bytes have no known encoding), and
 * converted with pg_server_to_any(), which is a no-op in UTF8 databases.
 */
#ifndef GR_PGTEXT_H
#define GR_PGTEXT_H

#include <stddef.h>

typedef struct GrInput
{
	const char *buf;			/* UTF-8 text for the core, not NUL-terminated */
	size_t		len;
	const char *orig;			/* the same text in the server encoding, or
								 * NULL when it did not come from a text datum */
	size_t		origlen;
} GrInput;

/* Fetch a text Datum as core input (54000 when too large, 0A000 SQL_ASCII). */
extern void gr_pg_input_text(Datum doc, GrInput *in);

/* Raise 54000 unless size (bytes) is within govreport.max_input_bytes. */
extern void gr_pg_check_size(size_t size);

/*
 * UTF-8 bytes from the core -> palloc'd, NUL-terminated server-encoding
 * string.  Strict conversion raises an error (22P05) for a character the
 * database encoding cannot hold; lossy conversion writes '?' instead (for
 * messages and warnings, which must never fail).
 */
extern char *gr_pg_from_utf8(const char *s, size_t len);
extern char *gr_pg_from_utf8_lossy(const char *s, size_t len);

/* Same, as a text datum. */
extern Datum gr_pg_text_from_utf8(const char *s, size_t len);

#endif							/* GR_PGTEXT_H */
