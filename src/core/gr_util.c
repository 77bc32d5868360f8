/*
 * gr_util.c - allocation helpers, growable arrays and warnings for the core.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memrchr */
#endif
#include "gr_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void *
gr_alloc(gr_mem *mem, size_t size)
{
	if (size == 0)
		size = 1;
	return mem->alloc(mem->ctx, size);
}

void *
gr_alloc_array(gr_mem *mem, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	return gr_alloc(mem, n * size);
}

void
gr_free(gr_mem *mem, void *p)
{
	if (p && mem->free)
		mem->free(mem->ctx, p);
}

char *
gr_strndup(gr_mem *mem, const char *s, size_t n)
{
	char	   *d;

	if (n == SIZE_MAX)
		return NULL;
	d = gr_alloc(mem, n + 1);
	if (d)
	{
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *
gr_strdup(gr_mem *mem, const char *s)
{
	return gr_strndup(mem, s, strlen(s));
}

static char *gr_vprintf(gr_mem *mem, const char *fmt, va_list ap)
			__attribute__((format(printf, 2, 0)));

static char *
gr_vprintf(gr_mem *mem, const char *fmt, va_list ap)
{
	va_list		ap2;
	int			n;
	char	   *d;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	d = gr_alloc(mem, (size_t) n + 1);
	if (d)
		vsnprintf(d, (size_t) n + 1, fmt, ap);
	return d;
}

char *
gr_printf(gr_mem *mem, const char *fmt,...)
{
	va_list		ap;
	char	   *d;

	va_start(ap, fmt);
	d = gr_vprintf(mem, fmt, ap);
	va_end(ap);
	return d;
}

/* Arrays of this many bytes or more grow by half instead of doubling. */
#define GR_GROW_SLOW ((size_t) 1024 * 1024)

bool
gr_grow(gr_mem *mem, void **arr, size_t *cap, size_t need, size_t elsize)
{
	size_t		ncap;
	void	   *n;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap : 8;
	while (ncap < need)
	{
		/*
		 * The old and the new array are alive together while it grows:
		 * three times the old size when doubling.  From GR_GROW_SLOW
		 * bytes on, grow by half (two and a half times), which keeps
		 * large arrays (the narrative reader's candidates, a warning per
		 * repeated row) within a smaller multiple of their contents.
		 */
		size_t		step = ncap >= GR_GROW_SLOW / elsize ? ncap / 2 : ncap;

		if (ncap > SIZE_MAX - step)
			return false;
		ncap += step;
	}
	n = gr_alloc_array(mem, ncap, elsize);
	if (!n)
		return false;
	if (*arr && *cap)
		memcpy(n, *arr, *cap * elsize);
	gr_free(mem, *arr);
	*arr = n;
	*cap = ncap;
	return true;
}

bool
gr_shrink(gr_mem *mem, void **arr, size_t *cap, size_t n, size_t elsize)
{
	if (n >= *cap)
		return true;
	return gr_resize(mem, arr, cap, n, n, elsize);
}

bool
gr_resize(gr_mem *mem, void **arr, size_t *cap, size_t used, size_t n,
		  size_t elsize)
{
	void	   *v = NULL;

	if (n > 0)
	{
		v = gr_alloc_array(mem, n, elsize);
		if (!v)
			return false;
		if (used > 0)
			memcpy(v, *arr, used * elsize);
	}
	gr_free(mem, *arr);
	*arr = v;
	*cap = n;
	return true;
}

/*
 * Drop the bytes of s that are no complete UTF-8 character, in place.
 * Warnings quote input cut to a byte length ("%.*s"), which can split a
 * character; every warning passes here, so no caller has to cut on a
 * character boundary itself.
 */
static void
utf8_repair(char *s)
{
	const unsigned char *r = (const unsigned char *) s;
	char	   *w = s;

	while (*r)
	{
		int			n = *r < 0x80 ? 1 : (*r & 0xE0) == 0xC0 ? 2 :
			(*r & 0xF0) == 0xE0 ? 3 : (*r & 0xF8) == 0xF0 ? 4 : 0;
		int			k;

		for (k = 1; k < n && (r[k] & 0xC0) == 0x80; k++)
			;
		if (n == 0 || k < n)
		{
			r += n == 0 ? 1 : k;	/* a stray or cut character */
			continue;
		}
		memmove(w, r, (size_t) n);
		w += n;
		r += n;
	}
	*w = '\0';
}

bool
gr_warn(gr_mem *mem, gr_report *r, size_t *cap, const char *fmt,...)
{
	va_list		ap;
	char	   *w;

	if (!gr_grow(mem, (void **) &r->warnings, cap, r->nwarnings + 1,
				 sizeof(char *)))
		return false;
	va_start(ap, fmt);
	w = gr_vprintf(mem, fmt, ap);
	va_end(ap);
	if (!w)
		return false;
	utf8_repair(w);
	r->warnings[r->nwarnings++] = w;
	return true;
}

gr_status
gr_fail(gr_error *err, gr_status st, size_t offset, const char *message,
		const char *detailfmt,...)
{
	va_list		ap;

	if (!err)
		return st;
	err->status = st;
	err->offset = offset;
	snprintf(err->message, sizeof(err->message), "%s", message);
	err->detail[0] = '\0';
	if (detailfmt)
	{
		va_start(ap, detailfmt);
		vsnprintf(err->detail, sizeof(err->detail), detailfmt, ap);
		va_end(ap);
	}
	return st;
}

void
gr_dec_format(gr_dec v, char *buf, size_t bufsize)
{
	char		tmp[64];
	int			i = 0;
	bool		neg = v < 0;
	unsigned __int128 u = neg ? (unsigned __int128) (-(v + 1)) + 1 : (unsigned __int128) v;
	int			frac;
	size_t		o = 0;
	int			lastnz = -1;
	char		digits[64];
	int			nd = 0;

	/* collect digits least significant first */
	do
	{
		digits[nd++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u != 0);
	while (nd <= GR_DEC_SCALE)
		digits[nd++] = '0';
	/* trailing fractional zeros are dropped */
	for (frac = 0; frac < GR_DEC_SCALE; frac++)
		if (digits[frac] != '0')
		{
			lastnz = frac;
			break;
		}
	if (neg)
		tmp[i++] = '-';
	for (int k = nd - 1; k >= GR_DEC_SCALE; k--)
		tmp[i++] = digits[k];
	if (lastnz >= 0)
	{
		tmp[i++] = '.';
		for (int k = GR_DEC_SCALE - 1; k >= lastnz; k--)
			tmp[i++] = digits[k];
	}
	tmp[i] = '\0';
	o = (size_t) i < bufsize ? (size_t) i : bufsize - 1;
	memcpy(buf, tmp, o);
	buf[o] = '\0';
}

size_t
gr_utf8_chars(const char *buf, size_t len)
{
	size_t		n = len;		/* less the continuation bytes */
	size_t		i = 0;

	if (len < 8)
	{
		/*
		 * Most calls count a cell (a few bytes).  Four to seven bytes in
		 * one word from two four-byte loads: the first four, then the last
		 * ones shifted past those they share with the first.
		 */
		if (len >= 4)
		{
			uint64_t	w = gr_load_le32(buf) |
				((uint64_t) gr_load_le32(buf + len - 4) >> ((8 - len) * 8)) << 32;

			w = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
			return len - (size_t) ((w * 0x0101010101010101u) >> 56);
		}
		for (; i < len; i++)
			if (((unsigned char) buf[i] & 0xC0) == 0x80)
				n--;
		return n;
	}

#ifdef GR_SSE2

	/*
	 * Sixteen bytes at a time: a continuation byte (80..BF) is, as a signed
	 * byte, below -64 (C0).  Each block subtracts the compare's -1 from the
	 * byte of acc under each one; at most 255 blocks before its bytes are
	 * summed (psadbw), so none overflows.  The rest (under sixteen bytes)
	 * goes on below.
	 */
	while (len - i >= 16)
	{
		size_t		blocks = (len - i) / 16 < 255 ? (len - i) / 16 : 255;
		size_t		end = i + 16 * blocks;
		__m128i		acc = _mm_setzero_si128();
		__m128i		lim = _mm_set1_epi8(-64);

		for (; i < end; i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpgt_epi8(lim, _mm_loadu_si128((const __m128i *) (buf + i))));
		acc = _mm_sad_epu8(acc, _mm_setzero_si128());
		n -= (size_t) _mm_cvtsi128_si32(acc) +
			(size_t) _mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
	}
#endif

	/*
	 * Eight bytes at a time: a continuation byte has bit 7 set, bit 6 clear.
	 * Each word adds 1 to the byte of acc under each one; at most 255 words
	 * go into acc before its bytes are summed, so none overflows.  Two words
	 * a step; an odd one first.
	 */
	while (len - i >= 8)
	{
		size_t		words = (len - i) / 8 < 255 ? (len - i) / 8 : 255;
		size_t		end = i + 8 * words;
		uint64_t	acc = 0;

		if (words & 1)
		{
			uint64_t	w;

			memcpy(&w, buf + i, 8);
			acc = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
			i += 8;
		}
		for (; i < end; i += 16)
		{
			uint64_t	w,
						v;

			memcpy(&w, buf + i, 8);
			memcpy(&v, buf + i + 8, 8);
			acc += ((w & ~(w << 1)) >> 7 & 0x0101010101010101u) +
				((v & ~(v << 1)) >> 7 & 0x0101010101010101u);
		}
		acc = (acc & 0x00FF00FF00FF00FFu) + ((acc >> 8) & 0x00FF00FF00FF00FFu);
		n -= (size_t) ((acc * 0x0001000100010001u) >> 48);
	}
	if (i < len && len >= 8)
	{
		/* the last 1..7 bytes: the last eight, less those counted */
		uint64_t	w = gr_load_le64(buf + len - 8);
		unsigned	seen = (unsigned) (8 - (len - i)) * 8;

		w = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
		w >>= seen;				/* the bytes already counted */
		return n - (size_t) ((w * 0x0101010101010101u) >> 56);
	}
	for (; i < len; i++)
		if (((unsigned char) buf[i] & 0xC0) == 0x80)
			n--;
	return n;
}

const char *
gr_memrchr(const char *s, char c, size_t n)
{
#ifdef __GLIBC__
	return memrchr(s, c, n);
#else
	while (n > 0)
		if (s[--n] == c)
			return s + n;
	return NULL;
#endif
}

/*
 * gr_find for callers that take its address or #undef the macro (in
 * parentheses: not the macro of gr_util.h).
 */
const char *
(gr_find) (const char *s, size_t len, const char *needle)
{
	return gr_find_n(s, len, needle, strlen(needle));
}
