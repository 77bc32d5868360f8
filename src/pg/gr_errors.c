/*
 * gr_errors.c - core status -> ereport: the one place SQLSTATEs are chosen.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "govreport.h"
#include "gr_errors.h"

/* characters of the input quoted in a 22P02 message */
#define GR_EXCERPT_CHARS 40

/*
 * The start of the input for an error message: at most GR_EXCERPT_CHARS
 * characters, cut on a character boundary, line breaks and tabs shown as
 * spaces, "..." when cut.  Server encoding.
 */
static char *
input_excerpt(const GrInput *in)
{
	StringInfoData buf;
	const char *s;
	int			len;
	int			cut;

	if (in == NULL)
		return pstrdup("");
	if (in->orig != NULL)
	{
		s = in->orig;
		len = (int) Min(in->origlen, (size_t) (GR_EXCERPT_CHARS * MAX_MULTIBYTE_CHAR_LEN));
		cut = pg_mbcharcliplen(s, len, GR_EXCERPT_CHARS);
		s = pnstrdup(s, cut);
	}
	else
	{
		/* no server-encoded copy: convert the start of the UTF-8 text */
		len = (int) Min(in->len, (size_t) (GR_EXCERPT_CHARS * MAX_MULTIBYTE_CHAR_LEN));
		s = gr_pg_from_utf8_lossy(in->buf, len);
		cut = pg_mbcharcliplen(s, strlen(s), GR_EXCERPT_CHARS);
	}

	initStringInfo(&buf);
	for (int i = 0; i < cut; i++)
	{
		char		c = s[i];

		appendStringInfoChar(&buf, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
	}
	if ((in->orig != NULL && (size_t) cut < in->origlen) ||
		(in->orig == NULL && (size_t) cut < in->len))
		appendStringInfoString(&buf, "...");
	return buf.data;
}

/* The core's detail sentence in the server encoding, or NULL when empty. */
static char *
core_detail(const gr_error *err)
{
	if (err == NULL)
		return NULL;
	if (err->detail[0] != '\0')
		return gr_pg_from_utf8_lossy(err->detail, strnlen(err->detail, sizeof(err->detail)));
	if (err->message[0] != '\0')
		return gr_pg_from_utf8_lossy(err->message, strnlen(err->message, sizeof(err->message)));
	return NULL;
}

/*
 * Raise the error that goes with a core status.  Never returns.
 */
void
gr_pg_raise(gr_status st, const gr_error *err, const GrInput *in)
{
	char	   *detail = core_detail(err);

	switch (st)
	{
		case GR_ERR_NOT_REPORT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"govreport", input_excerpt(in)),
					 detail ? errdetail("%s", detail) : 0));
			break;

		case GR_ERR_MULTIPLE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"govreport", input_excerpt(in)),
					 detail ? errdetail("%s", detail) : 0,
					 errhint("Use govreport_parse_all() to read every report of the document.")));
			break;

		case GR_ERR_TOO_LARGE:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("input is too large for type %s", "govreport"),
					 detail ? errdetail("%s", detail) : 0,
					 errhint("Raise govreport.max_input_bytes to accept larger documents.")));
			break;

		case GR_ERR_ENCODING:
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid byte sequence in input for type %s", "govreport"),
					 errdetail("The input is not valid at byte offset %zu.%s%s",
							   err ? err->offset : 0,
							   detail ? " " : "", detail ? detail : "")));
			break;

		case GR_ERR_NOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("Failed while parsing a govreport document of %zu bytes.",
							   in ? in->len : 0)));
			break;

		case GR_ERR_ICU:
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg_internal("ICU failed in govreport: %s",
									 err && err->message[0] ? err->message : "unknown error"),
					 detail ? errdetail_internal("%s", detail) : 0));
			break;

		case GR_ERR_CANCELLED:
			/* the stop callback saw a pending interrupt: serve it */
			CHECK_FOR_INTERRUPTS();
			elog(ERROR, "govreport parsing was stopped but no interrupt was pending");
			break;

		case GR_OK:
			elog(ERROR, "govreport error raised for a successful parse");
			break;
	}
	elog(ERROR, "unrecognized govreport status %d", (int) st);
}

/*
 * 54000 for a document above govreport.max_input_bytes.
 */
void
gr_pg_raise_too_large(size_t size, size_t limit)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("input is too large for type %s", "govreport"),
			 errdetail("The document is %zu bytes long; govreport.max_input_bytes is %zu bytes.",
					   size, limit),
			 errhint("Raise govreport.max_input_bytes to accept larger documents.")));
	pg_unreachable();
}

/*
 * 0A000 in a SQL_ASCII database: its bytes have no known encoding, so the
 * text cannot be read as UTF-8 safely.
 */
void
gr_pg_raise_sql_ascii(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("govreport cannot read text in a database with encoding SQL_ASCII"),
			 errhint("Create the database with ENCODING 'UTF8'.")));
	pg_unreachable();
}
