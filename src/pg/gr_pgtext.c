/*
 * gr_pgtext.c - document text going into the core and strings coming out.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "catalog/namespace.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "govreport.h"
#include "gr_errors.h"

/*
 * Raise 54000 when a document of size bytes is above the limit.
 */
void
gr_pg_check_size(size_t size)
{
	if (size > (size_t) govreport_max_input_bytes)
		gr_pg_raise_too_large(size, (size_t) govreport_max_input_bytes);
}

/*
 * Fetch a text argument as UTF-8 input for the core.  The size is checked
 * on the raw datum before it is detoasted, so an oversized value is refused
 * without being copied.
 */
void
gr_pg_input_text(Datum doc, GrInput *in)
{
	text	   *t;
	const char *s;
	int			len;
	char	   *u;

	gr_pg_check_size(toast_raw_datum_size(doc) - VARHDRSZ);

	if (GetDatabaseEncoding() == PG_SQL_ASCII)
		gr_pg_raise_sql_ascii();

	t = DatumGetTextPP(doc);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);

	in->orig = s;
	in->origlen = len;

	u = pg_server_to_any(s, len, PG_UTF8);
	in->buf = u;
	in->len = (u == s) ? (size_t) len : strlen(u);

	/* conversion can make the text longer (e.g. LATIN1 -> UTF-8) */
	if (in->len != (size_t) len)
		gr_pg_check_size(in->len);
}

/*
 * Strict UTF-8 -> server encoding; errors for unconvertible characters.
 */
char *
gr_pg_from_utf8(const char *s, size_t len)
{
	char	   *r;

	if (len > (size_t) MaxAllocSize - 1)
		elog(ERROR, "govreport string of %zu bytes is too long", len);
	if (len == 0)
		return pstrdup("");
	r = pg_any_to_server(s, (int) len, PG_UTF8);
	if (r == s)
		return pnstrdup(s, len);
	return r;
}

/*
 * Lossy UTF-8 -> server encoding: characters that the database encoding
 * cannot hold become '?'.  Invalid UTF-8 never comes from the core, but is
 * handled the same way.
 */
char *
gr_pg_from_utf8_lossy(const char *s, size_t len)
{
	int			dbenc = GetDatabaseEncoding();
	StringInfoData buf;
	Oid			proc;
	unsigned char *dest;
	size_t		i = 0;

	if (len > (size_t) MaxAllocSize / MAX_CONVERSION_GROWTH - 1)
		len = (size_t) MaxAllocSize / MAX_CONVERSION_GROWTH - 1;

	initStringInfo(&buf);
	if (dbenc == PG_UTF8 || dbenc == PG_SQL_ASCII)
	{
		/* copy valid characters, '?' for invalid bytes */
		while (i < len)
		{
			int			l = pg_utf_mblen((const unsigned char *) s + i);

			if (i + l <= len && pg_utf8_islegal((const unsigned char *) s + i, l) &&
				s[i] != '\0')
			{
				appendBinaryStringInfo(&buf, s + i, l);
				i += l;
			}
			else
			{
				appendStringInfoChar(&buf, '?');
				i++;
			}
		}
		return buf.data;
	}

	proc = FindDefaultConversionProc(PG_UTF8, dbenc);
	dest = palloc(len * MAX_CONVERSION_GROWTH + 1);
	while (i < len)
	{
		int			done = 0;

		if (OidIsValid(proc))
			done = pg_do_encoding_conversion_buf(proc, PG_UTF8, dbenc,
												 (unsigned char *) s + i,
												 (int) (len - i), dest,
												 (int) ((len - i) * MAX_CONVERSION_GROWTH + 1),
												 true);
		if (done > 0)
		{
			appendStringInfoString(&buf, (char *) dest);
			i += done;
		}
		else
		{
			/* skip one character that cannot be converted */
			int			l = pg_utf_mblen((const unsigned char *) s + i);

			appendStringInfoChar(&buf, '?');
			i += (l > 0 && i + l <= len) ? (size_t) l : 1;
		}
	}
	pfree(dest);
	return buf.data;
}

/*
 * UTF-8 -> text datum in the server encoding (strict).
 */
Datum
gr_pg_text_from_utf8(const char *s, size_t len)
{
	if (GetDatabaseEncoding() == PG_UTF8)
	{
		/* never store invalid bytes, whatever the core handed back */
		(void) pg_verify_mbstr(PG_UTF8, s, (int) len, false);
		return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
	}
	return CStringGetTextDatum(gr_pg_from_utf8(s, len));
}
