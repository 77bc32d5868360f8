/*
 * gr_build.c - appending cells and warnings to the report being built, and
 * collecting the value cells that follow a row label.
 */
#include "gr_build.h"
#include "gr_labels.h"
#include "gr_text.h"
#include "gr_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool
gr_build_stopped(gr_build *b)
{
	return b->opt && b->opt->stop && b->opt->stop(b->opt->stop_ctx);
}

static bool
is_label(gr_build *b, size_t i)
{
	const gr_item *it = &b->items->v[i];

	return it->kind == GR_ITEM_CELL && !gr_short_ascii_cell(b->buf, it) &&
		gr_classify_cell(b->buf, it) == GR_CC_LABEL;
}

static bool
row_ends_marked(gr_layout l)
{
	return l == GR_LAYOUT_TAB || l == GR_LAYOUT_MARKDOWN || l == GR_LAYOUT_HTML;
}


size_t
gr_collect_values(gr_build *b, size_t label, size_t want, size_t *idx,
				  size_t *next)
{
	size_t		n = 0;
	size_t		j = label + 1;
	size_t		tmp[GR_MAX_ROW];
	gr_layout	lay = b->items->v[label].layout;
	bool		marked = row_ends_marked(lay);

	while (j < b->to)
	{
		const gr_item *it = &b->items->v[j];

		if (it->kind != GR_ITEM_CELL || is_label(b, j))
			break;
		if (n < GR_MAX_ROW)
			tmp[n++] = j;
		j++;
		if (!marked && n == want)
			break;
	}
	*next = j;
	if (n > want)
	{
		memcpy(idx, tmp + (n - want), want * sizeof(size_t));
		return want;
	}
	memcpy(idx, tmp, n * sizeof(size_t));
	return n;
}

bool
gr_build_warn(gr_build *b, const char *fmt,...)
{
	va_list		ap;
	char		msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return gr_warn(b->mem, b->r, &b->warn_cap, "%s", msg);
}

/*
 * The warning of a value cell that is no plain number (kind k, as
 * gr_read_number said), or one too large for arithmetic checks.  Out of
 * line: most cells are plain numbers and never build the "where" text.
 */
static bool __attribute__((noinline))
value_warning(gr_build *b, const char *tbl, const char *row, const char *col,
			  const gr_item *it, gr_cell *c, gr_num_kind k)
{
	char		where[160];

	snprintf(where, sizeof(where), "%s %s%s%s", tbl, row, col ? "/" : "",
			 col ? col : "");
	switch (k)
	{
		case GR_NUM_OK:
			if (c->flags & GR_CELL_OVERFLOW)
				return gr_build_warn(b, "%s at line %u: value %s is kept exactly but is too large for arithmetic checks",
									 where, it->line, c->value);
			return true;
		case GR_NUM_BLANK:
			if (it->flags & GR_ITEM_UNDECIDED)
				return true;	/* the producer said why */
			return gr_build_warn(b, "%s at line %u: blank cell read as NULL", where, it->line);
		case GR_NUM_FILLER:
			c->flags |= GR_CELL_FILLER;
			return gr_build_warn(b, "%s at line %u: \"%.*s\" (not applicable) read as NULL",
								 where, it->line, (int) it->len, b->buf + it->off);
		case GR_NUM_GARBAGE:
			c->flags |= GR_CELL_GARBAGE;
			return gr_build_warn(b, "%s at line %u: \"%.*s\" is not a number; read as NULL",
								 where, it->line, (int) (it->len > 60 ? 60 : it->len),
								 b->buf + it->off);
		case GR_NUM_NOMEM:
			return false;
	}
	return true;
}

bool
gr_emit_value(gr_build *b, const char *tbl, const char *row, const char *col,
			  const gr_item *it, size_t at)
{
	gr_cell    *c;
	gr_num_kind k;

	/* (gr_grow returns at once while there is room: no call then) */
	if (b->r->ncells == b->cells_cap &&
		!gr_grow(b->mem, (void **) &b->r->cells, &b->cells_cap,
				 b->r->ncells + 1, sizeof(gr_cell)))
		return false;
	c = &b->r->cells[b->r->ncells++];

	/*
	 * In two halves: GCC zeroes the whole cell (96 bytes) with rep stos,
	 * slow to start for so few bytes, and each half with vector stores.
	 */
	memset(c, 0, sizeof(*c) / 2);
	memset((char *) c + sizeof(*c) / 2, 0, sizeof(*c) - sizeof(*c) / 2);
	c->tbl = tbl;
	c->row_key = row;
	c->col_key = col;
	if (!it)
	{
		c->off = at;
		c->len = 0;
		return true;
	}
	c->off = it->off;
	c->len = it->len;
	k = gr_read_number(b->buf + it->off, it->len, b->mem, c);
	if (k == GR_NUM_OK && !(c->flags & GR_CELL_OVERFLOW))
		return true;
	return value_warning(b, tbl, row, col, it, c, k);
}
