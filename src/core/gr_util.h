/*
 * gr_util.h - allocation helpers, growable arrays and warnings for the core.
 */
#ifndef GR_UTIL_H
#define GR_UTIL_H

#include "gr_core.h"

#include <string.h>

/* Allocation through the caller's allocator; NULL on failure or overflow. */
void	   *gr_alloc(gr_mem *mem, size_t size);
void	   *gr_alloc_array(gr_mem *mem, size_t n, size_t size);
void		gr_free(gr_mem *mem, void *p);
char	   *gr_strndup(gr_mem *mem, const char *s, size_t n);
char	   *gr_strdup(gr_mem *mem, const char *s);
char	   *gr_printf(gr_mem *mem, const char *fmt, ...)
			__attribute__((format(printf, 2, 3)));

/*
 * Grow *arr (of *cap elements of size elsize) so that it holds at least
 * need elements.  Doubles the capacity (by half from 1 MB on); false on
 * allocation failure or size overflow.
 */
bool		gr_grow(gr_mem *mem, void **arr, size_t *cap, size_t need,
					size_t elsize);

/*
 * Reallocate *arr (capacity *cap) to exactly n elements when it has spare
 * capacity: an array grown by doubling may be half empty.  False on
 * allocation failure (*arr is then unchanged).
 */
bool		gr_shrink(gr_mem *mem, void **arr, size_t *cap, size_t n,
					  size_t elsize);

/*
 * Reallocate *arr (capacity *cap, the first used elements in use) to
 * exactly n >= used elements, larger or smaller.  Same conventions.
 */
bool		gr_resize(gr_mem *mem, void **arr, size_t *cap, size_t used,
					  size_t n, size_t elsize);

/* Append a formatted warning to r->warnings (capacity tracked in *cap). */
bool		gr_warn(gr_mem *mem, gr_report *r, size_t *cap, const char *fmt, ...)
			__attribute__((format(printf, 4, 5)));

/* Set err and return its status. */
gr_status	gr_fail(gr_error *err, gr_status st, size_t offset,
					const char *message, const char *detailfmt, ...)
			__attribute__((format(printf, 5, 6)));

/* Format a fixed-point decimal exactly ("-5", "32694.3253"); buf >= 48 bytes. */
void		gr_dec_format(gr_dec v, char *buf, size_t bufsize);

/*
 * Two, four or eight bytes at p as one integer, the first byte lowest whatever
 * the machine's byte order: for the word-at-a-time tests of text.
 */
static inline uint32_t
gr_load_le32(const void *p)
{
	uint32_t	w;

	memcpy(&w, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap32(w);
#endif
	return w;
}

static inline uint16_t
gr_load_le16(const void *p)
{
	uint16_t	w;

	memcpy(&w, p, 2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap16(w);
#endif
	return w;
}

static inline uint64_t
gr_load_le64(const void *p)
{
	uint64_t	w;

	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/*
 * Bytes of the word v equal to b: 0x80 in each such byte.  gr_bytes_eq is
 * exact as to whether there is one (and where the lowest is), but may also
 * flag a byte above a flagged one (a borrow); gr_bytes_eq_exact flags each
 * such byte and no other (the low seven bits of each byte are added on
 * their own, no carry between bytes), for counts and highest-byte tests.
 */
static inline uint64_t
gr_bytes_eq(uint64_t v, unsigned char b)
{
	uint64_t	x = v ^ (0x0101010101010101u * b);

	return (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
}

static inline uint64_t
gr_bytes_eq_exact(uint64_t v, unsigned char b)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
	uint64_t	x = v ^ (0x0101010101010101u * b);

	return ~(((x & low7) + low7) | x) & 0x8080808080808080u;
}

/*
 * SSE2 (part of every x86-64) for the sixteen-byte block skips of the prose
 * passes.  Each such use keeps a portable equivalent beside it; build with
 * -DGR_NO_SSE2 to run (and test) that one instead.
 */
#if defined(__SSE2__) && !defined(GR_NO_SSE2)
#define GR_SSE2 1
#include <emmintrin.h>
#endif

/* Last occurrence of c in s[0..n), or NULL (memrchr). */
const char *gr_memrchr(const char *s, char c, size_t n);

/* First occurrence of the NUL-terminated needle in s[0..len), or NULL. */
const char *gr_find(const char *s, size_t len, const char *needle);

/*
 * The same for a needle of n bytes (n = strlen(needle)).
 *
 * The needles are a few UTF-8 characters and the lines short, where glibc's
 * memmem spends more on setting up than on searching.  memchr looks for one
 * byte of the needle instead: the last byte of its first character, which
 * in CJK text is one of 64 continuation bytes (a lead byte would match a
 * sixth of all characters); each match is then compared whole.
 *
 * Inline, behind the gr_find macro: most needles are literals, whose
 * length, byte looked for and comparison (a memcmp of constant size) the
 * compiler then works out, instead of a call, a strlen and a loop per
 * search (the readers search every line for some).
 */
static inline const char *
gr_find_n(const char *s, size_t len, const char *needle, size_t n)
{
	size_t		k = 0;			/* the byte of the needle looked for */
	const char *p;

	if (n == 0 || n > len)
		return NULL;
#ifdef GR_SSE2

	/*
	 * With SSE2, sixteen places at a time where the needle's first two
	 * bytes are (in CJK text, one character in a few hundred), each then
	 * compared whole: a memchr call cost more than the search on a short
	 * line, and the byte it looks for is one of 64.  The last places (the
	 * second byte's load ends sixteen on) by memchr below.
	 */
	if (n >= 2)
	{
		__m128i		b0 = _mm_set1_epi8(needle[0]);
		__m128i		b1 = _mm_set1_epi8(needle[1]);
		size_t		j;

		for (j = 0; j + 17 <= len && j <= len - n; j += 16)
		{
			unsigned	m = (unsigned) _mm_movemask_epi8(
				_mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + j)), b0),
							  _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + j + 1)), b1)));

			if (len - n - j < 15)
				m &= (2u << (len - n - j)) - 1;	/* places up to len - n */
			while (m)
			{
				size_t		at = j + (size_t) __builtin_ctz(m);

				if (memcmp(s + at, needle, n) == 0)
					return s + at;
				m &= m - 1;
			}
		}
		if (j > len - n)
			return NULL;
		s += j;
		len -= j;
	}
#endif
	while (k + 1 < n && ((unsigned char) needle[k + 1] & 0xC0) == 0x80)
		k++;
	for (p = s + k; (size_t) (p - s) <= len - n + k;)
	{
		p = memchr(p, needle[k], len - n + k + 1 - (size_t) (p - s));
		if (!p)
			return NULL;
		if (memcmp(p - k, needle, n) == 0)
			return p - k;
		p++;
	}
	return NULL;
}

#define gr_find(s, len, needle) gr_find_n((s), (len), (needle), strlen(needle))

/* Number of UTF-8 characters in buf[0..len). */
size_t		gr_utf8_chars(const char *buf, size_t len);

#endif							/* GR_UTIL_H */
