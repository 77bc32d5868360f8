/*
 * gr_text.h - Unicode work on short spans: label keys, character classes,
 * number reading.  Only the spans that are compared get normalised, never
 * the whole document.
 */
#ifndef GR_TEXT_H
#define GR_TEXT_H

#include "gr_core.h"

/*
 * Label key of buf[0..len): NFKC (ICU), then every White_Space character
 * removed.  Written NUL-terminated into out (at most outsize bytes incl.
 * the NUL; longer keys are truncated on a character boundary).  Returns the
 * key length, or -1 on an ICU failure (err set).
 */
int			gr_label_key(const char *buf, size_t len, char *out, size_t outsize,
						 gr_error *err);

/* Decode one UTF-8 character at s[*i] (< len); advances *i.  Invalid
 * sequences decode as U+FFFD and advance one byte. */
uint32_t	gr_utf8_next(const char *s, size_t len, size_t *i);

/* True when the whole buffer is valid UTF-8; else *bad = offending offset. */
bool		gr_utf8_valid(const char *s, size_t len, size_t *bad);

/* Unicode White_Space (the set the label key strips). */
bool		gr_is_space(uint32_t c);

/* CJK ideograph (the characters labels are made of). */
bool		gr_is_han(uint32_t c);

/* CJK ideographs, CJK and full-width punctuation, “”: where running
 * Chinese text puts no space. */
bool		gr_is_cjk_like(uint32_t c);

/*
 * Read a value cell.  The text is trimmed of white space (incl. U+00A0,
 * U+3000); full-width digits and signs count as digits and signs.  Returns:
 *   GR_NUM_BLANK   nothing but white space
 *   GR_NUM_FILLER  "----", "—", "/", "-", "无", "／" ...: not applicable
 *   GR_NUM_OK      a number; fields of *cell filled (value, num, ival, unit)
 *   GR_NUM_GARBAGE anything else ("1O", "abc")
 * value strings are allocated from mem, but for 0..999 (most cells), whose
 * text is shared, static and read-only: free a value with gr_free_value.
 */
typedef enum gr_num_kind
{
	GR_NUM_BLANK,
	GR_NUM_FILLER,
	GR_NUM_OK,
	GR_NUM_GARBAGE,
	GR_NUM_NOMEM
} gr_num_kind;

gr_num_kind gr_read_number(const char *buf, size_t len, gr_mem *mem,
						   gr_cell *cell);

/* Free a cell value from gr_read_number (a shared one is left alone). */
void		gr_free_value(gr_mem *mem, char *value);

#endif							/* GR_TEXT_H */
