/*
 * gr_text.c - Unicode work on short spans: label keys (ICU NFKC), UTF-8
 * decoding, character classes and the number grammar of value cells.
 */
#include "gr_text.h"
#include "gr_layouts.h"
#include "gr_util.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* Longest span a label key is computed from; longer text is no label. */
#define GR_KEY_MAX_UCHARS 1024

uint32_t
gr_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		p = *i;
	uint32_t	c = u[p];
	int			n;
	uint32_t	min;

	if (c < 0x80)
	{
		*i = p + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
	{
		n = 1;
		c &= 0x1F;
		min = 0x80;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		n = 2;
		c &= 0x0F;
		min = 0x800;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		n = 3;
		c &= 0x07;
		min = 0x10000;
	}
	else
	{
		*i = p + 1;
		return 0xFFFD;
	}
	if (p + (size_t) n >= len)
	{
		*i = p + 1;
		return 0xFFFD;
	}
	for (int k = 1; k <= n; k++)
	{
		if ((u[p + k] & 0xC0) != 0x80)
		{
			*i = p + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (u[p + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
	{
		*i = p + 1;
		return 0xFFFD;
	}
	*i = p + 1 + (size_t) n;
	return c;
}

/*
 * Is s[0..len) UTF-8 without NUL bytes?  A sequence gr_utf8_next() decodes
 * to U+FFFD counts as invalid unless it is U+FFFD itself.  *bad: the byte
 * offset of the first invalid sequence.
 *
 * Two fast paths say yes to what gr_utf8_next() would accept, and leave
 * anything else to it: eight ASCII bytes without NUL at once (no byte has
 * its high bit set and none is zero), and a whole three-byte character
 * (the CJK text of these reports), decoded in place.
 */
bool
gr_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;

	while (i < len)
	{
		size_t		at = i;
		unsigned char b = u[i];

		if (b < 0x80)
		{
			if (len - i >= 8)
			{
				uint64_t	w = gr_load_le64(u + i);
				const uint64_t ones = UINT64_C(0x0101010101010101);
				const uint64_t highs = UINT64_C(0x8080808080808080);

				/* no high bit, and no zero byte (the classic zero test) */
				if ((w & highs) == 0 && ((w - ones) & ~w & highs) == 0)
				{
					i += 8;
					continue;
				}
			}
			if (b == 0)
			{
				if (bad)
					*bad = at;
				return false;
			}
			i++;
			continue;
		}
		if ((b & 0xF0) == 0xE0 && len - i > 2 &&
			(u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		{
			uint32_t	c = ((uint32_t) (b & 0x0F) << 12) |
				((uint32_t) (u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);

			if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
			{
				i += 3;
				continue;
			}
		}
		if (gr_utf8_next(s, len, &i) == 0xFFFD &&
			!(i - at == 3 && (unsigned char) s[at] == 0xEF &&
			  (unsigned char) s[at + 1] == 0xBF && (unsigned char) s[at + 2] == 0xBD))
		{
			if (bad)
				*bad = at;
			return false;
		}
	}
	return true;
}

bool
gr_is_space(uint32_t c)
{
	switch (c)
	{
		case ' ':
		case '\t':
		case '\n':
		case '\r':
		case '\v':
		case '\f':
		case 0x85:
		case 0xA0:
		case 0x1680:
		case 0x2028:
		case 0x2029:
		case 0x202F:
		case 0x205F:
		case 0x3000:
		case 0xFEFF:			/* BOM / ZWNBSP: never part of a label */
		case 0x200B:			/* zero width space, seen in scraped pages */
			return true;
		default:
			return c >= 0x2000 && c <= 0x200A;
	}
}

bool
gr_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

bool
gr_is_cjk_like(uint32_t c)
{
	return gr_is_han(c) || (c >= 0x3001 && c <= 0x303F) ||
		(c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C || c == 0x201D;
}

/*
 * Characters left unchanged by NFKC and by every composition with their
 * neighbours: the CJK unified ideographs and the punctuation of labels.
 */
static bool
nfkc_stable_cjk(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3001 || c == 0x3002 ||
		c == 0x300A || c == 0x300B || c == 0x3010 || c == 0x3011 ||
		c == 0x201C || c == 0x201D;
}

/*
 * A fullwidth form of printable ASCII (U+FF01..U+FF5E, EF BC 81 .. EF BD 9E):
 * its ASCII character (NFKC), else 0.
 */
static inline unsigned
fullwidth_ascii(const unsigned char *u)
{
	uint32_t	c = ((uint32_t) (u[0] & 0x0F) << 12) |
		((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);

	return u[0] == 0xEF && c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : 0;
}

/*
 * The key of a label made of ASCII, such ideographs and punctuation,
 * fullwidth ASCII (the "（一）" of numbered labels sent most of them to ICU)
 * and spaces (U+00A0 and U+3000 are spaces after NFKC): what gr_label_key's
 * normaliser would give, read the same way (at most GR_KEY_MAX_UCHARS - 2
 * characters, white space dropped, stop where out is full), without ICU.
 * None of these characters composes with another, so each is normalised
 * alone.  Text between skip markers is left out.  -2 when a character
 * needs the normaliser.
 */
static int
plain_label_key(const char *buf, size_t len, char *out, size_t outsize)
{
	const unsigned char *u = (const unsigned char *) buf;
	size_t		o = 0;
	size_t		end = 0;
	bool		full = false;	/* out is full: the rest is only checked */

	/*
	 * One pass: each character is checked and written at once.  A
	 * character that needs the normaliser may come after some are written:
	 * gr_label_key then writes its key over them, from the start.
	 */
	for (int n = 0; end < len && n < GR_KEY_MAX_UCHARS - 2; n++)
	{
		unsigned	c = u[end];

		/*
		 * Skip markers and the text between them (gr_layouts.h: the
		 * values an aligned label's first line holds) are no part of the
		 * key and count as no character, as in the normaliser's path.  No
		 * character that gr_utf8_next decodes holds an ASCII byte, so the
		 * end marker it would stop at is the first one after the start.
		 */
		if (c == (unsigned char) GR_SKIP_BEGIN)
		{
			const unsigned char *q = memchr(u + end + 1, GR_SKIP_END, len - end - 1);

			end = q ? (size_t) (q - u) + 1 : len;
			n--;				/* (the loop counts it back) */
			continue;
		}
		if (c == (unsigned char) GR_SKIP_END)
		{
			end++;				/* an end marker outside a skip */
			n--;
			continue;
		}
		if (c < 0x80)
		{
			/* (no ASCII character above 0x20 is white space) */
			if (!full &&
				!(c <= 0x20 && (gr_is_space(c) || u_isUWhiteSpace((UChar32) c))))
			{
				if (o + 2 > outsize)
					full = true;
				else
					out[o++] = (char) c;
			}
			end++;
		}
		else if (c == 0xC2 && end + 1 < len && u[end + 1] == 0xA0)
			end += 2;			/* U+00A0: U+0020 after NFKC, a space */
		else if ((c & 0xF0) == 0xE0 && end + 2 < len &&
				 (u[end + 1] & 0xC0) == 0x80 && (u[end + 2] & 0xC0) == 0x80)
		{
			unsigned	fw;

			if (nfkc_stable_cjk(((uint32_t) (c & 0x0F) << 12) |
								((uint32_t) (u[end + 1] & 0x3F) << 6) | (u[end + 2] & 0x3F)))
			{
				if (!full)
				{
					if (o + 4 > outsize)
						full = true;
					else
					{
						out[o] = (char) c;
						out[o + 1] = (char) u[end + 1];
						out[o + 2] = (char) u[end + 2];
						o += 3;

						/*
						 * The ideographs (U+4E00..U+9FFF: E4 B8..BF, E5..E9)
						 * that follow, as the loop would take them, without
						 * decoding them: labels are mostly such runs.
						 */
						end += 3;

						/*
						 * Four bytes loaded at once where four are left:
						 * the character and the next byte, copied whole
						 * (o + 4 <= outsize: the fourth is overwritten
						 * next or by the final NUL).
						 */
						while (n + 1 < GR_KEY_MAX_UCHARS - 2 && end + 4 <= len &&
							   o + 4 <= outsize)
						{
							uint32_t	w = gr_load_le32(u + end);
							unsigned	a = w & 0xFF;

							if (!(a - 0xE5u <= 4u || (a == 0xE4 && (w & 0xFF00) >= 0xB800)) ||
								(w & 0xC0C000) != 0x808000)
								break;
							memcpy(out + o, u + end, 4);
							o += 3;
							end += 3;
							n++;
						}
						while (n + 1 < GR_KEY_MAX_UCHARS - 2 && end + 2 < len &&
							   o + 4 <= outsize)
						{
							unsigned	a = u[end],
										b1 = u[end + 1],
										b2 = u[end + 2];

							if (!(a - 0xE5u <= 4u || (a == 0xE4 && b1 >= 0xB8)) ||
								(b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
								break;
							out[o] = (char) a;
							out[o + 1] = (char) b1;
							out[o + 2] = (char) b2;
							o += 3;
							end += 3;
							n++;
						}
						continue;
					}
				}
			}
			else if (c == 0xE3 && u[end + 1] == 0x80 && u[end + 2] == 0x80)
				;				/* U+3000: a space too */
			else if ((fw = fullwidth_ascii(u + end)) != 0)
			{
				if (!full)
				{
					if (o + 2 > outsize)
						full = true;
					else
						out[o++] = (char) fw;
				}
			}
			else
				return -2;
			end += 3;
		}
		else
			return -2;
	}
	out[o] = '\0';
	return (int) o;
}

int
gr_label_key(const char *buf, size_t len, char *out, size_t outsize,
			 gr_error *err)
{
	UChar		src[GR_KEY_MAX_UCHARS];
	UChar		dst[GR_KEY_MAX_UCHARS * 2];
	int32_t		srclen = 0;
	int32_t		dstlen;
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc;
	size_t		o = 0;
	bool		ascii = true;
	bool		skip = false;

	if (outsize == 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) buf[i] >= 0x80)
		{
			ascii = false;
			break;
		}
	if (ascii)
	{
		/* NFKC is the identity on ASCII: only strip white space */
		for (size_t i = 0; i < len && o + 1 < outsize; i++)
		{
			if (buf[i] == GR_SKIP_BEGIN)
				skip = true;
			else if (buf[i] == GR_SKIP_END)
				skip = false;
			else if (!skip && !gr_is_space((unsigned char) buf[i]))
				out[o++] = buf[i];
		}
		out[o] = '\0';
		return (int) o;
	}

	/* most labels need no normaliser */
	{
		int			r = plain_label_key(buf, len, out, outsize);

		if (r >= 0)
			return r;
	}

	/* decode to UTF-16 by hand: invalid bytes become U+FFFD, never fail */
	for (size_t i = 0; i < len && srclen < GR_KEY_MAX_UCHARS - 2;)
	{
		uint32_t	c = gr_utf8_next(buf, len, &i);

		/* text between skip markers is no part of the label (gr_layouts.h) */
		if (c == (uint32_t) GR_SKIP_BEGIN || c == (uint32_t) GR_SKIP_END)
		{
			skip = c == (uint32_t) GR_SKIP_BEGIN;
			continue;
		}
		if (skip)
			continue;

		if (c >= 0x10000)
		{
			src[srclen++] = (UChar) (0xD7C0 + (c >> 10));
			src[srclen++] = (UChar) (0xDC00 | (c & 0x3FF));
		}
		else
			src[srclen++] = (UChar) c;
	}
	nfkc = unorm2_getNFKCInstance(&status);
	if (U_FAILURE(status))
	{
		gr_fail(err, GR_ERR_ICU, 0, "could not open the NFKC normalizer",
				"ICU error: %s.", u_errorName(status));
		return -1;
	}
	dstlen = unorm2_normalize(nfkc, src, srclen, dst, GR_KEY_MAX_UCHARS * 2,
							  &status);
	if (U_FAILURE(status))
	{
		gr_fail(err, GR_ERR_ICU, 0, "could not normalize text",
				"ICU error: %s.", u_errorName(status));
		return -1;
	}
	for (int32_t i = 0; i < dstlen;)
	{
		UChar32		c;
		uint8_t		tmp[4];
		int32_t		n = 0;
		UBool		e = 0;

		U16_NEXT(dst, i, dstlen, c);
		if (gr_is_space((uint32_t) c) || u_isUWhiteSpace(c))
			continue;
		U8_APPEND(tmp, n, 4, c, e);
		if (e || o + (size_t) n + 1 > outsize)
			break;
		memcpy(out + o, tmp, (size_t) n);
		o += (size_t) n;
	}
	out[o] = '\0';
	return (int) o;
}

/* Map full-width and other variant digits and signs to ASCII; 0 if none. */
static char
ascii_of(uint32_t c)
{
	if (c < 0x80)
		return (char) c;
	if (c >= 0xFF10 && c <= 0xFF19)
		return (char) ('0' + (c - 0xFF10));
	switch (c)
	{
		case 0xFF0B:
			return '+';
		case 0xFF0D:
		case 0x2212:
		case 0x2010:
		case 0x2011:
			return '-';
		case 0xFF0C:
			return ',';
		case 0xFF0E:
			return '.';
		case 0xFF05:
			return '%';
		default:
			return 0;
	}
}

static bool
is_filler_char(uint32_t c)
{
	switch (c)
	{
		case '-':
		case '/':
		case '\\':
		case '*':
		case 0x2014:			/* — */
		case 0x2013:			/* – */
		case 0x2015:
		case 0x2500:			/* ─ */
		case 0xFF0F:			/* ／ */
		case 0xFF0D:			/* － */
		case 0x65E0:			/* 无 */
		case 0x2212:
		case 0x3001:			/* 、 */
			return true;
		default:
			return false;
	}
}

/* 10^k, and (2^120 / 10) / 10^k: see the scaling in gr_read_number. */
_Static_assert(GR_DEC_SCALE == 6, "dec_pow10 and dec_scale_limit are written out for 6 decimals");
static const gr_dec dec_pow10[GR_DEC_SCALE + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000
};
static const gr_dec dec_scale_limit[GR_DEC_SCALE] = {
	((gr_dec) 1 << 120) / 10,
	((gr_dec) 1 << 120) / 10 / 10,
	((gr_dec) 1 << 120) / 10 / 100,
	((gr_dec) 1 << 120) / 10 / 1000,
	((gr_dec) 1 << 120) / 10 / 10000,
	((gr_dec) 1 << 120) / 10 / 100000
};

/* Units that may follow a number inside a cell or a sentence. */
static const char *const gr_units[] = {
	"万元", "人次", "元", "件", "条", "个", "人", "次", "篇", "项", "%", NULL
};

/*
 * The canonical text of 0..999, which most cells hold (97 % of the values
 * of the generated reports, 85 % a single digit): such a value costs no
 * allocation (in the server a zeroed chunk of 128 bytes for a string of
 * two).  Entry v is v's text; the macros spell the numbers out digit by
 * digit, so the table is built by the compiler.  Shared and read-only:
 * gr_free_value leaves these alone.
 */
#define GR_D10(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", p "9"
#define GR_D100(p) GR_D10(p "0"), GR_D10(p "1"), GR_D10(p "2"), GR_D10(p "3"), \
	GR_D10(p "4"), GR_D10(p "5"), GR_D10(p "6"), GR_D10(p "7"), GR_D10(p "8"), \
	GR_D10(p "9")
static const char small_int_text[1000][4] = {
	GR_D10(""), GR_D10("1"), GR_D10("2"), GR_D10("3"), GR_D10("4"),
	GR_D10("5"), GR_D10("6"), GR_D10("7"), GR_D10("8"), GR_D10("9"),
	GR_D100("1"), GR_D100("2"), GR_D100("3"), GR_D100("4"), GR_D100("5"),
	GR_D100("6"), GR_D100("7"), GR_D100("8"), GR_D100("9")
};
#undef GR_D100
#undef GR_D10

void
gr_free_value(gr_mem *mem, char *value)
{
	/* compared as integers: the pointer may point anywhere */
	if ((uintptr_t) value - (uintptr_t) small_int_text >= sizeof(small_int_text))
		gr_free(mem, value);
}

static gr_num_kind read_number_full(const char *buf, size_t len, gr_mem *mem,
									gr_cell *cell);

/*
 * The common cell: a whole number of 1..18 ASCII digits and nothing else
 * (no white space to trim, no unit: no unit ends in a digit).  What the
 * reading below makes of it, without copying it into a[] and digits[] and
 * scaling it back: the digits without leading zeros, the value (below
 * 10^18, so it fits scaled and as a bigint).  *cell untouched when the
 * cell is no such number (returns false).
 */
static inline bool
read_plain_int(const char *buf, size_t b, size_t e, gr_mem *mem, gr_cell *cell,
			   gr_num_kind *k)
{
	uint64_t	v = 0;
	size_t		z = b;

	if (e - b > 18 || (unsigned char) (buf[e - 1] - '0') > 9)
		return false;
	for (size_t i = b; i < e; i++)
	{
		if ((unsigned char) (buf[i] - '0') > 9)
			return false;
		v = v * 10 + (uint64_t) (buf[i] - '0');
	}
	while (z + 1 < e && buf[z] == '0')
		z++;
	if (e - z <= 3)
		cell->value = (char *) small_int_text[v];	/* v < 1000 */
	else if (!(cell->value = gr_strndup(mem, buf + z, e - z)))
	{
		*k = GR_NUM_NOMEM;
		return true;
	}
	cell->num_ok = true;
	cell->num = (gr_dec) v * GR_DEC_ONE;
	cell->decimals = 0;
	cell->is_int = true;
	cell->ival = (int64_t) v;
	cell->has_value = true;
	cell->unit = NULL;
	*k = GR_NUM_OK;
	return true;
}

gr_num_kind
gr_read_number(const char *buf, size_t len, gr_mem *mem, gr_cell *cell)
{
	gr_num_kind k;

	/*
	 * Most cells are such a number from their first byte to their last (a
	 * digit is no space): read here, before the full reader's large frame
	 * and its trimming.
	 */
	if (len > 0 && (unsigned char) (buf[0] - '0') <= 9 &&
		read_plain_int(buf, 0, len, mem, cell, &k))
		return k;
	return read_number_full(buf, len, mem, cell);
}

static gr_num_kind
read_number_full(const char *buf, size_t len, gr_mem *mem, gr_cell *cell)
{
	char		a[128];			/* the ASCII form of the number */
	size_t		na = 0;
	size_t		i = 0;
	size_t		b = 0;
	size_t		e = len;
	bool		all_filler = true;
	bool		any = false;
	const char *unit = NULL;
	char		digits[128];
	size_t		nd = 0;
	int			decimals = 0;
	bool		neg = false;
	size_t		p;
	size_t		intdigits = 0;

	/*
	 * Trim white space at both ends.  (Printable ASCII, above 0x20, is no
	 * space: most cells start and end with a digit, told without a call.)
	 */
	while (b < e)
	{
		size_t		q = b;
		uint32_t	c;

		if ((unsigned char) buf[b] > 0x20 && (unsigned char) buf[b] < 0x80)
			break;
		c = gr_utf8_next(buf, e, &q);
		if (!gr_is_space(c))
			break;
		b = q;
	}
	while (e > b)
	{
		size_t		q = e - 1;

		if ((unsigned char) buf[q] > 0x20 && (unsigned char) buf[q] < 0x80)
			break;
		while (q > b && ((unsigned char) buf[q] & 0xC0) == 0x80)
			q--;
		{
			size_t		q2 = q;
			uint32_t	c = gr_utf8_next(buf, e, &q2);

			if (!gr_is_space(c))
				break;
		}
		e = q;
	}
	if (b == e)
		return GR_NUM_BLANK;

	/* the common cell, now that white space is trimmed (read_plain_int) */
	{
		gr_num_kind k;

		if (read_plain_int(buf, b, e, mem, cell, &k))
			return k;
	}

	/* unit suffix (every unit ends in '%' or a CJK character: most cells
	 * end in a digit and have none) */
	for (int u = 0; ((unsigned char) buf[e - 1] >= 0x80 || buf[e - 1] == '%') &&
		 gr_units[u]; u++)
	{
		size_t		ul = strlen(gr_units[u]);

		if (e - b > ul && memcmp(buf + e - ul, gr_units[u], ul) == 0)
		{
			unit = gr_units[u];
			e -= ul;
			break;
		}
	}
	if (!unit && e - b > 3 && memcmp(buf + e - 3, "\xEF\xBC\x85", 3) == 0)
	{
		unit = "%";
		e -= 3;
	}

	for (i = b; i < e;)
	{
		uint32_t	c;
		char		ch;

		/* an ASCII digit, the common case: what the tests below make of it */
		if (buf[i] >= '0' && buf[i] <= '9' && na + 1 < sizeof(a))
		{
			any = true;
			all_filler = false;
			a[na++] = buf[i++];
			continue;
		}
		c = gr_utf8_next(buf, e, &i);
		any = true;
		if (!is_filler_char(c))
			all_filler = false;
		if (gr_is_space(c) && !all_filler)
			goto garbage;		/* "1 234" is not one number */
		ch = ascii_of(c);
		if (!ch || na + 1 >= sizeof(a))
		{
			na = 0;
			a[0] = 0;
			if (all_filler)
				continue;
			goto garbage;
		}
		a[na++] = ch;
	}
	a[na] = '\0';
	if (any && all_filler && !unit)
		return GR_NUM_FILLER;
	if (na == 0)
		goto garbage;

	/* grammar: [+-]? (d{1,3}(,ddd)+ | d+) (. d+)? */
	p = 0;
	if (a[p] == '+' || a[p] == '-')
	{
		neg = a[p] == '-';
		p++;
	}
	if (p >= na || a[p] < '0' || a[p] > '9')
		goto garbage;
	{
		size_t		q = p;
		size_t		group = 0;
		bool		grouped = false;

		while (q < na && ((a[q] >= '0' && a[q] <= '9') || a[q] == ','))
		{
			if (a[q] == ',')
			{
				if ((!grouped && (group == 0 || group > 3)) ||
					(grouped && group != 3))
					goto garbage;
				grouped = true;
				group = 0;
			}
			else
			{
				group++;
				if (nd + 1 >= sizeof(digits))
					goto garbage;
				digits[nd++] = a[q];
			}
			q++;
		}
		if (grouped && group != 3)
			goto garbage;
		intdigits = nd;
		p = q;
	}
	if (p < na && a[p] == '.')
	{
		p++;
		if (p >= na)
			goto garbage;
		while (p < na && a[p] >= '0' && a[p] <= '9')
		{
			if (nd + 1 >= sizeof(digits))
				goto garbage;
			digits[nd++] = a[p++];
			decimals++;
		}
	}
	if (p != na)
		goto garbage;

	/* canonical text: sign, integer part without leading zeros, fraction */
	{
		char		canon[160];
		size_t		c = 0;
		size_t		k = 0;
		gr_dec		v = 0;
		gr_dec		unscaled;
		bool		fits = true;
		int			fracdrop;

		while (k + 1 < intdigits && digits[k] == '0')
			k++;
		if (neg)
			canon[c++] = '-';
		for (size_t m = k; m < intdigits; m++)
			canon[c++] = digits[m];
		if (decimals > 0)
		{
			canon[c++] = '.';
			for (size_t m = intdigits; m < nd; m++)
				canon[c++] = digits[m];
		}
		canon[c] = '\0';
		if (c == 2 && canon[0] == '-' && canon[1] == '0')
		{
			canon[0] = '0';
			canon[1] = '\0';
			c = 1;
		}
		cell->value = gr_strndup(mem, canon, c);	/* its length known */
		if (!cell->value)
			return GR_NUM_NOMEM;

		/* fixed-point value, exact when it fits */
		fracdrop = decimals > GR_DEC_SCALE ? decimals - GR_DEC_SCALE : 0;
		for (size_t m = 0; m < nd - (size_t) fracdrop; m++)
		{
			if (v > ((gr_dec) 1 << 120) / 10)
			{
				fits = false;
				break;
			}
			v = v * 10 + (digits[m] - '0');
		}
		for (size_t m = nd - (size_t) fracdrop; m < nd; m++)
			if (digits[m] != '0')
				fits = false;	/* more than 6 significant decimals */

		/*
		 * Scale to GR_DEC_SCALE decimals.  Multiplying by 10 step by step
		 * while v <= 2^120 / 10 fails at some step exactly when it fails at
		 * the last (v only grows), that is when v > (2^120 / 10) / 10^(k-1)
		 * for k steps: one test and one multiplication.
		 */
		unscaled = v;
		if (fits && decimals - fracdrop < GR_DEC_SCALE)
		{
			int			k = GR_DEC_SCALE - (decimals - fracdrop);

			if (v > dec_scale_limit[k - 1])
				fits = false;
			else
				v *= dec_pow10[k];
		}
		cell->num_ok = fits;
		cell->num = fits ? (neg ? -v : v) : 0;
		cell->decimals = decimals;
		cell->is_int = false;
		if (fits)
		{
			bool		integral = true;

			for (size_t m = intdigits; m < nd; m++)
				if (digits[m] != '0')
					integral = false;
			if (integral)
			{
				/*
				 * Without decimals the value before scaling is the whole
				 * part: no 128-bit division.
				 */
				gr_dec		whole = decimals > 0 ? cell->num / GR_DEC_ONE :
					neg ? -unscaled : unscaled;

				if (whole <= INT64_MAX && whole >= INT64_MIN)
				{
					cell->is_int = true;
					cell->ival = (int64_t) whole;
				}
			}
		}
		if (!fits)
			cell->flags |= GR_CELL_OVERFLOW;
		cell->has_value = true;
		cell->unit = unit;
		if (unit && strcmp(unit, "%") == 0)
			cell->flags |= GR_CELL_PERCENT;
	}
	return GR_NUM_OK;

garbage:
	return GR_NUM_GARBAGE;
}

/* ------------------------------------------------ traditional characters */

/*
 * Characters that only traditional Chinese uses and that the reports are
 * full of (國開關請數資處務機與會條項計結轉辦議訟復認規範費權護類過號應執證對實為爲區縣發員單業況總舉報訴內來個時這說設給組紀據擬戶從傳兩階際隱),
 * as a table indexed by the second and third bytes of a character as
 * loaded (gr_load_le16), masked to their low six bits: the lead byte of the
 * listed character that ends so, or 0.  No two listed characters share
 * their last twelve bits, so one byte per entry is exact (a character added
 * that did would set an entry twice, which -Wextra's -Woverride-init
 * reports).  The test is a load, a mask, a table load and a compare a
 * character: the word per lead and second byte it replaces, tested by a
 * shift of the third byte, made the scan a fifth slower (a shift by a
 * variable count is more than one step).  The table is constant: nothing
 * to build once per process, nor to wait for on each call.  16 KB, of
 * which the 64 rows of 64 bytes (one per second byte) are read.
 */
#define TRAD(c) [((c) >> 6 & 0x3F) | ((c) & 0x3F) << 8] = 0xE0 | (c) >> 12
static const unsigned char trad_lead[0x3F3F + 1] = {
	TRAD(0x4F86), TRAD(0x500B), TRAD(0x50B3), TRAD(0x5167), TRAD(0x5169),
	TRAD(0x52D9), TRAD(0x5340), TRAD(0x54E1), TRAD(0x55AE), TRAD(0x570B),
	TRAD(0x57F7), TRAD(0x5831), TRAD(0x5BE6), TRAD(0x5C0D), TRAD(0x5F9E),
	TRAD(0x5FA9), TRAD(0x61C9), TRAD(0x6236), TRAD(0x64DA), TRAD(0x64EC),
	TRAD(0x6578), TRAD(0x6642), TRAD(0x6703), TRAD(0x689D), TRAD(0x696D),
	TRAD(0x6A5F), TRAD(0x6B0A), TRAD(0x6CC1), TRAD(0x70BA), TRAD(0x7232),
	TRAD(0x767C), TRAD(0x7BC4), TRAD(0x7D00), TRAD(0x7D44), TRAD(0x7D50),
	TRAD(0x7D66), TRAD(0x7E23), TRAD(0x7E3D), TRAD(0x8207), TRAD(0x8209),
	TRAD(0x8655), TRAD(0x865F), TRAD(0x898F), TRAD(0x8A08), TRAD(0x8A1F),
	TRAD(0x8A2D), TRAD(0x8A34), TRAD(0x8A8D), TRAD(0x8AAA), TRAD(0x8ACB),
	TRAD(0x8B49), TRAD(0x8B70), TRAD(0x8B77), TRAD(0x8CBB), TRAD(0x8CC7),
	TRAD(0x8F49), TRAD(0x8FA6), TRAD(0x9019), TRAD(0x904E), TRAD(0x958B),
	TRAD(0x95DC), TRAD(0x968E), TRAD(0x969B), TRAD(0x96B1), TRAD(0x9805),
	TRAD(0x985E)
};
#undef TRAD

/*
 * Is the well-formed three-byte character at p listed?  (Its second and
 * third bytes loaded as the index of trad_lead, compared with its lead
 * byte; the index keeps only their low six bits, so the caller tests that
 * they are continuation bytes.)
 */
static inline bool
trad_listed(const unsigned char *p)
{
	return trad_lead[gr_load_le16(p + 1) & 0x3F3F] == p[0];
}

/*
 * The scan of gr_has_traditional(); with markers (a constant: each caller
 * gets its own copy) it also answers true at the first skip marker
 * (GR_SKIP_BEGIN or GR_SKIP_END).  The markers are ASCII, and every ASCII
 * byte of buf goes through the ASCII steps below (the other steps take
 * only bytes >= 0x80), so testing the blocks those steps load finds every
 * marker; any marker in a block is a byte of buf, so none is found that
 * is not there.
 */
static inline __attribute__((always_inline)) bool
trad_scan(const char *buf, size_t len, const bool markers)
{
	const unsigned char *u = (const unsigned char *) buf;
	const unsigned char *p8 = len >= 8 ? u + len - 8 : u;	/* eight bytes on */
	int			n = 0;

	for (size_t i = 0; i < len;)
	{
		if (u[i] < 0x80)
		{
			/*
			 * ASCII (digits and tabs between the labels of a table), eight
			 * bytes at a time, straight to the first byte that is not
			 * (sixteen with SSE2)
			 */
#ifdef GR_SSE2
			while (i + 16 <= len)
			{
				__m128i		v = _mm_loadu_si128((const __m128i *) (u + i));
				unsigned	m = (unsigned) _mm_movemask_epi8(v);

				if (markers &&
					_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(GR_SKIP_BEGIN)),
												   _mm_cmpeq_epi8(v, _mm_set1_epi8(GR_SKIP_END)))))
					return true;
				if (m)
				{
					i += (size_t) __builtin_ctz(m);
					goto cjk;
				}
				i += 16;
			}
#endif
			while (i + 8 <= len)
			{
				uint64_t	w = gr_load_le64(u + i),
							m = w & 0x8080808080808080u;

				/*
				 * a byte below 3 (exact as to whether there is one), then
				 * which: NUL is not a marker
				 */
				if (markers &&
					((w - 0x0303030303030303u) & ~w & 0x8080808080808080u) != 0)
				{
					for (int k = 0; k < 8; k++)
						if (u[i + k] == GR_SKIP_BEGIN || u[i + k] == GR_SKIP_END)
							return true;
				}
				if (m)
				{
					i += (size_t) __builtin_ctzll(m) / 8;
					goto cjk;
				}
				i += 8;
			}
			while (i < len && u[i] < 0x80)
			{
				if (markers && (u[i] == GR_SKIP_BEGIN || u[i] == GR_SKIP_END))
					return true;
				i++;
			}
			continue;
		}

		/*
		 * A run of three-byte characters (ideographs, CJK punctuation).  The
		 * list's characters are all three bytes long.
		 */
cjk:
		for (;;)
		{
			/*
			 * Two characters at a time, from one eight-byte load (six bytes
			 * used): one mask test says both are well-formed, one lookup
			 * of trad_lead each that neither is listed (a pair that holds
			 * one goes to the exact test below, which counts it).  Byte by
			 * byte, the checks cost more than the lookups.
			 */
			if (i + 8 <= len)
			{
				/* one induction variable, the loop's test at its end */
				const unsigned char *p = u + i;

				do
				{
					uint64_t	w = gr_load_le64(p);

					if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u ||
						(trad_listed(p) | trad_listed(p + 3)))
						break;
					p += 6;
				} while (p <= p8);
				i = (size_t) (p - u);
			}

			/*
			 * One character, tested exactly and counted: the first of a
			 * pair that may hold a listed one or holds a malformed one (the
			 * pairs resume after it), or one near the end of the buffer.
			 */
			if (!(i + 2 < len && (u[i] & 0xF0) == 0xE0 &&
				  (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80))
				break;
			if (trad_listed(u + i) && ++n >= 3)
				return true;
			i += 3;
		}
		if (i >= len || u[i] < 0x80)
			continue;
		/* any other character: to the next lead byte */
		i++;
		while (i < len && (u[i] & 0xC0) == 0x80)
			i++;
	}
	return false;
}

bool
gr_has_traditional(const char *buf, size_t len)
{
	return trad_scan(buf, len, false);
}

bool
gr_has_traditional_or_marker(const char *buf, size_t len)
{
	return trad_scan(buf, len, true);
}

/* Longest piece transliterated at once (cut on a character boundary). */
#define GR_TRANS_PIECE 256

/* Character by character: each ideograph replaced where its simplified
 * form has the same UTF-8 length. */
static gr_status
simplify_chars(UTransliterator *t, char *s, size_t len, bool *changed,
			   gr_error *err)
{
	for (size_t i = 0; i < len;)
	{
		size_t		at = i;
		uint32_t	c = gr_utf8_next(s, len, &i);
		UChar		u[8];
		int32_t		ulen = 0,
					limit,
					blen = 0;
		char		back[16];
		UErrorCode	status = U_ZERO_ERROR;

		if (!gr_is_han(c))
			continue;
		if (c >= 0x10000)
		{
			u[ulen++] = (UChar) (0xD7C0 + (c >> 10));
			u[ulen++] = (UChar) (0xDC00 | (c & 0x3FF));
		}
		else
			u[ulen++] = (UChar) c;
		limit = ulen;
		utrans_transUChars(t, u, &ulen, 8, 0, &limit, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
			continue;
		if (U_FAILURE(status))
			return gr_fail(err, GR_ERR_ICU, at, "could not convert traditional characters",
						   "ICU error: %s.", u_errorName(status));
		u_strToUTF8(back, (int32_t) sizeof(back), &blen, u, ulen, &status);
		if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
			continue;
		if ((size_t) blen == i - at && memcmp(s + at, back, (size_t) blen) != 0)
		{
			memcpy(s + at, back, (size_t) blen);
			*changed = true;
		}
	}
	return GR_OK;
}

static gr_status
simplify_span(UTransliterator *t, char *s, size_t len, bool *changed,
			  gr_error *err)
{
	size_t		i = 0;

	while (i < len)
	{
		UChar		u[GR_TRANS_PIECE * 2 + 8];
		int32_t		ulen = 0;
		int32_t		limit;
		size_t		start = i;
		bool		han = false;
		UErrorCode	status = U_ZERO_ERROR;
		char		back[GR_TRANS_PIECE * 4 * 3 + 16];
		int32_t		blen = 0;

		while (i < len && ulen < GR_TRANS_PIECE * 2)
		{
			uint32_t	c = gr_utf8_next(s, len, &i);

			if (gr_is_han(c))
				han = true;
			if (c >= 0x10000)
			{
				u[ulen++] = (UChar) (0xD7C0 + (c >> 10));
				u[ulen++] = (UChar) (0xDC00 | (c & 0x3FF));
			}
			else
				u[ulen++] = (UChar) c;
		}
		if (!han)
			continue;
		limit = ulen;
		utrans_transUChars(t, u, &ulen, (int32_t) (sizeof(u) / sizeof(u[0])),
						   0, &limit, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
			continue;			/* grew: leave this piece as it is */
		if (U_FAILURE(status))
			return gr_fail(err, GR_ERR_ICU, start,
						   "could not convert traditional characters",
						   "ICU error: %s.", u_errorName(status));
		u_strToUTF8(back, (int32_t) sizeof(back), &blen, u, ulen, &status);
		if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		{
			if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
				continue;
			return gr_fail(err, GR_ERR_ICU, start,
						   "could not convert traditional characters",
						   "ICU error: %s.", u_errorName(status));
		}
		/* same byte length only: offsets must not move */
		if ((size_t) blen == i - start)
		{
			if (memcmp(s + start, back, (size_t) blen) != 0)
			{
				memcpy(s + start, back, (size_t) blen);
				*changed = true;
			}
		}
		else
		{
			/* some character changed length: one character at a time */
			gr_status	st = simplify_chars(t, s + start, i - start, changed, err);

			if (st != GR_OK)
				return st;
		}
	}
	return GR_OK;
}

gr_status
gr_simplify_items(char *shadow, size_t len, const gr_items *it, bool *changed,
				  gr_error *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		id[] = {'T', 'r', 'a', 'd', 'i', 't', 'i', 'o', 'n', 'a', 'l', '-',
	'S', 'i', 'm', 'p', 'l', 'i', 'f', 'i', 'e', 'd', 0};
	UTransliterator *t;
	gr_status	st = GR_OK;

	*changed = false;
	t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status))
		return gr_fail(err, GR_ERR_ICU, 0,
					   "could not open the Traditional-Simplified transliterator",
					   "ICU error: %s.", u_errorName(status));
	for (size_t k = 0; k < it->n && st == GR_OK; k++)
	{
		const gr_item *x = &it->v[k];

		if (x->kind == GR_ITEM_ROW_END || x->len == 0 || x->off + x->len > len)
			continue;
		st = simplify_span(t, shadow + x->off, x->len, changed, err);
	}
	utrans_close(t);
	return st;
}
