/*
 * gr_parse.c - from a document to its reports.
 *
 * The document is tokenised once into items, cut into report segments at
 * report starts (titles, "引言", the regulation sentence, orphan table
 * blocks), and every segment is read by the table, metadata and narrative
 * readers.  Verbatim repeats are returned once.
 */
#include "gr_build.h"
#include "gr_labels.h"
#include "gr_legacy.h"
#include "gr_layouts.h"
#include "gr_text.h"
#include "gr_util.h"

#include <stdlib.h>
#include <string.h>

const char *
gr_format_name(gr_format f)
{
	switch (f)
	{
		case GR_FMT_TEMPLATE_2021:
			return "template_2021";
		case GR_FMT_TEMPLATE_2019:
			return "template_2019";
		case GR_FMT_STATS_PRE2019:
			return "stats_table_pre2019";
		case GR_FMT_NARRATIVE:
			return "narrative";
		default:
			return NULL;
	}
}

const char *
gr_layout_name(gr_layout l)
{
	switch (l)
	{
		case GR_LAYOUT_TAB:
			return "tab";
		case GR_LAYOUT_PIPE:
			return "pipe";
		case GR_LAYOUT_MARKDOWN:
			return "markdown";
		case GR_LAYOUT_HTML:
			return "html";
		case GR_LAYOUT_ALIGNED:
			return "aligned";
		case GR_LAYOUT_GLUED:
			return "glued";
		case GR_LAYOUT_PROSE:
			return "prose";
		default:
			return NULL;
	}
}

const gr_cell *
gr_report_find(const gr_report *r, const char *tbl, const char *row,
			   const char *col)
{
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];

		/*
		 * Cells read back from SQL may have NULL keys.  The first bytes
		 * first: most cells differ there, without a strcmp call.
		 */
		if (c->tbl && c->row_key && c->tbl[0] == tbl[0] && c->row_key[0] == row[0] &&
			strcmp(c->tbl, tbl) == 0 && strcmp(c->row_key, row) == 0 &&
			((col == NULL && c->col_key == NULL) ||
			 (col && c->col_key && strcmp(c->col_key, col) == 0)))
			return c;
	}
	return NULL;
}

/* ----------------------------------------------------------- segmenting */

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t		n = strlen(suffix);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/*
 * Does s[0..n) hold "报告"?  Asked of every prose line of the document:
 * with gr_find it was the largest part of split()'s time.  With SSE2, sixteen
 * places at a time where 报's first two bytes are (E6 8A), each then
 * compared whole: a third compare (告's first byte) cost more than the
 * other characters starting with E6 8A (one in a few hundred: 投, 技, 护)
 * it spared, timed alone on the lines of the generated reports.  Two
 * blocks a step, their places tested once together: a match is that rare,
 * and the tests and the step per block were most of the search on the
 * long lines of a narrative.  The whole comparison needs bytes up to
 * j + 21; the last places are one more block that ends there, less the
 * places already seen, instead of the block loop's tests per block
 * (gr_find masks every block, for needles of any length) or a memchr call.
 * Lines under 21 bytes a byte at a time.  Without SSE2, gr_find.
 */
#ifdef GR_SSE2
/* Places j .. j + 15 where 报's first two bytes are (bit k: place j + k). */
static inline unsigned
report_block(const char *s, size_t j)
{
	return (unsigned) _mm_movemask_epi8(
		_mm_and_si128(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + j)),
						   _mm_set1_epi8((char) 0xE6)),
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + j + 1)),
						   _mm_set1_epi8((char) 0x8A))));
}

/* Does one of the places of m (bit k: place j + k, k < 32) hold "报告"? */
static inline bool
report_at(const char *s, size_t j, unsigned m)
{
	for (; m; m &= m - 1)
		if (memcmp(s + j + (size_t) __builtin_ctz(m), "报告", 6) == 0)
			return true;
	return false;
}
#endif

static inline bool
has_report_word(const char *s, size_t n)
{
#ifdef GR_SSE2
	size_t		j = 0;
	size_t		last;

	if (n < 21)
	{
		for (; j + 6 <= n; j++)
			if (s[j] == (char) 0xE6 && memcmp(s + j, "报告", 6) == 0)
				return true;
		return false;
	}
	for (; j + 16 + 21 <= n; j += 32)
	{
		unsigned	m = report_block(s, j) | report_block(s, j + 16) << 16;

		if (m && report_at(s, j, m))
			return true;
	}
	if (j + 21 <= n)
	{
		if (report_at(s, j, report_block(s, j)))
			return true;
		j += 16;
	}
	/* places j .. n - 6 are left (none when j > n - 6): one block ending at n */
	if (j > n - 6)
		return false;
	last = n - 21;				/* below j: j + 21 > n here */
	return report_at(s, last, report_block(s, last) & (~0u << (j - last)));
#else
	return gr_find(s, n, "报告") != NULL;
#endif
}

/*
 * Does the prose line at item i start a report?  Returns the item index the
 * report starts at (a title split over lines starts on the line above), or
 * -1.  *kind says which marker it is, in the order they appear inside one
 * report: 0 a title, 1 the "引言" heading, 2 the regulation sentence
 * ("本报告是根据…编制的YYYY年度…", "由…编制的…年度报告", "…第五十条…编制
 * 本报告").
 */
static long
report_start(const char *buf, const gr_items *items, size_t i, int *kind)
{
	const gr_item *it = &items->v[i];
	const char *s = buf + it->off;
	size_t		n = it->len;

	if (it->kind != GR_ITEM_PROSE)
		return -1;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	/* "引言" / "引 言" alone on a line */
	*kind = 1;
	if ((n == 6 && memcmp(s, "引言", 6) == 0) ||
		(n == 7 && memcmp(s, "引 言", 7) == 0) ||
		(n == 9 && memcmp(s, "引　言", 9) == 0))
		return (long) i;
	/* every other start names the report: most lines are out at once */
	if (!has_report_word(s, n))
		return -1;
	/* the regulation sentence of old and new reports */
	*kind = 2;
	if (gr_find(s, n, "政府信息公开条例") &&
		(gr_find(s, n, "编制本报告") ||
		 (gr_find(s, n, "本报告是根据") && gr_find(s, n, "编制的"))))
		return (long) i;
	if (n < 400 && gr_find(s, n, "编制的") && gr_find(s, n, "年度报告") &&
		gr_find(s, n, "由") && gr_find(s, n, "信息公开"))
		return (long) i;
	/* a title line ending in 年度报告 */
	*kind = 0;
	if (n < 240 && ends_with(s, n, "年度报告"))
	{
		if (gr_find(s, n, "政府信息公开"))
		{
			/* the agency alone on the line above? */
			if (i > 0 && items->v[i - 1].kind == GR_ITEM_PROSE &&
				items->v[i - 1].len <= 90 && items->v[i - 1].line + 1 >= it->line &&
				!gr_find(buf + items->v[i - 1].off, items->v[i - 1].len, "。"))
			{
				const gr_item *p = &items->v[i - 1];

				if (!gr_find(buf + p->off, p->len, "年") &&
					!gr_find(buf + p->off, p->len, "，") &&
					!gr_find(buf + p->off, p->len, ","))
					return (long) i - 1;
			}
			return (long) i;
		}
		if (i > 0 && items->v[i - 1].kind == GR_ITEM_PROSE &&
			gr_find(buf + items->v[i - 1].off, items->v[i - 1].len, "政府信息公开") &&
			items->v[i - 1].len <= 120)
			return (long) i - 1;
	}
	return -1;
}

typedef struct seg
{
	size_t		from;
	size_t		to;
} seg;

/*
 * Longest cell an anchor label is looked for in: HTML cells print their raw
 * source when Word split their text into runs, so a short label may come
 * with long <span style=...> markup.
 */
#define GR_ANCHOR_MAX_BYTES 4096

/*
 * The anchors of split(): a cell of the first table-2 section ("第二十条
 * 第(一)项") and the first label of table 3 ("本年新收…").  Every item of
 * the document is asked: the tests that turn nearly all of them down
 * (kind, length, the search for the two words) are inline, and the keys
 * are made out of line (t2_start_key, t3_anchor_key), so that the other
 * items pay no call and no frame for a key buffer.
 */
#define ANCHOR_T2 1				/* holds "第二十条" */
#define ANCHOR_T3 2				/* holds "本年新收" */

/* Test the places of m (bit k: place j + k) for the two words. */
static inline int
anchor_places(const char *s, size_t j, unsigned m)
{
	int			bits = 0;

	while (m)
	{
		size_t		at = j + (size_t) __builtin_ctz(m);

		if (memcmp(s + at, "第二十条", 12) == 0)
			bits |= ANCHOR_T2;
		else if (memcmp(s + at, "本年新收", 12) == 0)
			bits |= ANCHOR_T3;
		m &= m - 1;
	}
	return bits;
}

/*
 * Which of the two words s[0..n) holds (n >= 12, their length).  With
 * SSE2, one pass for both: sixteen places at a time where three bytes of
 * either are (第: E7 AC at 0, E4 at 3; 本: E6 9C, E5), the last places one
 * block that ends at the text's end, less those seen; cells under 19 bytes
 * place by place.  gr_find for each, twice over the cell, masked every
 * block and ending in a memchr call, cost more than the rest of split().
 * Without SSE2, gr_find.
 */
#ifdef GR_SSE2
/*
 * Places j .. j + 15 where three bytes of either word are (bit k: place
 * j + k); the loads end at j + 18.
 */
static inline unsigned
anchor_block(const char *s, size_t j)
{
	__m128i		x0 = _mm_loadu_si128((const __m128i *) (s + j));
	__m128i		x1 = _mm_loadu_si128((const __m128i *) (s + j + 1));
	__m128i		x3 = _mm_loadu_si128((const __m128i *) (s + j + 3));

	return (unsigned) _mm_movemask_epi8(_mm_or_si128(
		_mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(x0, _mm_set1_epi8((char) 0xE7)),
									_mm_cmpeq_epi8(x1, _mm_set1_epi8((char) 0xAC))),
					  _mm_cmpeq_epi8(x3, _mm_set1_epi8((char) 0xE4))),
		_mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(x0, _mm_set1_epi8((char) 0xE6)),
									_mm_cmpeq_epi8(x1, _mm_set1_epi8((char) 0x9C))),
					  _mm_cmpeq_epi8(x3, _mm_set1_epi8((char) 0xE5)))));
}
#endif

static inline int
anchor_words(const char *s, size_t n)
{
#ifdef GR_SSE2
	int			bits = 0;
	size_t		j = 0;

	if (n < 19)
	{
		for (; j + 12 <= n; j++)
			if (s[j] == (char) 0xE7 || s[j] == (char) 0xE6)
				bits |= anchor_places(s, j, 1);
		return bits;
	}
	for (;;)
	{
		/* loads end at j + 18 < n; places up to n - 12 count */
		unsigned	m = anchor_block(s, j);
		size_t		seen = j + 16;

		if (n - 12 - j < 15)
			m &= (2u << (n - 12 - j)) - 1;
		bits |= anchor_places(s, j, m);
		if (seen > n - 12)
			return bits;
		if (seen + 19 <= n)
		{
			j = seen;
			continue;
		}
		/* the last block: places n - 19 .. n - 12 not seen yet */
		j = n - 19;
		m = anchor_block(s, j) & 0xFFu & (~0u << (seen - j));
		return bits | anchor_places(s, j, m);
	}
#else
	return (gr_find(s, n, "第二十条") ? ANCHOR_T2 : 0) |
		(gr_find(s, n, "本年新收") ? ANCHOR_T3 : 0);
#endif
}

static bool t2_start_key(const char *buf, const gr_item *it, gr_error *err);
static bool t3_anchor_key(const char *buf, const gr_item *it, gr_error *err);

static bool
t2_start_key(const char *buf, const gr_item *it, gr_error *err)
{
	char		key[GR_KEY_SIZE];

	if (gr_item_key(buf, it, key, err) < 0)
		return false;
	return gr_t2_section(key) == 1;
}

static bool
t3_anchor_key(const char *buf, const gr_item *it, gr_error *err)
{
	char		key[GR_KEY_SIZE];

	if (gr_item_key(buf, it, key, err) < 0)
		return false;
	return gr_is_t3_start(key);
}

static gr_status
split(const char *buf, const gr_items *items, gr_mem *mem, seg **out,
	  size_t *nout, gr_error *err)
{
	size_t		cap = 0;
	size_t		cur = 0;		/* start of the current segment */
	bool		has_t2 = false,
				has_t3 = false;
	size_t		prose = 0;
	int			seen = -1;		/* latest report marker kind in this segment */
	size_t		since = 0;		/* prose lines since that marker */
	seg		   *v = NULL;
	size_t		n = 0;

	for (size_t i = 0; i < items->n; i++)
	{
		const gr_item *it = &items->v[i];
		long		start = -1;
		long		marker = -1;
		int			kind = -1;
		/* most cells are numbers, shorter than the words looked for */
		int			words = it->kind == GR_ITEM_CELL && it->len >= 12 &&
			it->len <= GR_ANCHOR_MAX_BYTES ? anchor_words(buf + it->off, it->len) : 0;
		bool		t2 = (words & ANCHOR_T2) && t2_start_key(buf, it, err);
		bool		t3 = !t2 && (words & ANCHOR_T3) && t3_anchor_key(buf, it, err);

		/* only making a key can fail: the other items skip the test */
		if (words && err->status != GR_OK)
			return err->status;
		if (it->kind == GR_ITEM_PROSE)
		{
			marker = report_start(buf, items, i, &kind);
			start = marker;
			if (start >= 0 && !has_t2 && !has_t3)
			{
				/*
				 * Without tables in the current segment a marker starts a
				 * new report only when the current one already has its own
				 * marker of the same or a later kind (title, 引言, the
				 * regulation sentence follow each other inside one report,
				 * a few lines apart) and some text after it; with no marker
				 * yet, only after more than a few lines of preamble
				 * (banners, abstracts).
				 */
				if (seen < 0 ? prose < 4 : ((kind > seen && since < 10) || since < 2))
					start = -1;
			}
			if (start >= 0 && (size_t) start < cur)
				start = -1;
		}
		else if (t2)
		{
			if (has_t3)
				start = (long) i;	/* an orphan table block */
			has_t2 = true;
		}
		else if (t3)
		{
			if (has_t3)
			{
				/* a second table 3 without a table 2 between: back up to
				 * its header, the note cell or 申请人情况 */
				size_t		k = i;

				while (k > cur + 1 && i - k < 40 && items->v[k - 1].kind != GR_ITEM_PROSE)
					k--;
				start = (long) k;
			}
			has_t3 = true;
		}
		if (start >= 0 && (size_t) start > cur)
		{
			if (!gr_grow(mem, (void **) &v, &cap, n + 1, sizeof(seg)))
				return gr_fail(err, GR_ERR_NOMEM, it->off, "out of memory", NULL);
			v[n].from = cur;
			v[n].to = (size_t) start;
			n++;
			cur = (size_t) start;
			has_t2 = t2;
			has_t3 = t3;
			prose = 0;
			seen = -1;
			since = 0;
		}
		if (marker >= 0)
		{
			if (kind > seen || start >= 0)
				seen = kind;
			since = 0;
		}
		else if (it->kind == GR_ITEM_PROSE)
			since++;
		if (it->kind == GR_ITEM_PROSE)
			prose++;
	}
	if (!gr_grow(mem, (void **) &v, &cap, n + 1, sizeof(seg)))
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	v[n].from = cur;
	v[n].to = items->n;
	n++;
	*out = v;
	*nout = n;
	return GR_OK;
}

/* ------------------------------------------------------- report assembly */

static int
cmp_cell_off(const void *a, const void *b)
{
	const gr_cell *x = a,
			   *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	/* equal offsets (cells a short row lacks): keep emission order */
	return x->char_start < y->char_start ? -1 : x->char_start > y->char_start;
}

/* Cells sorted on the stack (two keys of 8 bytes each); more: qsort. */
#define SORT_CELLS_MAX 512

/*
 * Sort a[0..n) (distinct keys) by merging its ascending runs, with tmp
 * (n keys) as the other buffer; returns the one holding the result.  The
 * runs are found once (bnd: room for n + 1 bounds); each pass merges them
 * two by two and keeps every other bound.
 */
static uint64_t *
merge_runs(uint64_t *a, uint64_t *tmp, size_t *bnd, size_t n)
{
	uint64_t   *src = a,
			   *dst = tmp;
	size_t		nb = 0;

	bnd[nb++] = 0;
	for (size_t i = 1; i < n; i++)
		if (a[i - 1] > a[i])
			bnd[nb++] = i;
	bnd[nb] = n;				/* runs: [bnd[k], bnd[k + 1]) for k < nb */
	while (nb > 1)
	{
		size_t		k,
					m = 0;

		for (k = 0; k + 1 < nb; k += 2)
		{
			size_t		x = bnd[k],
						mid = bnd[k + 1],
						y = mid,
						e = bnd[k + 2],
						o = x;

			/*
			 * A reader's cells often all precede another's (the figures of
			 * the text before the tables): the later run goes first whole,
			 * without a comparison per cell.
			 */
			if (src[e - 1] < src[x])
			{
				memcpy(dst + o, src + mid, (e - mid) * sizeof(uint64_t));
				memcpy(dst + o + (e - mid), src + x, (mid - x) * sizeof(uint64_t));
			}
			else
			{
				while (x < mid && y < e)
					dst[o++] = src[x] < src[y] ? src[x++] : src[y++];
				memcpy(dst + o, src + x, (mid - x) * sizeof(uint64_t));
				o += mid - x;
				memcpy(dst + o, src + y, (e - y) * sizeof(uint64_t));
			}
			bnd[m++] = bnd[k];
		}
		if (k < nb)
		{
			/* an odd run out */
			memcpy(dst + bnd[k], src + bnd[k], (n - bnd[k]) * sizeof(uint64_t));
			bnd[m++] = bnd[k];
		}
		bnd[m] = n;
		nb = m;
		{
			uint64_t   *t = src;

			src = dst;
			dst = t;
		}
	}
	return src;
}

/*
 * Sort the cells by offset, then emission order (cmp_cell_off's order).
 * The cells come in a few ascending runs (one per table or reader), which
 * qsort does not see: it cost ~200 instructions per cell.  Keys (offset,
 * index) are merged run by run instead, then the cells permuted in place,
 * cycle by cycle.  A total order: the result is qsort's.
 */
static void
sort_cells(gr_cell *cells, size_t n)
{
	uint64_t	key[SORT_CELLS_MAX];
	uint64_t	tmp[SORT_CELLS_MAX];
	size_t		bnd[SORT_CELLS_MAX + 1];
	uint64_t   *sorted;

	if (n > SORT_CELLS_MAX)
	{
		qsort(cells, n, sizeof(gr_cell), cmp_cell_off);
		return;
	}
	for (size_t i = 0; i < n; i++)
		key[i] = (uint64_t) cells[i].off << 32 | i;
	sorted = merge_runs(key, tmp, bnd, n);

	/* cell j of the result is cells[sorted[j] low half]; the other array marks done */
	{
		uint64_t   *done = sorted == key ? tmp : key;

		memset(done, 0, n * sizeof(uint64_t));
		for (size_t j = 0; j < n; j++)
		{
			size_t		k = j;
			gr_cell		hold;

			if (done[j] || (size_t) (uint32_t) sorted[j] == j)
				continue;
			hold = cells[j];
			for (;;)
			{
				size_t		from = (uint32_t) sorted[k];

				done[k] = 1;
				if (from == j)
				{
					cells[k] = hold;
					break;
				}
				cells[k] = cells[from];
				k = from;
			}
		}
	}
}

/*
 * gr_utf8_chars(p, n) inline for the spans of up to eight bytes: most cells
 * and the gaps between the cells of a table.  A call per cell and gap, and
 * a byte loop whose length changes from cell to cell (a mispredicted exit
 * each), cost more than the count: four to eight bytes in one word from
 * two four-byte loads (the first four, then the last ones shifted past
 * those they share), as gr_utf8_chars does.  Reads only p[0..n).
 */
static inline size_t
span_chars(const char *p, size_t n)
{
	if (n >= 4 && n <= 8)
	{
		uint64_t	w = gr_load_le32(p) |
			((uint64_t) gr_load_le32(p + n - 4) >> ((8 - n) * 8)) << 32;

		/* continuation bytes (10xxxxxx): bit 7 set, bit 6 clear */
		w = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
		return n - (size_t) ((w * 0x0101010101010101u) >> 56);
	}
	if (n < 4)
	{
		size_t		c = n;

		for (size_t k = 0; k < n; k++)
			c -= ((unsigned char) p[k] & 0xC0) == 0x80;
		return c;
	}
	return gr_utf8_chars(p, n);
}

/*
 * Document order and character positions.  *cur_byte / *cur_char is a
 * cursor that only moves forward, so positions cost one pass overall.
 */
static void
place_cells(const char *buf, gr_report *r, size_t *cur_byte, size_t *cur_char)
{
	for (size_t i = 0; i < r->ncells; i++)
		r->cells[i].char_start = i;	/* tie-breaker for the sort */
	if (r->ncells > 1)
		sort_cells(r->cells, r->ncells);
	for (size_t i = 0; i < r->ncells; i++)
	{
		gr_cell    *c = &r->cells[i];

		if (c->off < *cur_byte)
		{
			/* cursor ahead (reports overlap nowhere, but be safe) */
			*cur_byte = 0;
			*cur_char = 0;
		}
		*cur_char += span_chars(buf + *cur_byte, c->off - *cur_byte);
		*cur_byte = c->off;
		c->char_start = *cur_char + 1;
		c->char_len = span_chars(buf + c->off, c->len);
	}
}

/*
 * The four headline totals of a template report: the first cell of each of
 * their t3 rows in the total column (what gr_report_find would return),
 * found in one pass over the cells instead of a pass per total.
 */
static const char *const t3_totals[4] = {
	"new_received", "carried_over", "processed_total", "carried_forward"
};

static void
find_totals(const gr_report *r, const gr_cell *found[4])
{
	for (int k = 0; k < 4; k++)
		found[k] = NULL;
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];

		/*
		 * The column first: NULL for the figures of the text, and of the
		 * columns only "total" starts with 't'; the table name (another
		 * string to load) is then read for few cells.
		 */
		if (!c->col_key || c->col_key[0] != 't' ||
			!c->tbl || c->tbl[0] != 't' || c->tbl[1] != '3' || c->tbl[2] ||
			!c->row_key || strcmp(c->col_key, "total") != 0)
			continue;
		for (int k = 0; k < 4; k++)
			if (!found[k] && c->row_key[0] == t3_totals[k][0] &&
				strcmp(c->row_key, t3_totals[k]) == 0)
			{
				found[k] = c;
				break;
			}
	}
}

/* One headline total from its cell c (NULL: no such cell). */
static bool
take_total(gr_build *b, const gr_cell *c, const char *row, gr_opt_i64 *dst)
{
	if (!c || !c->has_value)
		return true;
	if (!c->is_int)
		return gr_build_warn(b, "t3 %s/total: %s is not a whole number in the bigint range; the %s total is NULL",
							 row, c->value, row);
	dst->present = true;
	dst->v = c->ival;
	return true;
}

/* A line of the site around a report: "您访问的链接即将离开…", "是否继续?" */
static bool
is_banner(const char *buf, const gr_item *it)
{
	const char *s = buf + it->off;

	if (it->kind != GR_ITEM_PROSE)
		return false;
	if (it->len < 200 && gr_find(s, it->len, "您访问的链接即将离开"))
		return true;
	return it->len <= 16 && gr_find(s, it->len, "是否继续") != NULL;
}

/* A headline total from a one-value cell (stats, narrative). */
static bool
take_one(gr_build *b, const char *tbl, const char *row, gr_opt_i64 *dst)
{
	const gr_cell *c = gr_report_find(b->r, tbl, row, NULL);

	if (!c || !c->has_value)
		return true;
	if (!c->is_int)
		return gr_build_warn(b, "%s %s: %s is not a whole number in the bigint range; the total is NULL",
							 tbl, row, c->value);
	dst->present = true;
	dst->v = c->ival;
	return true;
}

/*
 * Drop the cells after the first nc and the warnings after the first nw,
 * freeing what they own: on table-dense input the text of dropped reports
 * would otherwise stay allocated until the caller frees everything.  Row
 * keys are static or (narrative suffixes) allocated; the two cannot be
 * told apart here, so keys are left to the caller's arena.
 */
static void
drop_tail(gr_mem *mem, gr_report *r, size_t nc, size_t nw)
{
	for (size_t i = nc; i < r->ncells; i++)
		gr_free_value(mem, r->cells[i].value);
	for (size_t i = nw; i < r->nwarnings; i++)
		gr_free(mem, r->warnings[i]);
	r->ncells = nc;
	r->nwarnings = nw;
}

/* Free a report that is not returned (a verbatim repeat, not a report). */
static void
free_report(gr_mem *mem, gr_report *r)
{
	drop_tail(mem, r, 0, 0);
	gr_free(mem, r->cells);
	gr_free(mem, r->warnings);
	gr_free(mem, r->agency);
	memset(r, 0, sizeof(*r));
}

static gr_status
read_segment(const char *buf, size_t len, const gr_options *opt, gr_mem *mem,
			 const gr_items *items, const seg *sg, gr_report *r, gr_error *err)
{
	gr_build	b;
	gr_status	st;
	size_t		nfig = 0;

	memset(&b, 0, sizeof(b));
	memset(r, 0, sizeof(*r));
	b.buf = buf;
	b.len = len;
	b.opt = opt;
	b.mem = mem;
	b.err = err;
	b.items = items;
	b.from = sg->from;
	b.to = sg->to;
	b.r = r;
	{
		/*
		 * Room for the cells at once: a template report has about 200, and
		 * growing the array from 8 copied and zeroed it five times.  A
		 * segment yields at most about one cell per item, so a small one
		 * asks for little.
		 */
		size_t		cap = sg->to - sg->from < 256 ? sg->to - sg->from : 256;

		if (cap > 0)
		{
			r->cells = gr_alloc_array(mem, cap, sizeof(gr_cell));
			if (!r->cells)
				return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			b.cells_cap = cap;
		}
	}
	r->start = sg->from < items->n ? items->v[sg->from].off : len;
	r->end = sg->to < items->n ? items->v[sg->to].off : len;
	{
		/* site banners around a report are no part of it (domain.md 1.3) */
		size_t		f = sg->from,
					t = sg->to;

		while (f < t && is_banner(buf, &items->v[f]))
			f++;
		while (t > f && is_banner(buf, &items->v[t - 1]))
			t--;
		if (f < t)
		{
			r->start = items->v[f].off;
			if (t < sg->to)
				r->end = items->v[t].off;
		}
	}

	st = gr_read_template_tables(&b);
	if (st != GR_OK)
		return st;
	if (b.has_t2 || b.has_t3 || b.has_t4)
	{
		r->format = b.t3_format ? (gr_format) b.t3_format : (gr_format) b.t2_format;
		if (!r->format)
			r->format = GR_FMT_TEMPLATE_2021;
		if (b.t3_format && b.t2_format && b.t3_format != b.t2_format &&
			!gr_build_warn(&b, "format_conflict: table 3 is %s but table 2 is %s; the report is read as %s",
						   gr_format_name(b.t3_format), gr_format_name(b.t2_format),
						   gr_format_name(b.t3_format)))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	else
	{
		/* domain.md 1.2 step 2: the pre-2019 statistics table */
		size_t		nc = r->ncells,
					nw = r->nwarnings;
		bool		found = false;

		st = gr_read_stats_table(&b, &found);
		if (st != GR_OK)
			return st;
		if (found)
			r->format = GR_FMT_STATS_PRE2019;
		else
			drop_tail(mem, r, nc, nw);	/* stray rows of something else */
	}
	st = gr_read_annex(&b);
	if (st == GR_OK)
		st = gr_read_narrative(&b, &nfig);
	if (st != GR_OK)
		return st;
	if (!r->format)
	{
		/* a narrative report: a report marker and figures */
		if (nfig == 0 || !gr_has_report_marker(&b))
			return GR_OK;		/* not a report: r->format stays 0 */
		r->format = GR_FMT_NARRATIVE;
	}
	r->layout = r->format == GR_FMT_NARRATIVE ? GR_LAYOUT_PROSE
		: gr_items_layout(items, sg->from, sg->to);

	st = gr_read_metadata(&b);
	if (st != GR_OK)
		return gr_fail(err, st, 0, "out of memory", NULL);

	switch (r->format)
	{
		case GR_FMT_STATS_PRE2019:
			/* documented in gr_legacy.h */
			if (!take_one(&b, "stats", "requests.received", &r->new_received) ||
				!take_one(&b, "stats", "requests.closed", &r->processed_total) ||
				(!r->processed_total.present &&
				 !take_one(&b, "stats", "requests.answered", &r->processed_total)))
				return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			break;
		case GR_FMT_NARRATIVE:
			if (!take_one(&b, "narrative", "requests.new_received", &r->new_received) ||
				(!r->new_received.present &&
				 !take_one(&b, "narrative", "requests.received", &r->new_received)) ||
				!take_one(&b, "narrative", "requests.closed", &r->processed_total) ||
				(!r->processed_total.present &&
				 !take_one(&b, "narrative", "requests.answered", &r->processed_total)) ||
				!take_one(&b, "narrative", "requests.carried_over", &r->carried_over) ||
				!take_one(&b, "narrative", "requests.carried_forward", &r->carried_forward))
				return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			break;
		default:
			{
				const gr_cell *tot[4];

				find_totals(r, tot);
				if (!take_total(&b, tot[0], t3_totals[0], &r->new_received) ||
					!take_total(&b, tot[1], t3_totals[1], &r->carried_over) ||
					!take_total(&b, tot[2], t3_totals[2], &r->processed_total) ||
					!take_total(&b, tot[3], t3_totals[3], &r->carried_forward))
					return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			}
			break;
	}
	if (!r->year && !r->agency && !gr_has_report_marker(&b))
	{
		if (!gr_build_warn(&b, "orphan table block: no title, no narrative; the report year and the issuing body are not printed, so year and agency are NULL (infer them from the page or the lineage)"))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	else
	{
		if (!r->year && !gr_build_warn(&b, "no report year is printed; year is NULL"))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		if (!r->agency && !gr_build_warn(&b, "no issuing body is printed; agency is NULL"))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	/*
	 * A short report keeps its size, not the room it started with: a page
	 * may hold thousands of them.  A long one keeps its arrays: copying
	 * them now would add a copy to the most memory a parse holds.
	 * (Warnings added later grow the array from nwarnings, see gr_warn.)
	 * Cells are shrunk only when a quarter of their room or more is unused:
	 * a template report fills about 205 of its 256, and copying those into
	 * an exact array (zeroed first) cost more than the rest of its
	 * assembly, to save 5 KB; a short report on a listing page (a few
	 * cells in room for a few dozen) is still cut to its size.
	 */
	if ((b.cells_cap <= 256 && r->ncells < b.cells_cap - b.cells_cap / 4 &&
		 !gr_shrink(mem, (void **) &r->cells, &b.cells_cap, r->ncells, sizeof(gr_cell))) ||
		(b.warn_cap <= 64 &&
		 !gr_shrink(mem, (void **) &r->warnings, &b.warn_cap, r->nwarnings, sizeof(char *))))
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	return GR_OK;
}

/* Same text but for white space? (verbatim repeats are one report) */
static bool
same_text(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		i = 0,
				j = 0;

	for (;;)
	{
		while (i < alen && (a[i] == ' ' || a[i] == '\t' || a[i] == '\n' || a[i] == '\r'))
			i++;
		while (j < blen && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r'))
			j++;
		if (i == alen || j == blen)
			return i == alen && j == blen;
		if (a[i] != b[j])
			return false;
		i++;
		j++;
	}
}

/*
 * Verbatim repeats among the reports kept so far.  A page holds one or a few
 * reports, compared with each other directly; from REPEAT_HASH_FROM kept
 * reports on, a hash of each text without its white space (what same_text
 * ignores) picks the only candidates, so a listing of thousands of short
 * reports stays linear.
 */
#define REPEAT_HASH_FROM 16

typedef struct repeats
{
	uint64_t   *hash;			/* per kept report */
	uint32_t   *slot;			/* open addressing: kept report + 1, 0 empty */
	size_t		mask;			/* slots - 1 */
} repeats;

static uint64_t
text_hash(const char *s, size_t n)
{
	uint64_t	h = 0xCBF29CE484222325u;

	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			h = (h ^ (unsigned char) s[i]) * 0x100000001B3u;
	return h;
}

static void
repeats_insert(repeats *x, size_t k, uint64_t h)
{
	size_t		i = (size_t) (h ^ h >> 29) & x->mask;

	while (x->slot[i])
		i = (i + 1) & x->mask;
	x->slot[i] = (uint32_t) k + 1;
	x->hash[k] = h;
}

/*
 * Is r a verbatim repeat of one of reps[0..n)?  Indexes r as report n for
 * the next call.  false in *ok when out of memory; room for nseg reports.
 */
static bool
is_repeat(repeats *x, gr_mem *mem, const char *buf, const gr_report *reps,
		  size_t n, size_t nseg, const gr_report *r, bool *ok)
{
	uint64_t	h;

	*ok = true;
	if (n < REPEAT_HASH_FROM)
	{
		for (size_t k = 0; k < n; k++)
			if (same_text(buf + reps[k].start, reps[k].end - reps[k].start,
						  buf + r->start, r->end - r->start))
				return true;
		return false;
	}
	if (!x->hash)
	{
		size_t		slots = 64;

		while (slots < 2 * nseg)
			slots *= 2;
		x->hash = gr_alloc_array(mem, nseg, sizeof(uint64_t));
		x->slot = gr_alloc_array(mem, slots, sizeof(uint32_t));
		if (!x->hash || !x->slot)
		{
			*ok = false;
			return false;
		}
		x->mask = slots - 1;
		for (size_t k = 0; k < n; k++)
			repeats_insert(x, k, text_hash(buf + reps[k].start, reps[k].end - reps[k].start));
	}
	h = text_hash(buf + r->start, r->end - r->start);
	for (size_t i = (size_t) (h ^ h >> 29) & x->mask; x->slot[i]; i = (i + 1) & x->mask)
	{
		size_t		k = x->slot[i] - 1;

		if (x->hash[k] == h &&
			same_text(buf + reps[k].start, reps[k].end - reps[k].start,
					  buf + r->start, r->end - r->start))
			return true;
	}
	repeats_insert(x, n, h);	/* r is kept as report n (the caller keeps it) */
	return false;
}

gr_status
gr_parse_all(const char *buf, size_t len, const gr_options *opt, gr_mem *mem,
			 gr_report **out, size_t *nout, gr_error *err)
{
	gr_items	items;
	seg		   *segs = NULL;
	size_t		nseg = 0;
	gr_report  *reps = NULL;	/* the reports returned */
	size_t		n = 0,
				cap = 0;
	gr_report	cur;			/* the segment being read */
	size_t		bad;
	gr_status	st;
	size_t		cur_byte = 0,
				cur_char = 0;
	const char *text = buf;
	char	   *owned = NULL;
	gr_notes	notes;
	repeats		rx;

	memset(&items, 0, sizeof(items));
	memset(&notes, 0, sizeof(notes));
	memset(&rx, 0, sizeof(rx));
	*out = NULL;
	*nout = 0;
	err->status = GR_OK;
	if (opt && opt->max_bytes && len > opt->max_bytes)
		return gr_fail(err, GR_ERR_TOO_LARGE, 0, "report text is too large",
					   "The text has %zu bytes; the limit is %zu bytes.",
					   len, opt->max_bytes);
	if (len > GR_PARSE_MAX)
		return gr_fail(err, GR_ERR_TOO_LARGE, 0, "report text is too large",
					   "The text has %zu bytes; the limit is %zu bytes.",
					   len, GR_PARSE_MAX);
	if (!(opt && opt->utf8_checked) && !gr_utf8_valid(buf, len, &bad))
		return gr_fail(err, GR_ERR_ENCODING, bad, "invalid byte sequence in report text",
					   "The text is not valid UTF-8 at byte offset %zu.", bad);

	/* the producer the layout needs; text: what the readers compare
	 * (same offsets as buf, see gr_layouts.h) */
	st = gr_tokenise(buf, len, opt, mem, &items, &text, &owned, &notes, err);
	if (st != GR_OK)
		return st;
	st = gr_items_compact_prose(buf, len, mem, &items, &text, &owned, err);
	if (st != GR_OK)
		return st;
	st = split(text, &items, mem, &segs, &nseg, err);
	if (st != GR_OK)
		return st;

	/*
	 * Segments that are no report and verbatim repeats are freed at once:
	 * a page of repeated table blocks would otherwise keep the cells of
	 * every repeat until the caller frees everything.
	 */
	for (size_t s = 0; s < nseg; s++)
	{
		gr_report  *r = &cur;
		bool		dup,
					ok;

		if (opt && opt->stop && opt->stop(opt->stop_ctx))
			return gr_fail(err, GR_ERR_CANCELLED, 0, "canceled", NULL);
		st = read_segment(text, len, opt, mem, &items, &segs[s], r, err);
		if (st != GR_OK)
			return st;
		if (r->format == GR_FMT_UNKNOWN)
		{
			free_report(mem, r);
			continue;
		}
		/* what the producer has to say about this report (glued digits) */
		if (!gr_notes_attach(mem, &notes, r) ||
			!gr_agency_as_printed(mem, buf, text, r))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		dup = is_repeat(&rx, mem, buf, reps, n, nseg, r, &ok);
		if (!ok)
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		if (dup)
		{
			free_report(mem, r);
			continue;
		}
		/* two different reports of one year on a page: keep both, say so */
		for (size_t k = 0; k < n && r->year; k++)
			if (reps[k].year == r->year)
			{
				size_t		wcap = r->nwarnings;

				if (!gr_warn(mem, r, &wcap, "another report of the same year %d precedes this one (report %zu at byte offset %zu); their texts differ, so both are returned",
							 r->year, k + 1, reps[k].start))
					return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
				break;
			}
		place_cells(buf, r, &cur_byte, &cur_char);

		/*
		 * A page holds a report or a few: the array doubles from 8.  One
		 * that holds many (a listing) gets room for one report per
		 * segment, the most there can be, at its 64th report, so it never
		 * doubles again (the old and the new array would be alive at once).
		 */
		if (n == cap &&
			!(n < 64 ? gr_grow(mem, (void **) &reps, &cap, n + 1, sizeof(gr_report)) :
			  gr_resize(mem, (void **) &reps, &cap, n, nseg, sizeof(gr_report))))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		reps[n++] = *r;
	}
	/* callers may index the array even when there is no report */
	if (!reps && !(reps = gr_alloc_array(mem, 1, sizeof(gr_report))))
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	gr_free(mem, items.v);
	gr_free(mem, items.shift);
	gr_free(mem, segs);
	gr_free(mem, owned);
	gr_free(mem, rx.hash);
	gr_free(mem, rx.slot);
	gr_notes_free(mem, &notes);
	*out = reps;
	*nout = n;
	return GR_OK;
}

gr_status
gr_parse(const char *buf, size_t len, const gr_options *opt, gr_mem *mem,
		 gr_report *out, gr_error *err)
{
	gr_report  *reps;
	size_t		n;
	gr_status	st;

	memset(out, 0, sizeof(*out));
	st = gr_parse_all(buf, len, opt, mem, &reps, &n, err);
	if (st != GR_OK)
		return st;
	if (n == 0)
		return gr_fail(err, GR_ERR_NOT_REPORT, 0, "text holds no report",
					   "Looked for the request table of the 2019/2021 templates (a row \"本年新收政府信息公开申请数量\"), the review and litigation table (\"行政复议\"), the proactive-disclosure table (\"第二十条第（一）项\"), the pre-2019 statistics table (\"政府信息公开情况统计表\", \"收到申请数\") and a narrative report (a title, \"引言\" or \"编制的…年度报告\" sentence with request or disclosure figures), and found none.");
	if (n > 1)
		return gr_fail(err, GR_ERR_MULTIPLE, reps[1].start, "text holds several reports",
					   "Found %zu reports; the second starts at byte offset %zu.",
					   n, reps[1].start);
	*out = reps[0];
	return GR_OK;
}
