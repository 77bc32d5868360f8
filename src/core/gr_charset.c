/*
 * gr_charset.c - raw file bytes to UTF-8: BOM, ICU charset detection among
 * GB18030/GBK and Big5, conversion with ucnv and a stop callback so that
 * undecodable bytes are reported with their offset, never replaced.
 */
#include "gr_core.h"
#include "gr_text.h"
#include "gr_util.h"

#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#define SNIFF_BYTES ((size_t) 1 << 20)	/* what the detector looks at */

/* Which of our two legacy encodings does ucsdet prefer?  NULL: neither. */
static const char *
detect(const char *bytes, size_t len, gr_error *err, gr_status *st)
{
	UErrorCode	status = U_ZERO_ERROR;
	UCharsetDetector *d = ucsdet_open(&status);
	const UCharsetMatch **m;
	int32_t		n = 0;
	const char *best = NULL;

	*st = GR_OK;
	if (U_FAILURE(status))
	{
		*st = gr_fail(err, GR_ERR_ICU, 0, "could not open the ICU charset detector",
					  "ICU error: %s.", u_errorName(status));
		return NULL;
	}
	ucsdet_setText(d, bytes, (int32_t) (len < SNIFF_BYTES ? len : SNIFF_BYTES), &status);
	m = ucsdet_detectAll(d, &n, &status);
	if (U_SUCCESS(status))
	{
		for (int32_t i = 0; i < n && !best; i++)
		{
			UErrorCode	s2 = U_ZERO_ERROR;
			const char *name = ucsdet_getName(m[i], &s2);

			if (U_FAILURE(s2) || !name)
				continue;
			if (strcmp(name, "GB18030") == 0)
				best = "GB18030";
			else if (strcmp(name, "Big5") == 0)
				best = "Big5";
		}
	}
	ucsdet_close(d);
	return best;
}

/*
 * Convert with the named ICU converter, stopping at the first undecodable
 * sequence: *bad = its offset (returns GR_ERR_ENCODING, err not set).
 */
static gr_status
convert(const char *name, const char *bytes, size_t len, gr_mem *mem,
		char **utf8, size_t *utf8len, size_t *bad, gr_error *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UConverter *cnv;
	UChar	   *u;
	UChar	   *t;
	const char *src = bytes;
	int32_t		need = 0;
	char	   *out;

	cnv = ucnv_open(name, &status);
	if (U_FAILURE(status))
		return gr_fail(err, GR_ERR_ICU, 0, "could not open an ICU converter",
					   "ICU error for %s: %s.", name, u_errorName(status));
	ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
	if (U_FAILURE(status))
	{
		ucnv_close(cnv);
		return gr_fail(err, GR_ERR_ICU, 0, "could not set the ICU converter callback",
					   "ICU error: %s.", u_errorName(status));
	}
	/* every byte gives at most one UTF-16 unit (4-byte GB18030: two) */
	u = gr_alloc_array(mem, len + 2, sizeof(UChar));
	if (!u)
	{
		ucnv_close(cnv);
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	t = u;
	ucnv_toUnicode(cnv, &t, u + len + 1, &src, bytes + len, NULL, true, &status);
	if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
		status == U_TRUNCATED_CHAR_FOUND)
	{
		char		inv[32];
		int8_t		ilen = (int8_t) sizeof(inv);
		UErrorCode	s2 = U_ZERO_ERROR;
		size_t		at = (size_t) (src - bytes);

		ucnv_getInvalidChars(cnv, inv, &ilen, &s2);
		if (U_SUCCESS(s2) && (size_t) ilen <= at)
			at -= (size_t) ilen;
		*bad = at;
		ucnv_close(cnv);
		gr_free(mem, u);
		return GR_ERR_ENCODING;
	}
	ucnv_close(cnv);
	if (U_FAILURE(status))
	{
		gr_free(mem, u);
		return gr_fail(err, GR_ERR_ICU, (size_t) (src - bytes),
					   "could not convert the input", "ICU error: %s.",
					   u_errorName(status));
	}
	/* UTF-16 to UTF-8: measure, then convert */
	status = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &need, u, (int32_t) (t - u), &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
	{
		gr_free(mem, u);
		return gr_fail(err, GR_ERR_ICU, 0, "could not convert the input to UTF-8",
					   "ICU error: %s.", u_errorName(status));
	}
	out = gr_alloc(mem, (size_t) need + 1);
	if (!out)
	{
		gr_free(mem, u);
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	status = U_ZERO_ERROR;
	u_strToUTF8(out, need + 1, &need, u, (int32_t) (t - u), &status);
	gr_free(mem, u);
	if (U_FAILURE(status))
	{
		gr_free(mem, out);
		return gr_fail(err, GR_ERR_ICU, 0, "could not convert the input to UTF-8",
					   "ICU error: %s.", u_errorName(status));
	}
	out[need] = '\0';
	*utf8 = out;
	*utf8len = (size_t) need;
	return GR_OK;
}

gr_status
gr_decode(const char *bytes, size_t len, gr_mem *mem, char **utf8,
		  size_t *utf8len, const char **detected, gr_error *err)
{
	size_t		bad = 0;
	size_t		bom = 0;
	const char *name;
	gr_status	st;
	const char *order[2];
	size_t		bad_at[2] = {0, 0};
	size_t		utf8_bad;

	*utf8 = NULL;
	*utf8len = 0;
	*detected = NULL;
	err->status = GR_OK;
	if (len > GR_DECODE_MAX)
		return gr_fail(err, GR_ERR_TOO_LARGE, 0, "input is too large to decode",
					   "The input has %zu bytes; at most %zu bytes are decoded.",
					   len, GR_DECODE_MAX);
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		bom = 3;
	if (gr_utf8_valid(bytes + bom, len - bom, &bad))
	{
		char	   *out = gr_alloc(mem, len - bom + 1);

		if (!out)
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		memcpy(out, bytes + bom, len - bom);
		*utf8 = out;
		*utf8len = len - bom;
		*detected = bom ? "UTF-8 with BOM" : "UTF-8";
		return GR_OK;
	}
	utf8_bad = bad + bom;
	if (bom)
		return gr_fail(err, GR_ERR_ENCODING, bad + bom, "invalid byte sequence for encoding \"UTF8\"",
					   "The input starts with a UTF-8 byte order mark but is not valid UTF-8 at byte offset %zu.",
					   bad + bom);
	if (memchr(bytes, '\0', len))
	{
		size_t		z = (size_t) ((const char *) memchr(bytes, '\0', len) - bytes);

		return gr_fail(err, GR_ERR_ENCODING, z, "invalid byte sequence: NUL byte",
					   "The input holds a NUL byte at byte offset %zu; it is no text in UTF-8, GB18030 or Big5.",
					   z);
	}

	name = detect(bytes, len, err, &st);
	if (st != GR_OK)
		return st;
	if (name)
	{
		st = convert(name, bytes, len, mem, utf8, utf8len, &bad, err);
		if (st == GR_OK)
			*detected = name;
		else if (st == GR_ERR_ENCODING)
			return gr_fail(err, GR_ERR_ENCODING, bad, "invalid byte sequence for encoding",
						   "The input was detected as %s but has an undecodable byte sequence at byte offset %zu.",
						   name, bad);
		return st;
	}
	/* the detector named neither: whichever decodes (GB18030 first) */
	order[0] = "GB18030";
	order[1] = "Big5";
	for (int k = 0; k < 2; k++)
	{
		st = convert(order[k], bytes, len, mem, utf8, utf8len, &bad_at[k], err);
		if (st == GR_OK)
		{
			*detected = order[k];
			return GR_OK;
		}
		if (st != GR_ERR_ENCODING)
			return st;
	}
	/* the charset that reads furthest is the most likely: its offset */
	{
		const char *best = "UTF-8";

		bad = utf8_bad;
		for (int k = 0; k < 2; k++)
			if (bad_at[k] > bad)
			{
				bad = bad_at[k];
				best = order[k];
			}
		return gr_fail(err, GR_ERR_ENCODING, bad, "invalid byte sequence for encoding",
					   "The input is not valid in UTF-8, GB18030 or Big5; it reads furthest as %s, up to byte offset %zu (UTF-8 stops at %zu, GB18030 at %zu, Big5 at %zu).",
					   best, bad, utf8_bad, bad_at[0], bad_at[1]);
	}
}

/* ------------------------------------------------------ parse raw bytes */

/*
 * Decode the bytes to UTF-8 (opt->max_bytes first).  *checked: the options
 * to parse the result with; when the bytes were UTF-8 already, gr_decode
 * has validated them exactly as gr_parse_all would, so the parse skips its
 * own pass over them (converted text is still checked by the parse).
 */
static gr_status
decode_checked(const char *bytes, size_t len, const gr_options *opt,
			   gr_mem *mem, char **utf8, size_t *utf8len, const char **det,
			   gr_options *checked, gr_error *err)
{
	gr_status	st;

	if (opt)
		*checked = *opt;
	else
		memset(checked, 0, sizeof(*checked));
	if (opt && opt->max_bytes && len > opt->max_bytes)
		return gr_fail(err, GR_ERR_TOO_LARGE, 0, "report text is too large",
					   "The input has %zu bytes; the limit is %zu bytes.",
					   len, opt->max_bytes);
	st = gr_decode(bytes, len, mem, utf8, utf8len, det, err);
	if (st == GR_OK && strncmp(*det, "UTF-8", 5) == 0)
		checked->utf8_checked = true;
	return st;
}

static bool
say_encoding(gr_mem *mem, gr_report *r, const char *det)
{
	size_t		cap = r->nwarnings;	/* gr_grow copies cap elements */

	return gr_warn(mem, r, &cap, "encoding: %s (detected from the bytes)", det);
}

gr_status
gr_parse_all_bytes(const char *bytes, size_t len, const gr_options *opt,
				   gr_mem *mem, char **utf8, size_t *utf8len,
				   gr_report **out, size_t *n, gr_error *err)
{
	const char *det;
	gr_options	o;
	gr_status	st;

	*out = NULL;
	*n = 0;
	st = decode_checked(bytes, len, opt, mem, utf8, utf8len, &det, &o, err);
	if (st != GR_OK)
		return st;
	st = gr_parse_all(*utf8, *utf8len, &o, mem, out, n, err);
	if (st != GR_OK)
		return st;
	for (size_t i = 0; i < *n; i++)
		if (!say_encoding(mem, &(*out)[i], det))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	return GR_OK;
}

gr_status
gr_parse_bytes(const char *bytes, size_t len, const gr_options *opt,
			   gr_mem *mem, char **utf8, size_t *utf8len, gr_report *out,
			   gr_error *err)
{
	const char *det;
	gr_options	o;
	gr_status	st;

	memset(out, 0, sizeof(*out));
	st = decode_checked(bytes, len, opt, mem, utf8, utf8len, &det, &o, err);
	if (st != GR_OK)
		return st;
	st = gr_parse(*utf8, *utf8len, &o, mem, out, err);
	if (st != GR_OK)
		return st;
	if (!say_encoding(mem, out, det))
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	return GR_OK;
}
