/*
 * gr_items.h - the layout-independent item stream.
 *
 * Every layout (TAB cells, "cell |" lines, markdown, HTML, pdftotext) is
 * turned into one stream of items: cells with the byte span of their text,
 * row ends where the layout shows them, and prose lines.  The table
 * readers work on this stream only.
 */
#ifndef GR_ITEMS_H
#define GR_ITEMS_H

#include "gr_core.h"

typedef enum gr_item_kind
{
	GR_ITEM_CELL,				/* a table cell */
	GR_ITEM_ROW_END,			/* the layout marks the end of a row */
	GR_ITEM_PROSE				/* a line of running text */
} gr_item_kind;

typedef struct gr_item
{
	gr_item_kind kind;
	gr_layout	layout;			/* which layout produced it */
	size_t		off;			/* printed text: input[off .. off+len) */
	size_t		len;
	uint32_t	line;			/* 1-based line of off */
} gr_item;

typedef struct gr_items
{
	gr_item    *v;
	size_t		n;
	size_t		cap;
} gr_items;

/* Append one item; false on allocation failure. */
bool		gr_items_push(gr_mem *mem, gr_items *it, gr_item_kind kind,
						  gr_layout layout, size_t off, size_t len,
						  uint32_t line);

/*
 * Tokenise plain text (TAB cells, "cell |" lines, markdown pipe tables and
 * prose, in any mixture) into items.
 */
gr_status	gr_items_from_text(const char *buf, size_t len, const gr_options *opt,
							   gr_mem *mem, gr_items *out, gr_error *err);

/* The layout most table cells came from (GR_LAYOUT_PROSE when none). */
gr_layout	gr_items_layout(const gr_items *it, size_t from, size_t to);

#endif							/* GR_ITEMS_H */
