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

/*
 * 16 bytes: table-dense input has an item every 3 to 8 bytes, and the
 * whole document's items are alive while its reports are read.  Offsets,
 * lengths and line numbers fit 32 bits because gr_parse_all refuses input
 * above GR_PARSE_MAX.
 */
typedef struct gr_item
{
	uint32_t	off;			/* printed text: input[off .. off+len) */
	uint32_t	len;
	uint32_t	line;			/* 1-based line of off */
	uint8_t		kind;			/* gr_item_kind */
	uint8_t		layout;			/* gr_layout: which layout produced it */
	uint16_t	flags;			/* GR_ITEM_* */
} gr_item;

/* An empty cell a producer could not decide (and said why in a note):
 * NULL, without the generic "blank cell" warning. */
#define GR_ITEM_UNDECIDED 0x01

/*
 * Where the comparison text moved bytes (HTML: markup dropped and entities
 * decoded inside an item's span, see gr_layouts.h): shadow bytes
 * [s, s+slen) stand for input bytes [o, o+olen).  slen == olen for moved
 * text, slen < olen for a decoded entity (an atomic piece).  Sorted by s;
 * offsets outside every piece are the same in both texts.
 */
typedef struct gr_shift
{
	uint32_t	s;
	uint32_t	o;
	uint32_t	slen;
	uint32_t	olen;
} gr_shift;

/*
 * Count mode (counting = true): gr_items_push only counts, in n, and keeps
 * a copy of the last item in 'last' (gr_items_last), so that a producer
 * can run once to learn how many items it makes and then fill an array of
 * exactly that size (gr_items_reserve): an array grown by doubling holds
 * up to three times its items while the old copy is alive.
 */
typedef struct gr_items
{
	gr_item    *v;
	size_t		n;
	size_t		cap;
	gr_shift   *shift;			/* NULL unless a producer moved text */
	size_t		nshift;
	size_t		shiftcap;
	bool		counting;
	gr_item		last;			/* count mode: the item pushed last */
} gr_items;

/* The item pushed last (n > 0), in count mode too. */
static inline gr_item *
gr_items_last(gr_items *it)
{
	return it->counting ? &it->last : &it->v[it->n - 1];
}

/*
 * Make room for n items in all (capacity exactly n when it grows); false
 * on allocation failure.
 */
bool		gr_items_reserve(gr_mem *mem, gr_items *it, size_t n);

/*
 * End a counting pass started by setting it->counting: forget the items
 * counted and, when the pass succeeded (ok), make room for exactly that
 * many; false on allocation failure.
 */
bool		gr_items_count_end(gr_mem *mem, gr_items *it, bool ok);

/*
 * Run from the document's size on, producers that can count their items
 * first do so (one more pass over the text, saving the doubling copies).
 */
#define GR_ITEMS_COUNT_FROM ((size_t) 256 * 1024)

/* Record that shadow [s, s+slen) stands for input [o, o+olen); merges
 * with the previous piece where both are plain runs.  False on OOM. */
bool		gr_items_shift(gr_mem *mem, gr_items *it, size_t s, size_t o,
						   size_t slen, size_t olen);

/*
 * Prose lines of PDF and scraped text break Chinese phrases with spaces
 * ("上年 结转48件", justified lines of pdftotext): in the comparison text,
 * drop the white space of prose items that touches a CJK character, so
 * the byte-string triggers of the narrative reader match; the moves are
 * recorded with gr_items_shift, so positions still refer to the input.
 * *text is buf or an owned copy of it (*owned); a copy is made when the
 * first prose line needs it.  Documents whose comparison text was already
 * moved (HTML) are left alone.  Not NFKC: white space only.
 */
gr_status	gr_items_compact_prose(const char *buf, size_t len, gr_mem *mem,
								   gr_items *it, const char **text,
								   char **owned, gr_error *err);

/* The input span of the comparison-text span [soff, soff+slen). */
void		gr_items_to_input(const gr_items *it, size_t soff, size_t slen,
							  size_t *ooff, size_t *olen);

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
