/*
 * gr_layouts.h - item producers of the hard layouts (HTML, pdftotext
 * -layout, glued digits) and the comparison text the readers work on.
 *
 * The comparison text ("shadow")
 * ------------------------------
 * Every producer fills the item stream with byte spans into the ORIGINAL
 * input; printed text, gr_cell.off/len and character positions refer to it.
 * Some layouts need the text the readers compare to differ from the
 * printed bytes: HTML tags and entities, labels of pdftotext tables wrapped
 * around the line that carries the numbers, traditional characters.  For
 * those the producer writes a shadow copy of the input of EXACTLY the same
 * length in which
 *   - markup (tags, comments, <script>/<style>/<head> content) is blanked
 *     to ASCII spaces (newlines kept),
 *   - an entity "&amp;" "&#x4E00;" "&nbsp;" is replaced by its UTF-8 bytes
 *     at the entity's first byte, padded with spaces (never longer: every
 *     entity is at least as long as its UTF-8 form); &nbsp; &ensp; &emsp;
 *     &#160; &#12288; decode to spaces so blank cells stay blank,
 *   - inside the span of each HTML item, the text without its markup is
 *     moved to the start of the span (spaces after it), so that runs Word
 *     split ("<span>1</span><span>,234</span>") read "1,234"; item spans
 *     never overlap, so no other item's text moves,
 *   - traditional characters of label and prose spans are replaced by
 *     their simplified forms (ICU "Traditional-Simplified") where the
 *     simplified span has the same byte length (always so for the CJK
 *     ideographs of the reports),
 *   - bytes between U+0001 and U+0002 are skipped by gr_label_key(): the
 *     aligned producer uses them to hide the numbers and the foreign
 *     fragments that lie inside a label wrapped over several lines.
 * Item spans (off, len) are therefore the same in both texts; the table,
 * metadata and segmenting readers get the shadow, character positions and
 * printed text come from the original.  Cost: one copy of the input, made
 * only for HTML, aligned and traditional text (TAB/pipe/markdown/glued use
 * the input itself).
 */
#ifndef GR_LAYOUTS_H
#define GR_LAYOUTS_H

#include "gr_core.h"
#include "gr_items.h"

#include <string.h>

/*
 * Notes: warnings a producer has for the report holding byte offset off
 * (glued-digit reconstruction).  gr_parse_all appends each note to the
 * warnings of the report whose span [start, end) holds off, as
 * "<head>: <msg>", or "<head> at line <line>: <msg>" when line > 0.  A note
 * may share its msg with the note before it (same pointer): table-dense
 * pages give a note per row, most of them alike.
 */
typedef struct gr_note
{
	char	   *msg;
	uint32_t	off;
	uint32_t	line;
} gr_note;

typedef struct gr_notes
{
	gr_note    *v;
	size_t		n;
	size_t		cap;
	const char *head;			/* "glued digits" */
} gr_notes;

/* Append the notes that fall in r's span to r's warnings; false on OOM. */
bool		gr_notes_attach(gr_mem *mem, const gr_notes *notes, gr_report *r);

/* Free the notes and their texts. */
void		gr_notes_free(gr_mem *mem, gr_notes *notes);

/*
 * The agency as the original prints it: the metadata reader found it in
 * the comparison text (simplified characters); take the same bytes of buf.
 * False on out of memory.
 */
bool		gr_agency_as_printed(gr_mem *mem, const char *buf, const char *text,
								 gr_report *r);

/* Fill the item x (gr_items_push and gr_items_push_fast). */
static inline void
gr_item_set(gr_item *x, gr_item_kind kind, gr_layout layout, size_t off,
			size_t len, uint32_t line)
{
	x->kind = (uint8_t) kind;
	x->layout = (uint8_t) layout;
	x->off = (uint32_t) off;
	x->len = (uint32_t) len;
	x->line = line;
	x->flags = 0;
}

/*
 * gr_items_push() with its common case (room left, not counting) inline:
 * the producers push an item per cell, and the call cost more than the
 * store.  The same item either way.
 */
static inline bool
gr_items_push_fast(gr_mem *mem, gr_items *it, gr_item_kind kind,
				   gr_layout layout, size_t off, size_t len, uint32_t line)
{
	gr_item    *x;

	if (it->counting || it->n >= it->cap)
		return gr_items_push(mem, it, kind, layout, off, len, line);
	x = &it->v[it->n++];
	gr_item_set(x, kind, layout, off, len, line);
	return true;
}

/* Skip markers of the comparison text (see above). */
#define GR_SKIP_BEGIN '\x01'
#define GR_SKIP_END   '\x02'

/* Which producer the input needs (TAB/pipe/markdown/prose: GR_LAYOUT_TAB). */
gr_layout	gr_sniff_layout(const char *buf, size_t len);

/*
 * Tokenise a document with the producer gr_sniff_layout() chooses, and
 * convert traditional characters when the text has any.  *text is the
 * comparison text: buf itself, or a shadow allocated from mem (*owned, to
 * be freed with gr_free after parsing; NULL when *text == buf).
 */
gr_status	gr_tokenise(const char *buf, size_t len, const gr_options *opt,
						gr_mem *mem, gr_items *out, const char **text,
						char **owned, gr_notes *notes, gr_error *err);

/*
 * HTML page: <table> grids (rowspan/colspan expanded: a cell covered by a
 * rowspan gives an empty placeholder cell before the row's first own cell,
 * as the Word export does; covered columns of a colspan give nothing;
 * ROW_END after every <tr>), and PROSE items for the text between tables,
 * one per block (<p>, <div>, <h1>..., <li>, <br>, cells of layout tables).
 * Tables that contain tables are layout tables: their cells are blocks.
 * A cell's span is its content trimmed of white space and of leading and
 * trailing markup: the text run itself for a single run ("<td><p><span>
 * 12</span></p></td>" prints "12"), the raw source from the first to the
 * last text byte when markup is inside ("商业<br />企业").  A blank cell
 * ("&nbsp;") has an empty span at its content.  shadow (len bytes, a copy
 * of buf on entry) receives the comparison text.  Linear; no recursion.
 */
gr_status	gr_items_from_html(const char *buf, size_t len,
							   const gr_options *opt, gr_mem *mem,
							   gr_items *out, char *shadow, gr_error *err);

/*
 * pdftotext -layout text (domain.md 3.5).  A line whose trailing run of
 * numeric tokens is separated from its text by two or more spaces (or that
 * holds nothing else) is a table row: a label cell (when there is label
 * text) then one value cell per token, then ROW_END.  Label fragments on
 * the lines between rows are attached to the row above (continuation) or
 * below (start) by their outline numbering and column; the label cell's
 * span runs from the first to the last fragment, and the shadow hides the
 * numbers and the foreign fragments inside it with skip markers.  Group
 * labels and headers become one cell per fragment; page headers/footers
 * ("— 5 —", "- 5 -", "第 5 页", a line repeated on several pages) and
 * form feeds are skipped; other lines are PROSE.
 */
gr_status	gr_items_from_aligned(const char *buf, size_t len,
								  const gr_options *opt, gr_mem *mem,
								  gr_items *out, char *shadow, gr_error *err);

/*
 * Glued digits (gr_glued.c): the trailing digit run of a table-3 row is
 * split into 7 values by search under R3 per row and R1/R2 per column,
 * table 4's run into 15 under R6-R8; values all consistent splits agree on
 * are cells, the others empty cells, explained in notes.
 */
gr_status	gr_items_from_glued(const char *buf, size_t len,
								const gr_options *opt, gr_mem *mem,
								gr_items *out, gr_notes *notes, gr_error *err);

/*
 * Replace, in place, the traditional characters of the label and prose
 * items of shadow (len bytes) by simplified ones where the byte length
 * stays the same (see above); one ICU transliterator per call, closed
 * before return.  *changed tells whether anything was replaced.
 */
gr_status	gr_simplify_items(char *shadow, size_t len, const gr_items *it,
							  bool *changed, gr_error *err);

/* Sniffers used by gr_sniff_layout(). */
bool		gr_sniff_html(const char *buf, size_t len);
bool		gr_sniff_aligned(const char *buf, size_t len);

/*
 * For the aligned and glued sniffs, once they have seen enough: does
 * s[0..n) hold a TAB or '|', so that a TAB or pipe line may still follow
 * and change the answer?  Two memchr calls over the rest cost less than
 * reading it line by line.
 */
static inline bool
gr_rest_may_hold_cells(const char *s, size_t n)
{
	return memchr(s, '\t', n) != NULL || memchr(s, '|', n) != NULL;
}

/*
 * For the unit tests: 0 when the aligned reader's table of bytes a numeric
 * token can end in holds the last byte of every token numeric_token would
 * accept (each character of the BMP alone, after a digit, after a filler;
 * each unit after a digit); else the first character it misses.
 */
uint32_t	gr_aligned_check_ends(void);
bool		gr_sniff_glued(const char *buf, size_t len);

/* Does the text contain characters only traditional Chinese uses? */
bool		gr_has_traditional(const char *buf, size_t len);

/*
 * gr_has_traditional(buf, len) || buf holds GR_SKIP_BEGIN or GR_SKIP_END:
 * one pass instead of three.
 */
bool		gr_has_traditional_or_marker(const char *buf, size_t len);

#endif							/* GR_LAYOUTS_H */
