/*
 * gr_core.h - public interface of the govreport parsing core.
 *
 * The core is plain C99 plus ICU.  It never includes postgres.h, never
 * longjmps, exits or prints, keeps no mutable globals, and takes all memory
 * from a caller-supplied allocator.  Input is (buf, len) UTF-8 text that need
 * not be NUL-terminated; output is plain structs.
 */
#ifndef GR_CORE_H
#define GR_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ memory */

/*
 * Caller-supplied allocator.  alloc must return zeroed memory or NULL.
 * free may be NULL (arena-style allocators such as palloc in a context).
 */
typedef struct gr_mem
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void	   *ctx;
} gr_mem;

/* Polled in long loops; returns true when the caller wants the work stopped. */
typedef bool (*gr_stop_fn) (void *ctx);

/* ------------------------------------------------------------------ status */

typedef enum gr_status
{
	GR_OK = 0,
	GR_ERR_NOT_REPORT,			/* text holds no report: 22P02 */
	GR_ERR_MULTIPLE,			/* several reports where one was expected: 22P02 */
	GR_ERR_TOO_LARGE,			/* input above the size limit: 54000 */
	GR_ERR_ENCODING,			/* invalid UTF-8 / undecodable bytes: 22021 */
	GR_ERR_CANCELLED,			/* the stop callback said so */
	GR_ERR_NOMEM,				/* allocator returned NULL */
	GR_ERR_ICU					/* ICU failed on valid input: XX000 */
} gr_status;

typedef struct gr_error
{
	gr_status	status;
	size_t		offset;			/* byte offset in the input the error refers to */
	char		message[256];	/* short reason, lower case, no period */
	char		detail[512];	/* full sentence(s) */
} gr_error;

/* ------------------------------------------------------------ enumerations */

typedef enum gr_format
{
	GR_FMT_UNKNOWN = 0,
	GR_FMT_TEMPLATE_2021,
	GR_FMT_TEMPLATE_2019,
	GR_FMT_STATS_PRE2019,
	GR_FMT_NARRATIVE
} gr_format;

typedef enum gr_layout
{
	GR_LAYOUT_UNKNOWN = 0,
	GR_LAYOUT_TAB,
	GR_LAYOUT_PIPE,
	GR_LAYOUT_MARKDOWN,
	GR_LAYOUT_HTML,
	GR_LAYOUT_ALIGNED,
	GR_LAYOUT_GLUED,
	GR_LAYOUT_PROSE
} gr_layout;

const char *gr_format_name(gr_format f);	/* 'template_2021', ... or NULL */
const char *gr_layout_name(gr_layout l);	/* 'tab', 'pipe', ... or NULL */

/* ---------------------------------------------------------------- numbers */

/*
 * Fixed-point decimal used by the rules: value * 10^GR_DEC_SCALE in a
 * 128-bit integer.  Exact for every value a report prints (at most 6
 * decimals, |v| < 1.7e32); cells outside that range have num_ok = false and
 * make the rules that use them indeterminate.
 */
#define GR_DEC_SCALE 6
typedef __int128 gr_dec;
#define GR_DEC_ONE ((gr_dec) 1000000)

/* ------------------------------------------------------------------ cells */

#define GR_CELL_INFERRED   0x01	/* value inferred from a negative sentence */
#define GR_CELL_APPROX     0x02	/* "361余篇": value is a lower bound */
#define GR_CELL_PERCENT    0x04	/* value is a percentage as printed */
#define GR_CELL_FILLER     0x08	/* "----", "—", "/" in a value cell: NULL */
#define GR_CELL_GARBAGE    0x10	/* non-numeric text in a value cell: NULL */
#define GR_CELL_OVERFLOW   0x20	/* exact value too large for gr_dec: rules skip it */

typedef struct gr_cell
{
	/* the widest member first, then by size: 96 bytes, no padding holes */
	gr_dec		num;			/* value * 10^GR_DEC_SCALE */
	const char *tbl;			/* "t2" "t3" "t4" "stats" "annex" "narrative" */
	const char *row_key;		/* canonical row key (domain.md section 2) */
	const char *col_key;		/* canonical column key, NULL for one-value rows */
	char	   *value;			/* exact canonical decimal text: "-5", "32694.3253" */
	const char *unit;			/* "件" "条" "元" "万元" "%" ... or NULL */
	int64_t		ival;
	/* positions: the core refuses text above GR_PARSE_MAX (2 GB) */
	uint32_t	off;			/* byte offset of the printed text in the input */
	uint32_t	len;			/* byte length of the printed text */
	uint32_t	char_start;		/* 1-based character position (filled by the core) */
	uint32_t	char_len;		/* length in characters */
	uint32_t	flags;			/* GR_CELL_* */
	int			decimals;		/* digits after the point as printed (percentages) */
	bool		has_value;		/* false: blank cell, SQL NULL (never zero) */
	bool		num_ok;			/* num holds the value exactly */
	bool		is_int;			/* value is an integer that fits int64 */
} gr_cell;

/* An optional int64: the four headline totals of the govreport type. */
typedef struct gr_opt_i64
{
	bool		present;
	int64_t		v;
} gr_opt_i64;

typedef struct gr_report
{
	char	   *agency;			/* NULL where the text never names it */
	int			year;			/* 0 when unknown */
	gr_format	format;
	gr_layout	layout;
	gr_opt_i64	new_received;
	gr_opt_i64	carried_over;
	gr_opt_i64	processed_total;
	gr_opt_i64	carried_forward;
	gr_cell    *cells;			/* document order */
	size_t		ncells;
	char	  **warnings;
	size_t		nwarnings;
	size_t		start;			/* byte span of this report in the input */
	size_t		end;
} gr_report;

/* ---------------------------------------------------------------- parsing */

typedef struct gr_options
{
	size_t		max_bytes;		/* 0 = no limit (but GR_PARSE_MAX); checked
								 * before any allocation */
	bool		utf8_checked;	/* the caller guarantees valid UTF-8 without
								 * NUL bytes (PostgreSQL text): skip the check */
	gr_stop_fn	stop;			/* may be NULL */
	void	   *stop_ctx;
} gr_options;

/*
 * Largest text gr_parse / gr_parse_all accept, whatever opt->max_bytes says
 * (GR_ERR_TOO_LARGE above it): the item stream keeps byte offsets, lengths
 * and line numbers in 32 bits, which keeps it small on table-dense input.
 * The server's govreport.max_input_bytes is an int, so always below it.
 */
#define GR_PARSE_MAX ((size_t) 1 << 31)

/*
 * Parse text holding exactly one report.  GR_ERR_NOT_REPORT when it holds
 * none, GR_ERR_MULTIPLE when it holds several.
 */
gr_status	gr_parse(const char *buf, size_t len, const gr_options *opt,
					 gr_mem *mem, gr_report *out, gr_error *err);

/*
 * Every report of a document, in document order, verbatim repeats once.
 * Zero reports is GR_OK with *n = 0.
 */
gr_status	gr_parse_all(const char *buf, size_t len, const gr_options *opt,
						 gr_mem *mem, gr_report **out, size_t *n,
						 gr_error *err);

/* --------------------------------------------------------------- bytes */

/*
 * Decode raw file bytes to UTF-8 (gr_charset.c).  UTF-8 with or without a
 * BOM (the BOM is stripped) is taken as it is; anything else is classified
 * with ICU's charset detector (ucsdet) among GB18030 (GBK, GB2312) and Big5
 * and converted with ucnv.  *utf8 (NUL-terminated, *utf8len bytes without
 * the NUL) is allocated from mem; *detected is a static name: "UTF-8",
 * "UTF-8 with BOM", "GB18030" or "Big5".  Undecodable bytes give
 * GR_ERR_ENCODING with err->offset = their byte offset in bytes; input above
 * GR_DECODE_MAX bytes GR_ERR_TOO_LARGE.  No ICU object outlives the call.
 */
#define GR_DECODE_MAX ((size_t) 1 << 30)
gr_status	gr_decode(const char *bytes, size_t len, gr_mem *mem, char **utf8,
					  size_t *utf8len, const char **detected, gr_error *err);

/*
 * Raw bytes in, reports out: opt->max_bytes is checked on the raw length,
 * then gr_decode, then gr_parse_all / gr_parse on the UTF-8 text, and every
 * report gets the warning "encoding: <detected> (detected from the bytes)".
 * Cell offsets and printed spans refer to *utf8 (returned, from mem);
 * character positions are the same in both.  Errors as gr_decode and
 * gr_parse_all / gr_parse (err->offset of GR_ERR_ENCODING: raw bytes).
 */
gr_status	gr_parse_all_bytes(const char *bytes, size_t len,
							   const gr_options *opt, gr_mem *mem,
							   char **utf8, size_t *utf8len,
							   gr_report **out, size_t *n, gr_error *err);
gr_status	gr_parse_bytes(const char *bytes, size_t len, const gr_options *opt,
						   gr_mem *mem, char **utf8, size_t *utf8len,
						   gr_report *out, gr_error *err);

/* First cell with these keys (col may be NULL), or NULL. */
const gr_cell *gr_report_find(const gr_report *r, const char *tbl,
							  const char *row, const char *col);

#endif							/* GR_CORE_H */
