/*
 * gr_items.c - tokenise plain text into the item stream.
 *
 * One pass over the lines.  Each line is one of:
 *   TAB cells      "\tcell" (Word export; every TAB starts a cell), with
 *                  continuation lines for cells of several paragraphs
 *   pipe cells     "cell |" (scraped pages), "a | b | c |" (row per line)
 *   pipe padding   "|||" : the end of a short row
 *   markdown rows  "| a | b |", separator rows "|---|---|" are skipped
 *   blank          ends a TAB row (unless an empty cell continues below)
 *   prose          anything else
 */
#include "gr_items.h"
#include "gr_layouts.h"
#include "gr_text.h"
#include "gr_util.h"

#include <string.h>

bool
gr_items_push(gr_mem *mem, gr_items *it, gr_item_kind kind, gr_layout layout,
			  size_t off, size_t len, uint32_t line)
{
	gr_item    *x;

	if (it->counting)
		x = &it->last;
	else if (it->n < it->cap)
		x = &it->v[it->n];
	else if (!gr_grow(mem, (void **) &it->v, &it->cap, it->n + 1, sizeof(gr_item)))
		return false;
	else
		x = &it->v[it->n];
	it->n++;
	gr_item_set(x, kind, layout, off, len, line);
	return true;
}

bool
gr_items_reserve(gr_mem *mem, gr_items *it, size_t n)
{
	gr_item    *v;

	if (n <= it->cap)
		return true;
	v = gr_alloc_array(mem, n, sizeof(gr_item));
	if (!v)
		return false;
	if (it->n)
		memcpy(v, it->v, it->n * sizeof(gr_item));
	gr_free(mem, it->v);
	it->v = v;
	it->cap = n;
	return true;
}

bool
gr_items_count_end(gr_mem *mem, gr_items *it, bool ok)
{
	size_t		n = it->n;

	it->counting = false;
	it->n = 0;
	return !ok || gr_items_reserve(mem, it, n);
}

bool
gr_items_shift(gr_mem *mem, gr_items *it, size_t s, size_t o, size_t slen,
			   size_t olen)
{
	gr_shift   *p = it->nshift ? &it->shift[it->nshift - 1] : NULL;

	if (p && p->slen == p->olen && slen == olen &&
		p->s + p->slen == s && p->o + p->olen == o)
	{
		p->slen += slen;
		p->olen += olen;
		return true;
	}
	if (!gr_grow(mem, (void **) &it->shift, &it->shiftcap, it->nshift + 1,
				 sizeof(gr_shift)))
		return false;
	p = &it->shift[it->nshift++];
	p->s = (uint32_t) s;
	p->o = (uint32_t) o;
	p->slen = (uint32_t) slen;
	p->olen = (uint32_t) olen;
	return true;
}

/* Input offset of shadow byte x; end: x is one past the last byte. */
static size_t
to_input(const gr_items *it, size_t x, bool end)
{
	size_t		lo = 0,
				hi = it->nshift;
	size_t		q = end && x > 0 ? x - 1 : x;
	const gr_shift *p;

	/* the last piece with s <= q */
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (it->shift[mid].s <= q)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return x;
	p = &it->shift[lo - 1];
	if (q >= p->s + p->slen)
		return x;				/* not moved */
	if (p->slen != p->olen)		/* an entity: all or nothing */
		return end ? p->o + p->olen : p->o;
	return p->o + (q - p->s) + (end ? 1 : 0);
}

void
gr_items_to_input(const gr_items *it, size_t soff, size_t slen, size_t *ooff,
				  size_t *olen)
{
	size_t		b,
				e;

	if (it->nshift == 0)
	{
		*ooff = soff;
		*olen = slen;
		return;
	}
	b = to_input(it, soff, false);
	e = slen ? to_input(it, soff + slen, true) : b;
	*ooff = b;
	*olen = e > b ? e - b : 0;
}

/* White space inside a prose line (not the line break). */
static bool
is_inline_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000;
}

/*
 * Where among the eight bytes at p could a space (' ', TAB, U+00A0, U+3000)
 * start?  0 if nowhere; else the lowest 0x80 bit set is that of the first
 * byte that is below 0x21 or one of C2, C3, E2, E3 (the flags above it may
 * be false), which the caller tests exactly.  Two tests instead of one per
 * first byte: the few more bytes let through (E2 starts the curly quotes,
 * under 1 % of the eight-byte blocks of the seeds) cost less.
 */
static inline uint64_t
space_starts(const char *p)
{
	uint64_t	w = gr_load_le64(p);

	/* bytes below 0x21 (' ', TAB), and C2/C3/E2/E3 all turned into E3 */
	return ((w - 0x2121212121212121u) & ~w & 0x8080808080808080u) |
		gr_bytes_eq(w | 0x2121212121212121u, 0xE3);
}

#ifdef GR_SSE2
/*
 * Where among the sixteen positions at p could a space start (bit k for
 * p[k])?  Bytes up to 0x20 (' ', TAB), C2 (U+00A0) and E3 80 80 (U+3000)
 * exactly: in prose the eight-byte test above stops at every CJK
 * punctuation mark (E3 80 xx), this one does not.  Reads p[0..18).
 */
static inline unsigned
space_starts16(const char *p)
{
	__m128i		a = _mm_loadu_si128((const __m128i *) p);
	__m128i		b = _mm_loadu_si128((const __m128i *) (p + 1));
	__m128i		c = _mm_loadu_si128((const __m128i *) (p + 2));
	__m128i		x80 = _mm_set1_epi8((char) 0x80);
	__m128i		low = _mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(0x20)), a);
	__m128i		c2 = _mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xC2));
	__m128i		ideo = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xE3)),
												   _mm_cmpeq_epi8(b, x80)),
									 _mm_cmpeq_epi8(c, x80));

	return (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, c2), ideo));
}
#endif

gr_status
gr_items_compact_prose(const char *buf, size_t len, gr_mem *mem,
					   gr_items *it, const char **text, char **owned,
					   gr_error *err)
{
	if (it->nshift > 0)
		return GR_OK;
	for (size_t k = 0; k < it->n; k++)
	{
		const gr_item *item = &it->v[k];
		const char *t = *text;
		size_t		b = item->off,
					e = item->off + item->len;
		size_t		i,
					w;
		uint32_t	prev = 0;
		bool		need = false;

		if (item->kind != GR_ITEM_PROSE || item->len < 3)
			continue;
		/* a quick look at the bytes: any space beside a CJK character? */
		for (i = b; i < e && !need; i++)
		{
			unsigned char c;
			size_t		sl;			/* byte length of the space */

			/*
			 * Eight bytes holding no first byte of a space: skip them.
			 * Else straight to the first such byte: the bytes before it
			 * need no look, and (CJK punctuation starts with 0xE3) neither
			 * a test of the eight bytes from each of them.  With SSE2,
			 * sixteen positions at a time first, tested exactly.
			 */
#ifdef GR_SSE2
			while (i + 34 <= e)
			{
				unsigned	m = space_starts16(t + i) | space_starts16(t + i + 16) << 16;

				if (m != 0)
				{
					i += (size_t) __builtin_ctz(m);
					break;
				}
				i += 32;
			}
			if (i + 18 <= e && space_starts16(t + i) == 0)
				i += 16;

			/*
			 * The last bytes but two (under sixteen), from the block that
			 * ends there, less the bytes before i: the first that starts a
			 * space, else the last two (a space there is one or two bytes).
			 */
			if (i + 18 > e && e - b >= 18 && i + 2 < e)
			{
				unsigned	m = space_starts16(t + e - 18) >> (i - (e - 18));

				i = m ? i + (size_t) __builtin_ctz(m) : e - 2;
			}
#endif
			while (i + 8 <= e)
			{
				uint64_t	m = space_starts(t + i);

				if (m != 0)
				{
					i += (size_t) __builtin_ctzll(m) / 8;
					break;
				}
				i += 8;
			}
			if (i >= e)
				break;
			c = (unsigned char) t[i];
			/* not the first byte of a space: the common case, one test */
			if (c != ' ' && c != '\t' && c != 0xC2 && c != 0xE3)
				continue;
			if (c == ' ' || c == '\t')
				sl = 1;
			else if (c == 0xC2 && i + 1 < e && (unsigned char) t[i + 1] == 0xA0)
				sl = 2;
			else if (c == 0xE3 && i + 2 < e && (unsigned char) t[i + 1] == 0x80 &&
					 (unsigned char) t[i + 2] == 0x80)
				sl = 3;
			else
				continue;
			if (i + sl < e)
			{
				size_t		q = i + sl;

				if (gr_is_cjk_like(gr_utf8_next(t, e, &q)))
					need = true;
			}
			if (!need && i > b)
			{
				size_t		p = i - 1;

				while (p > b && ((unsigned char) t[p] & 0xC0) == 0x80)
					p--;
				if (gr_is_cjk_like(gr_utf8_next(t, e, &p)))
					need = true;
			}
		}
		if (!need)
			continue;
		if (*text == buf)
		{
			char	   *copy = gr_alloc(mem, len ? len : 1);

			if (!copy)
				return gr_fail(err, GR_ERR_NOMEM, b, "out of memory", NULL);
			memcpy(copy, buf, len);
			*owned = copy;
			*text = copy;
		}
		{
			char	   *x = (char *) *text;	/* an owned copy by now */

			prev = 0;
			for (i = b, w = b; i < e;)
			{
				size_t		at = i;
				uint32_t	c = gr_utf8_next(x, e, &i);

				if (is_inline_space(c))
				{
					/* the next character that is no space */
					size_t		j = i;
					uint32_t	next = 0;

					while (j < e)
					{
						size_t		q = j;

						next = gr_utf8_next(x, e, &q);
						if (!is_inline_space(next))
							break;
						j = q;
					}
					if (gr_is_cjk_like(prev) || gr_is_cjk_like(next))
						continue;	/* dropped */
				}
				if (w != at)
				{
					memmove(x + w, x + at, i - at);
					if (!gr_items_shift(mem, it, w, at, i - at, i - at))
						return gr_fail(err, GR_ERR_NOMEM, b, "out of memory", NULL);
				}
				w += i - at;
				prev = c;
			}
			/* the rest of the span: spaces (the item keeps its length) */
			memset(x + w, ' ', e - w);
		}
	}
	return GR_OK;
}

static bool
is_ascii_space(char c)
{
	return c == ' ' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim ASCII blanks (not U+00A0/U+3000: they are printed padding). */
static void
trim(const char *buf, size_t *b, size_t *e)
{
	while (*b < *e && is_ascii_space(buf[*b]))
		(*b)++;
	while (*e > *b && is_ascii_space(buf[*e - 1]))
		(*e)--;
}

/* Is the line made of nothing but blanks (incl. U+3000 / U+00A0)? */
static bool
is_blank_line(const char *buf, size_t b, size_t e)
{
	while (b < e)
	{
		if (is_ascii_space(buf[b]) || buf[b] == '\t')
			b++;
		else if (e - b >= 2 && (unsigned char) buf[b] == 0xC2 &&
				 (unsigned char) buf[b + 1] == 0xA0)
			b += 2;
		else if (e - b >= 3 && (unsigned char) buf[b] == 0xE3 &&
				 (unsigned char) buf[b + 1] == 0x80 &&
				 (unsigned char) buf[b + 2] == 0x80)
			b += 3;
		else
			return false;
	}
	return true;
}

/*
 * The first byte c in buf[i..e), or e.  Eight bytes at a time: cells are
 * a few to a few tens of bytes, where memchr's set-up costs more than the
 * search, and a byte-by-byte loop more than a word.  The lowest flag of
 * gr_bytes_eq() is exact.
 */
static inline size_t
next_byte(const char *buf, size_t i, size_t e, unsigned char c)
{
	while (i + 8 <= e)
	{
		uint64_t	m = gr_bytes_eq(gr_load_le64(buf + i), c);

		if (m != 0)
			return i + (size_t) __builtin_ctzll(m) / 8;
		i += 8;
	}
	while (i < e && (unsigned char) buf[i] != c)
		i++;
	return i;
}

/*
 * Push the cells of buf[b..e) split at '|' (the pipes themselves excluded);
 * *ncells: how many.
 */
static bool
push_pipe_cells(gr_mem *mem, gr_items *out, const char *buf, size_t b,
				size_t e, gr_layout layout, uint32_t line, bool trailing_pipe,
				size_t *ncells)
{
	*ncells = 0;
	if (b > e)
		return true;
	for (size_t s = b;;)
	{
		size_t		i = next_byte(buf, s, e, '|');
		size_t		cb = s,
					ce = i;

		if (i == e && trailing_pipe)
			break;				/* text after the last pipe: none */
		trim(buf, &cb, &ce);
		if (!gr_items_push_fast(mem, out, GR_ITEM_CELL, layout, cb, ce - cb, line))
			return false;
		(*ncells)++;
		if (i == e)
			break;
		s = i + 1;
	}
	return true;
}

gr_status
gr_items_from_text(const char *buf, size_t len, const gr_options *opt,
				   gr_mem *mem, gr_items *out, gr_error *err)
{
	size_t		ls = 0;
	uint32_t	lineno = 0;
	long		open_cell = -1; /* index of the TAB cell paragraphs join */
	bool		tab_row = false;	/* a TAB row is open */
	bool		pending_blank = false;	/* blank line seen inside a TAB row */
	size_t		next_poll = 1 << 16;

	while (ls < len)
	{
		const char *nl = memchr(buf + ls, '\n', len - ls);
		size_t		le = nl ? (size_t) (nl - buf) : len;
		size_t		ce = le;
		size_t		tb,
					te;

		lineno++;
		if (ls >= next_poll)
		{
			next_poll = ls + (1 << 16);
			if (opt && opt->stop && opt->stop(opt->stop_ctx))
				return gr_fail(err, GR_ERR_CANCELLED, ls, "canceled", NULL);
		}
		if (ce > ls && buf[ce - 1] == '\r')
			ce--;

		if (ce > ls && buf[ls] == '\t')
		{
			/* TAB cells: every TAB starts one */
			size_t		s = ls + 1;

			if (pending_blank)
			{
				if (!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_TAB, ls, 0, lineno))
					goto nomem;
				pending_blank = false;
			}
			for (;;)
			{
				size_t		i = next_byte(buf, s, ce, '\t');
				size_t		cb = s,
							cend = i;

				while (cend > cb && is_ascii_space(buf[cend - 1]))
					cend--;
				if (!gr_items_push_fast(mem, out, GR_ITEM_CELL, GR_LAYOUT_TAB,
								   cb, cend - cb, lineno))
					goto nomem;
				if (i == ce)
					break;
				s = i + 1;
			}
			open_cell = (long) out->n - 1;
			tab_row = true;
		}
		else if (is_blank_line(buf, ls, ce))
		{
			if (tab_row)
			{
				if (pending_blank)
				{
					if (!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_TAB, ls, 0, lineno))
						goto nomem;
					tab_row = false;
					open_cell = -1;
					pending_blank = false;
				}
				else
					pending_blank = true;
			}
		}
		else
		{
			tb = ls;
			te = ce;
			trim(buf, &tb, &te);

			/* the open cell is the item pushed last (count mode too) */
			if (tab_row && open_cell >= 0 &&
				(!pending_blank || gr_items_last(out)->len == 0) &&
				buf[tb] != '|' && buf[te - 1] != '|')
			{
				/* a further paragraph of the open TAB cell */
				gr_item    *c = gr_items_last(out);

				if (c->len == 0)
				{
					c->off = ls;
					c->line = lineno;
				}
				c->len = ce - c->off;
				while (c->len > 0 && is_ascii_space(buf[c->off + c->len - 1]))
					c->len--;
				pending_blank = false;
			}
			else
			{
				bool		only_pipes = true;

				if (tab_row)
				{
					if (!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_TAB, ls, 0, lineno))
						goto nomem;
					tab_row = false;
					open_cell = -1;
					pending_blank = false;
				}
				for (size_t i = tb; i < te; i++)
					if (buf[i] != '|' && !is_ascii_space(buf[i]))
					{
						only_pipes = false;
						break;
					}
				if (only_pipes)
				{
					/* pipe padding: the end of a short row */
					if (!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_PIPE, tb, 0, lineno))
						goto nomem;
				}
				else if (buf[tb] == '|')
				{
					/* markdown row; separator rows carry no cells */
					bool		sep = true;

					/* strchr("|-: ", c) would also take c == '\0' */
					for (size_t i = tb; i < te; i++)
						if (buf[i] != '|' && buf[i] != '-' && buf[i] != ':' &&
							buf[i] != ' ' && buf[i] != '\0')
						{
							sep = false;
							break;
						}
					if (!sep)
					{
						size_t		e2 = te;
						size_t		ncells;

						if (buf[e2 - 1] == '|')
							e2--;
						if (!push_pipe_cells(mem, out, buf, tb + 1, e2,
											 GR_LAYOUT_MARKDOWN, lineno, false,
											 &ncells) ||
							!gr_items_push_fast(mem, out, GR_ITEM_ROW_END,
										   GR_LAYOUT_MARKDOWN, te, 0, lineno))
							goto nomem;
					}
				}
				else if (buf[te - 1] == '|')
				{
					/*
					 * "cell |" or "a | b | c |"; a row end when the line
					 * has more than its last pipe (more than one cell)
					 */
					size_t		ncells;

					if (!push_pipe_cells(mem, out, buf, tb, te - 1,
										 GR_LAYOUT_PIPE, lineno, false, &ncells))
						goto nomem;
					if (ncells > 1 &&
						!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_PIPE,
									   te, 0, lineno))
						goto nomem;
				}
				else if (!gr_items_push_fast(mem, out, GR_ITEM_PROSE, GR_LAYOUT_PROSE,
										tb, te - tb, lineno))
					goto nomem;
			}
		}
		ls = nl ? le + 1 : len;
	}
	if (tab_row &&
		!gr_items_push_fast(mem, out, GR_ITEM_ROW_END, GR_LAYOUT_TAB, len, 0, lineno))
		goto nomem;
	return GR_OK;

nomem:
	return gr_fail(err, GR_ERR_NOMEM, ls, "out of memory", NULL);
}

gr_layout
gr_items_layout(const gr_items *it, size_t from, size_t to)
{
	static const uint64_t lane[8] = {
		1, 1ull << 8, 1ull << 16, 1ull << 24, 1ull << 32, 1ull << 40,
		1ull << 48, 1ull << 56
	};
	size_t		count[GR_LAYOUT_PROSE + 1] = {0};
	gr_layout	best = GR_LAYOUT_PROSE;
	size_t		bestn = 0;

	_Static_assert(GR_LAYOUT_PROSE == 7, "a counter per layout in one word");
	if (to > it->n)
		to = it->n;
	for (size_t i = from; i < to;)
	{
		/*
		 * Cells and row ends alternate, which a branch per item mispredicts:
		 * eight 8-bit counters in one word instead (layout l in byte l),
		 * added to without a branch, emptied every 255 items before a byte
		 * can overflow.
		 */
		uint64_t	acc = 0;
		size_t		e = to - i > 255 ? i + 255 : to;

		for (; i < e; i++)
		{
			unsigned	l = it->v[i].layout;

			acc += lane[l & 7] &
				-(uint64_t) (it->v[i].kind == GR_ITEM_CELL && l <= GR_LAYOUT_PROSE);
		}
		for (int l = 0; l <= GR_LAYOUT_PROSE; l++)
			count[l] += (size_t) (acc >> l * 8) & 0xFF;
	}
	for (int l = GR_LAYOUT_TAB; l < GR_LAYOUT_PROSE; l++)
		if (count[l] > bestn)
		{
			bestn = count[l];
			best = (gr_layout) l;
		}
	return best;
}

/* ------------------------------------------------- choosing a producer */

gr_layout
gr_sniff_layout(const char *buf, size_t len)
{
	if (gr_sniff_html(buf, len))
		return GR_LAYOUT_HTML;
	if (gr_sniff_aligned(buf, len))
		return GR_LAYOUT_ALIGNED;
	if (gr_sniff_glued(buf, len))
		return GR_LAYOUT_GLUED;
	return GR_LAYOUT_TAB;
}

/* A copy of buf with the skip markers (which the input must not bring
 * in) blanked. */
static char *
make_shadow(const char *buf, size_t len, gr_mem *mem)
{
	char	   *s = gr_alloc(mem, len + 1);

	if (!s)
		return NULL;
	memcpy(s, buf, len);
	/* the markers are control bytes that text seldom holds */
	for (char *p = s; (p = memchr(p, GR_SKIP_BEGIN, (size_t) (s + len - p))) != NULL;)
		*p++ = ' ';
	for (char *p = s; (p = memchr(p, GR_SKIP_END, (size_t) (s + len - p))) != NULL;)
		*p++ = ' ';
	return s;
}

gr_status
gr_tokenise(const char *buf, size_t len, const gr_options *opt, gr_mem *mem,
			gr_items *out, const char **text, char **owned, gr_notes *notes,
			gr_error *err)
{
	gr_layout	lay = gr_sniff_layout(buf, len);
	char	   *shadow = NULL;
	gr_status	st;
	bool		changed = false;

	*text = buf;
	*owned = NULL;
	if ((lay != GR_LAYOUT_TAB && lay != GR_LAYOUT_GLUED) ||
		gr_has_traditional_or_marker(buf, len))
	{
		shadow = make_shadow(buf, len, mem);
		if (!shadow)
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		*text = shadow;
		*owned = shadow;
	}
	if (lay == GR_LAYOUT_HTML)
		st = gr_items_from_html(buf, len, opt, mem, out, shadow, err);
	else if (lay == GR_LAYOUT_ALIGNED)
		st = gr_items_from_aligned(buf, len, opt, mem, out, shadow, err);
	else if (lay == GR_LAYOUT_GLUED)
		st = gr_items_from_glued(buf, len, opt, mem, out, notes, err);
	else
	{
		if (len >= GR_ITEMS_COUNT_FROM)
		{
			out->counting = true;
			st = gr_items_from_text(buf, len, opt, mem, out, err);
			if (!gr_items_count_end(mem, out, st == GR_OK))
				return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			if (st != GR_OK)
				return st;
		}
		st = gr_items_from_text(buf, len, opt, mem, out, err);
	}
	if (st != GR_OK)
		return st;
	if (shadow && gr_has_traditional(shadow, len))
	{
		st = gr_simplify_items(shadow, len, out, &changed, err);
		if (st != GR_OK)
			return st;
	}
	return GR_OK;
}

bool
gr_notes_attach(gr_mem *mem, const gr_notes *notes, gr_report *r)
{
	size_t		cap = r->nwarnings;	/* gr_grow copies cap elements */

	for (size_t i = 0; i < notes->n; i++)
	{
		const gr_note *n = &notes->v[i];

		if (n->off < r->start || n->off >= r->end)
			continue;
		if (!(n->line ? gr_warn(mem, r, &cap, "%s at line %u: %s", notes->head, n->line, n->msg)
			  : gr_warn(mem, r, &cap, "%s: %s", notes->head, n->msg)))
			return false;
	}
	return true;
}

void
gr_notes_free(gr_mem *mem, gr_notes *notes)
{
	for (size_t i = 0; i < notes->n; i++)
		if (i == 0 || notes->v[i].msg != notes->v[i - 1].msg)
			gr_free(mem, notes->v[i].msg);
	gr_free(mem, notes->v);
	notes->v = NULL;
	notes->n = notes->cap = 0;
}

bool
gr_agency_as_printed(gr_mem *mem, const char *buf, const char *text,
					 gr_report *r)
{
	size_t		n;

	if (text == buf || !r->agency || r->end <= r->start)
		return true;
	n = strlen(r->agency);
	for (size_t i = r->start; i + n <= r->end; i++)
	{
		char	   *orig;

		if (text[i] != r->agency[0] || memcmp(text + i, r->agency, n) != 0)
			continue;
		if (memcmp(buf + i, text + i, n) == 0)
			return true;
		/* only a character-for-character substitution (transliteration)
		 * maps back; HTML text was moved (markup removed): keep it */
		for (size_t k = 0; k < n; k++)
		{
			unsigned char x = (unsigned char) buf[i + k],
						y = (unsigned char) text[i + k];

			if ((x < 0x80 || y < 0x80) ? x != y : ((x & 0xC0) == 0x80) != ((y & 0xC0) == 0x80))
				return true;
		}
		orig = gr_strndup(mem, buf + i, n);
		if (!orig)
			return false;
		gr_free(mem, r->agency);
		r->agency = orig;
		return true;
	}
	return true;
}
