/*
 * gr_build.h - state shared by the readers that fill one gr_report.
 */
#ifndef GR_BUILD_H
#define GR_BUILD_H

#include "gr_core.h"
#include "gr_items.h"

typedef struct gr_build
{
	const char *buf;			/* the whole input */
	size_t		len;
	const gr_options *opt;
	gr_mem	   *mem;
	gr_error   *err;
	const gr_items *items;		/* the whole document's items */
	size_t		from;			/* this report's items: [from, to) */
	size_t		to;
	gr_report  *r;
	size_t		cells_cap;
	size_t		warn_cap;
	/* what the table readers found, for format detection and splitting */
	int			t3_format;		/* GR_FMT_TEMPLATE_2019/2021 or 0 */
	int			t2_format;
	bool		has_t2;
	bool		has_t3;
	bool		has_t4;
	size_t		t3_end;			/* item index after the last table-3 value */
} gr_build;

/*
 * Append a cell read from item it (NULL: a cell the table lacks, printed
 * as the empty string at byte offset at).  Number reading, NULL for blank,
 * filler and junk with a warning, all here.  False on out of memory.
 */
bool		gr_emit_value(gr_build *b, const char *tbl, const char *row,
						  const char *col, const gr_item *it, size_t at);

/* Most value cells one row may have. */
#define GR_MAX_ROW 64

/* Append a warning; false on out of memory. */
bool		gr_build_warn(gr_build *b, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* Poll the stop callback. */
bool		gr_build_stopped(gr_build *b);

/*
 * The item indices of the values following a row label at index label:
 * up to want value cells, stopping at the row end, prose or the next label.
 * Where the layout marks row ends and more than want values precede it,
 * the last want are taken (leading cells are merge placeholders).
 * Returns the count found (may be < want); *next = the index after.
 */
size_t		gr_collect_values(gr_build *b, size_t label, size_t want,
							  size_t *idx, size_t *next);

/* Template tables: fill b->r with t2/t3/t4 cells found in [from, to). */
gr_status	gr_read_template_tables(gr_build *b);

/* Label keys that anchor the template tables (also used for splitting):
 * the table-2 section number of "第二十条第(五)项" (0: none), and whether
 * key is table 3's first row 本年新收政府信息公开申请数量. */
int			gr_t2_section(const char *key);
bool		gr_is_t3_start(const char *key);

/* Metadata (agency, year) of the report in [from, to). */
gr_status	gr_read_metadata(gr_build *b);

#endif							/* GR_BUILD_H */
