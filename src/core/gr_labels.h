/*
 * gr_labels.h - label keys of the template tables and how they are matched.
 */
#ifndef GR_LABELS_H
#define GR_LABELS_H

#include "gr_core.h"
#include "gr_items.h"

#define GR_KEY_SIZE 512

/* The label key of an item (NFKC + strip, see gr_label_key) in out. */
int			gr_item_key(const char *buf, const gr_item *it, char *out,
						gr_error *err);

/*
 * Drop leading outline numbering: "一、" "(一)" "1." "1、" "(1)" "三、" and
 * quotes anywhere ("“三安全一稳定”" and "\"三安全一稳定\"" compare equal).
 * In place.
 */
void		gr_strip_numbering(char *key);

/*
 * Outline numbering at the start of raw text s[0..n): "一、" "（一）" "(一)"
 * "1." "1、" "1)" "１．" (up to three numerals, full- or half-width).
 * Its byte length, or 0.  gr_strip_numbering does the same on label keys.
 */
size_t		gr_numbering_at(const char *s, size_t n);

/* Does key start with prefix? */
bool		gr_starts(const char *key, const char *prefix);

/* Does key contain needle? */
bool		gr_contains(const char *key, const char *needle);

/* Classification of a cell for table reading. */
typedef enum gr_cell_class
{
	GR_CC_VALUE,				/* number, blank, filler or short junk */
	GR_CC_LABEL					/* text: a label of some kind */
} gr_cell_class;

/*
 * A cell of at most four bytes whose first and last bytes are ASCII (most
 * value cells: "0", "12"): no ideograph fits between them (every one takes
 * three bytes or four), so gr_classify_cell would say GR_CC_VALUE.  Lets the
 * readers skip the call for the common cell.  (An empty cell is a value
 * too.)
 */
static inline bool
gr_short_ascii_cell(const char *buf, const gr_item *it)
{
	return it->len == 0 ||
		(it->len <= 4 && (unsigned char) buf[it->off] < 0x80 &&
		 (unsigned char) buf[it->off + it->len - 1] < 0x80);
}

/*
 * The value (1-10) of the Chinese numeral of outline numbering (一 二 三 四
 * 五 六 七 八 九 十) whose three bytes start at u, or 0.  The three bytes
 * as one key, told by a switch (the callers run it on every key and
 * label); the caller makes sure three bytes can be read.
 */
static inline int
gr_cjk_numeral(const unsigned char *u)
{
	switch ((uint32_t) u[0] << 16 | (uint32_t) u[1] << 8 | u[2])
	{
		case 0xE4B880:			/* 一 */
			return 1;
		case 0xE4BA8C:			/* 二 */
			return 2;
		case 0xE4B889:			/* 三 */
			return 3;
		case 0xE59B9B:			/* 四 */
			return 4;
		case 0xE4BA94:			/* 五 */
			return 5;
		case 0xE585AD:			/* 六 */
			return 6;
		case 0xE4B883:			/* 七 */
			return 7;
		case 0xE585AB:			/* 八 */
			return 8;
		case 0xE4B99D:			/* 九 */
			return 9;
		case 0xE58D81:			/* 十 */
			return 10;
		default:
			return 0;
	}
}

gr_cell_class gr_classify_cell(const char *buf, const gr_item *it);

#endif							/* GR_LABELS_H */
