/*
 * fuzz_parse.c - libFuzzer target over the pure-C parsing core.
 *
 * Built by "make fuzz" with clang -fsanitize=fuzzer,address,undefined and
 * only src/core on the include path (no PostgreSQL).  For each input:
 *
 *   1. gr_parse_all on the bytes as they are (the core validates UTF-8);
 *      every report is checked for sane spans and cells (offsets inside the
 *      input, printed text valid UTF-8, character lengths consistent) and
 *      handed to gr_check / gr_is_consistent (src/core/gr_rules.h);
 *   2. gr_parse (exactly one report) on the same bytes;
 *   3. gr_decode (raw bytes: BOM, GB18030, Big5 detection) and, when that
 *      gives text, gr_parse_all on the result;
 *   4. the same parse again with an allocator that fails after k
 *      allocations and a stop callback that fires after j polls (k, j from
 *      a hash of the input), to walk the GR_ERR_NOMEM and GR_ERR_CANCELLED
 *      paths: they must return that status, never crash or leak.
 *
 * Every block comes from a tracking allocator (free() really frees, so
 * ASan sees use-after-free; whatever the core leaves is released after each
 * input, as a memory context would be).
 *
 *   test/fuzz/run test/fuzz/corpus                 # fuzz
 *   test/fuzz/run test/fuzz/regressions/FILE       # replay one input
 */
#include "gr_core.h"
#include "gr_rules.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ allocator */

typedef struct blk
{
	struct blk *prev;
	struct blk *next;
	_Alignas(16) unsigned char data[];
} blk;

typedef struct heap
{
	blk		   *head;
	long		fail_after;		/* < 0: never fail */
	size_t		count;
} heap;

static void *
heap_alloc(void *ctx, size_t size)
{
	heap	   *h = ctx;
	blk		   *b;

	if (h->fail_after >= 0 && h->count >= (size_t) h->fail_after)
		return NULL;
	/* 64 MB per block is far above anything a fuzz input justifies */
	if (size > ((size_t) 64 << 20))
		return NULL;
	b = calloc(1, sizeof(blk) + size);
	if (!b)
		return NULL;
	h->count++;
	b->next = h->head;
	if (h->head)
		h->head->prev = b;
	h->head = b;
	return b->data;
}

static void
heap_free(void *ctx, void *ptr)
{
	heap	   *h = ctx;
	blk		   *b;

	if (!ptr)
		return;
	b = (blk *) ((unsigned char *) ptr - offsetof(blk, data));
	if (b->prev)
		b->prev->next = b->next;
	else
		h->head = b->next;
	if (b->next)
		b->next->prev = b->prev;
	free(b);
}

static void
heap_reset(heap *h)
{
	blk		   *b = h->head;

	while (b)
	{
		blk		   *n = b->next;

		free(b);
		b = n;
	}
	h->head = NULL;
	h->count = 0;
}

/* ------------------------------------------------------------ checks */

static int	stop_after;
static int	lax_warnings = -1;	/* GR_FUZZ_LAX_WARNINGS=1: skip the UTF-8 check of warnings */
static int	lax_cells = -1;		/* GR_FUZZ_LAX_CELLS=1: skip the UTF-8/position checks of cells */

static int
env_flag(const char *name)
{
	const char *v = getenv(name);

	return v && strcmp(v, "1") == 0;
}

static bool
stop_cb(void *ctx)
{
	int		   *polls = ctx;

	return ++*polls > stop_after;
}

#define FUZZ_ASSERT(c) do { if (!(c)) { \
	fprintf(stderr, "fuzz_parse.c:%d: invariant failed: %s\n", __LINE__, #c); \
	abort(); } } while (0)

static bool
utf8_valid(const unsigned char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = s[i];
		size_t		k;
		uint32_t	cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return false;
		if (i + k >= n)			/* needs s[i + 1] .. s[i + k] */
			return false;
		for (size_t j = 1; j <= k; j++)
		{
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		i += k + 1;
	}
	return true;
}

static size_t
utf8_chars(const unsigned char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static void
check_reports(const unsigned char *buf, size_t len, const gr_report *reps,
			  size_t n, heap *h, gr_mem *mem)
{
	bool		valid = utf8_valid(buf, len);

	for (size_t i = 0; i < n; i++)
	{
		const gr_report *r = &reps[i];
		gr_violation *v = NULL;
		size_t		nv = 0;
		gr_error	err;
		bool		consistent;
		gr_status	st;

		FUZZ_ASSERT(r->start <= r->end && r->end <= len);
		FUZZ_ASSERT(gr_format_name(r->format) != NULL);
		FUZZ_ASSERT(r->ncells == 0 || r->cells != NULL);
		FUZZ_ASSERT(r->nwarnings == 0 || r->warnings != NULL);
		if (r->agency)
			FUZZ_ASSERT(utf8_valid((const unsigned char *) r->agency, strlen(r->agency)));
		if (lax_warnings < 0)
			lax_warnings = env_flag("GR_FUZZ_LAX_WARNINGS");
		if (lax_cells < 0)
			lax_cells = env_flag("GR_FUZZ_LAX_CELLS");
		for (size_t w = 0; w < r->nwarnings; w++)
			FUZZ_ASSERT(r->warnings[w] != NULL &&
						(lax_warnings ||
						 utf8_valid((const unsigned char *) r->warnings[w],
									strlen(r->warnings[w]))));
		for (size_t c = 0; c < r->ncells; c++)
		{
			const gr_cell *cl = &r->cells[c];

			FUZZ_ASSERT(cl->tbl != NULL && cl->row_key != NULL);
			FUZZ_ASSERT(cl->off <= len && cl->len <= len - cl->off);
			FUZZ_ASSERT(!cl->has_value || cl->value != NULL);
			if (valid && !lax_cells)
			{
				/* positions in characters agree with the bytes */
				FUZZ_ASSERT(utf8_valid(buf + cl->off, cl->len));
				FUZZ_ASSERT(cl->char_len == utf8_chars(buf + cl->off, cl->len));
				if (cl->len > 0 || cl->char_start > 0)
					FUZZ_ASSERT(cl->char_start == utf8_chars(buf, cl->off) + 1);
			}
		}
		st = gr_check(r, mem, &v, &nv, &err);
		FUZZ_ASSERT(st == GR_OK || st == GR_ERR_NOMEM);
		if (st == GR_OK)
		{
			FUZZ_ASSERT(nv == 0 || v != NULL);
			for (size_t k = 0; k < nv; k++)
				FUZZ_ASSERT(v[k].rule != NULL && v[k].message != NULL);
		}
		st = gr_is_consistent(r, mem, &consistent, &err);
		FUZZ_ASSERT(st == GR_OK || st == GR_ERR_NOMEM);
		if (i > 0)
		{
			st = gr_check_pair(&reps[i - 1], r, mem, &v, &nv, &err);
			FUZZ_ASSERT(st == GR_OK || st == GR_ERR_NOMEM);
		}
	}
	(void) h;
}

static uint32_t
hash(const uint8_t *d, size_t n)
{
	uint32_t	x = 2166136261u;

	for (size_t i = 0; i < n; i++)
		x = (x ^ d[i]) * 16777619u;
	return x;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	heap		h = {NULL, -1, 0};
	gr_mem		mem = {heap_alloc, heap_free, &h};
	gr_options	opt = {0};
	gr_error	err;
	gr_report  *reps = NULL;
	gr_report	one;
	size_t		n = 0;
	gr_status	st;
	const char *buf = (const char *) data;
	uint32_t	hv = hash(data, size);

	/* 1. every report */
	st = gr_parse_all(buf, size, &opt, &mem, &reps, &n, &err);
	FUZZ_ASSERT(st == GR_OK || st == GR_ERR_ENCODING || st == GR_ERR_TOO_LARGE);
	if (st == GR_OK)
	{
		FUZZ_ASSERT(n == 0 || reps != NULL);
		check_reports(data, size, reps, n, &h, &mem);
	}
	heap_reset(&h);

	/* 2. exactly one */
	memset(&one, 0, sizeof(one));
	st = gr_parse(buf, size, &opt, &mem, &one, &err);
	FUZZ_ASSERT(st == GR_OK || st == GR_ERR_NOT_REPORT || st == GR_ERR_MULTIPLE ||
				st == GR_ERR_ENCODING || st == GR_ERR_TOO_LARGE);
	if (st == GR_OK)
		check_reports(data, size, &one, 1, &h, &mem);
	heap_reset(&h);

	/* 3. raw bytes */
	{
		char	   *u = NULL;
		size_t		ulen = 0;
		const char *det = NULL;

		st = gr_decode(buf, size, &mem, &u, &ulen, &det, &err);
		FUZZ_ASSERT(st == GR_OK || st == GR_ERR_ENCODING || st == GR_ERR_TOO_LARGE ||
					st == GR_ERR_ICU);
		if (st == GR_OK)
		{
			FUZZ_ASSERT(u != NULL && det != NULL && u[ulen] == '\0');
			FUZZ_ASSERT(utf8_valid((const unsigned char *) u, ulen));
			st = gr_parse_all(u, ulen, &opt, &mem, &reps, &n, &err);
			FUZZ_ASSERT(st == GR_OK);
			check_reports((const unsigned char *) u, ulen, reps, n, &h, &mem);
		}
		heap_reset(&h);
	}

	/* 4. allocation failure and cancellation part-way */
	{
		int			polls = 0;
		gr_options	o2 = {0};

		h.fail_after = (long) (hv % 64);
		st = gr_parse_all(buf, size, &opt, &mem, &reps, &n, &err);
		FUZZ_ASSERT(st == GR_OK || st == GR_ERR_NOMEM || st == GR_ERR_ENCODING ||
					st == GR_ERR_TOO_LARGE);
		heap_reset(&h);
		h.fail_after = -1;

		stop_after = (int) ((hv >> 8) % 4);
		o2.stop = stop_cb;
		o2.stop_ctx = &polls;
		st = gr_parse_all(buf, size, &o2, &mem, &reps, &n, &err);
		FUZZ_ASSERT(st == GR_OK || st == GR_ERR_CANCELLED || st == GR_ERR_ENCODING ||
					st == GR_ERR_TOO_LARGE);
		heap_reset(&h);

		/* a size limit below the input: refused before any allocation */
		if (size > 1)
		{
			o2.stop = NULL;
			o2.max_bytes = size - 1;
			st = gr_parse_all(buf, size, &o2, &mem, &reps, &n, &err);
			FUZZ_ASSERT(st == GR_ERR_TOO_LARGE);
			FUZZ_ASSERT(h.count == 0);
		}
		heap_reset(&h);
	}
	return 0;
}
