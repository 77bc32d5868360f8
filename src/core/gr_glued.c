/*
 * gr_glued.c - item producer for text whose table cells ran together when
 * the tags were stripped (layout 'glued'):
 *
 *     一、本年新收政府信息公开申请数量801000081     = 80,1,0,0,0,0,81
 *
 * A row's digits are split by search, never by guess:
 *   table 3: every split of a row's run into 7 numbers (no leading zeros,
 *            thousands separators only in the grouped form) with
 *            R3 (six applicant columns sum to the total) is a candidate;
 *            then the candidates of all rows are combined and only the
 *            combinations satisfying R1 and R2 in all 7 columns are kept.
 *   table 4: splits of the 15-number run satisfying R6-R8.
 * A value every remaining split agrees on is kept (its span: its digits in
 * the run); the others are NULL (an empty cell) with a note saying how many
 * splits remained and what they were.  Searches are capped (GLUED_MAX_STEPS
 * steps per row, GLUED_MAX_CANDS candidates per row, GLUED_MAX_COMBOS
 * combinations per table, GLUED_MAX_TOTAL steps and combinations per
 * document, numbers of at most GLUED_MAX_PART characters); where a cap is
 * hit the row/table is NULL (or split by R3 alone) and a note says so.  Rows of other tables (table 2) keep their run as one
 * cell when its section has one column; with several columns (counted on
 * the header "信息内容本年制发件数…") the run is split where only one
 * split into printed numbers exists ("002" = 0,0,2; "19-5" = 19,-5), and
 * values all splits agree on are kept, the rest NULL with a note: table 2
 * has no identity to choose between splits.
 *
 * Row labels glued to group labels ("（三）不予公开1.属于国家秘密") are cut at
 * outline numbering into separate label cells, as the Word export has them.
 * Label-only lines are prose, except table-2 section labels ("第二十条…")
 * and table 4's "行政复议", which the readers need as cells.
 */
#include "gr_layouts.h"
#include "gr_labels.h"
#include "gr_text.h"
#include "gr_util.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define GLUED_MAX_RUN 160		/* characters of one run */
#define GLUED_MAX_STEPS 400000	/* search steps per row */
#define GLUED_MAX_TOTAL 20000000L	/* search steps and combinations per document */
#define GLUED_MAX_PART 20		/* characters of one number (15 digits, commas) */
#define GLUED_MAX_CANDS 64		/* splits kept per row */
#define GLUED_MAX_COMBOS 200000 /* combinations of table-3 rows checked */
#define T3_MAX_ROWS 40
#define NCOL 7

typedef struct run
{
	char		ch[GLUED_MAX_RUN];	/* '0'-'9' ',' '.' '+' '-' */
	/* byte offset of each character: 32 bits (GR_PARSE_MAX) */
	uint32_t	off[GLUED_MAX_RUN + 1];
	int			n;
} run;

/*
 * A split: parts' characters in one byte each (a run has at most
 * GLUED_MAX_RUN), so that the search's candidates and the rows' splits
 * take 152 bytes, not 240.
 */
typedef struct cand
{
	uint8_t		start[15];		/* first character of each part */
	uint8_t		end[15];
	int64_t		v[15];
} cand;

_Static_assert(GLUED_MAX_RUN <= UINT8_MAX, "run positions fit cand's bytes");

typedef struct gline
{
	size_t		b,
				e;				/* trimmed content */
	size_t		lb,
				le;				/* label part (trimmed), before the run */
	size_t		rb;				/* run start (== e: no run) */
} gline;

/* ------------------------------------------------------------- helpers */

static bool
has(const char *s, size_t n, const char *needle)
{
	return gr_find(s, n, needle) != NULL;
}

/* Length of a run character at s (digit or separator), 0 if none. */
static size_t
run_char(const char *s, size_t n, char *out)
{
	unsigned char c = (unsigned char) s[0];

	if (c >= '0' && c <= '9')
	{
		*out = (char) c;
		return 1;
	}
	if (c == ',' || c == '.' || c == '+' || c == '-')
	{
		*out = (char) c;
		return 1;
	}
	if (n >= 3 && c == 0xEF && (unsigned char) s[1] == 0xBC)
	{
		unsigned char d = (unsigned char) s[2];

		if (d >= 0x90 && d <= 0x99)
		{
			*out = (char) ('0' + (d - 0x90));
			return 3;
		}
		if (d == 0x8C || d == 0x8E || d == 0x8B || d == 0x8D)
		{
			*out = d == 0x8C ? ',' : d == 0x8E ? '.' : d == 0x8B ? '+' : '-';
			return 3;
		}
	}
	return 0;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Start of the trailing run of digits/separators in buf[b..e). */
static size_t
run_start(const char *buf, size_t b, size_t e)
{
	size_t		p = e;

	while (p > b)
	{
		size_t		q = p - 1;
		char		c;

		while (q > b && ((unsigned char) buf[q] & 0xC0) == 0x80)
			q--;
		if (run_char(buf + q, p - q, &c) != p - q)
			break;
		p = q;
	}
	/* a run starts with a digit or a sign */
	while (p < e)
	{
		char		c = 0;
		size_t		l = run_char(buf + p, e - p, &c);

		if (l == 0 || (c != ',' && c != '.'))
			break;
		p += l;
	}
	return p;
}

static bool
load_run(const char *buf, size_t b, size_t e, run *r)
{
	r->n = 0;
	for (size_t p = b; p < e;)
	{
		char		c;
		size_t		l = run_char(buf + p, e - p, &c);

		if (l == 0 || r->n >= GLUED_MAX_RUN)
			return false;
		r->ch[r->n] = c;
		r->off[r->n] = (uint32_t) p;
		r->n++;
		p += l;
	}
	r->off[r->n] = (uint32_t) e;
	return true;
}

/*
 * Value of the part ch[i..j) or -1: digits without a leading zero (or "0"),
 * or the grouped form d{1,3}(,ddd)+; at most 15 digits.
 */
static int64_t
part_value(const run *r, int i, int j)
{
	int64_t		v = 0;
	int			digits = 0;
	int			group = 0;
	bool		grouped = false;

	/* every test fails with -1: their order does not matter, one pass */
	if (i >= j || r->ch[i] == ',' || r->ch[j - 1] == ',')
		return -1;
	if (r->ch[i] == '0' && j - i > 1)
		return -1;
	for (int k = i; k < j; k++)
	{
		if (r->ch[k] == ',')
		{
			if ((!grouped && (group == 0 || group > 3)) || (grouped && group != 3))
				return -1;
			grouped = true;
			group = 0;
			continue;
		}
		if (r->ch[k] < '0' || r->ch[k] > '9')
			return -1;			/* signs and decimals: no table-3/4 count */
		if (++digits > 15)
			return -1;
		group++;
		v = v * 10 + (r->ch[k] - '0');
	}
	if (grouped && group != 3)
		return -1;
	return v;
}

/* ------------------------------------------------------ table 3 rows */

typedef struct search
{
	const run  *r;
	int			nparts;			/* 7 (table 3) or 15 (table 4) */
	cand		cur;
	int64_t		psum[16];		/* psum[k]: cur.v[0] + ... + cur.v[k - 1] */
	cand	   *out;
	int			nout;
	long		steps;
	long	   *budget;			/* what is left for the whole document */
	bool		capped;
} search;

static const int64_t pow10_i64[18] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000, 100000000000000000
};

/*
 * The search below is compiled twice, for table 3 (NCOL parts) and table 4
 * (15), from one body whose nparts is a constant (dfs7, dfs15): the
 * tests of nparts in every step then cost nothing.  The helpers take
 * nparts for the same reason.
 */

/* Check the identity of a group ending at part k (inclusive). */
static inline bool
group_ok(const search *s, int k, const int nparts)
{
	if (nparts == NCOL)
		return s->psum[6] == s->cur.v[6];
	/* table 4: parts k-4 .. k: four parts sum to the fifth */
	return s->cur.v[k - 4] + s->cur.v[k - 3] + s->cur.v[k - 2] + s->cur.v[k - 1] ==
		s->cur.v[k];
}

/*
 * Table 3: can the total (the last part) still equal the sum of parts
 * 0..k, part k ending at j?  The total takes what the parts between leave,
 * at most n - j - (parts between) characters, so it is below 10 to that
 * power: a partial sum that reaches it cannot be completed.
 */
static inline bool
total_may_hold(const search *s, int k, int j)
{
	int			maxlen = s->r->n - j - (NCOL - 2 - k);

	if (maxlen <= 0)
		return false;
	if (maxlen >= 18)
		return true;
	return s->psum[k + 1] < pow10_i64[maxlen];
}

/*
 * The last part (k, len characters) must equal the sum its group's identity
 * asks for.  A valid part of len characters has at most len digits and, when
 * len > 1, at least len - len / 4 (at most one comma per four characters)
 * with no leading zero: a sum outside those bounds rules it out without
 * reading it.  true: it may match.
 */
static inline bool
last_may_be(const search *s, int k, int len, const int nparts)
{
	int64_t		want = nparts == NCOL ? s->psum[NCOL - 1] :
		s->psum[k] - s->psum[k - 4];

	if (len < 18 && want >= pow10_i64[len])
		return false;
	if (len > 1 && len - len / 4 - 1 < 18 && want < pow10_i64[len - len / 4 - 1])
		return false;
	return true;
}

typedef void (*dfs_fn) (search *s, int pos, int k);

static void dfs7(search *s, int pos, int k);
static inline void dfs7_k5(search *s, int pos);

/*
 * Table 3's last part (k = NCOL - 1): dfs_body's step for it, inline in the
 * loop over the part before it.  That step has one candidate (the rest of
 * the run) and is half of all the search's steps: its call cost more than
 * its work.  The same charge, the same tests in the same order, the same
 * splits kept; only the reading of the total is turned down earlier when
 * its last digit already differs from the sum's (part_value would return
 * -1 or another number, and group_ok would fail: nothing is stored that a
 * later step reads).
 */
static inline __attribute__((always_inline)) void
dfs7_last(search *s, int pos)
{
	const int	k = NCOL - 1;
	const int	j = s->r->n;	/* the last part ends the run */
	char		d;
	int64_t		v;

	if (s->capped)
		return;
	if (++s->steps > GLUED_MAX_STEPS || --*s->budget < 0)
	{
		s->capped = true;
		return;
	}
	if (j > pos + GLUED_MAX_PART || !last_may_be(s, k, j - pos, NCOL))
		return;
	d = s->r->ch[j - 1];
	if (d < '0' || d > '9' || d - '0' != s->psum[NCOL - 1] % 10)
		return;
	v = part_value(s->r, pos, j);
	if (v < 0)
		return;
	s->cur.start[k] = (uint8_t) pos;
	s->cur.end[k] = (uint8_t) j;
	s->cur.v[k] = v;
	s->psum[k + 1] = s->psum[k] + v;
	if (!group_ok(s, k, NCOL))
		return;
	dfs7(s, j, k + 1);
}

static inline __attribute__((always_inline)) void
dfs_body(search *s, int pos, int k, const int nparts, dfs_fn next)
{
	int64_t		acc = 0;		/* value of ch[pos..j) while it is plain digits */
	int			nd = 0;
	bool		plain;
	int			last;
	char		first;

	if (s->capped)
		return;
	if (++s->steps > GLUED_MAX_STEPS || --*s->budget < 0)
	{
		s->capped = true;
		return;
	}
	if (k == nparts)
	{
		if (pos != s->r->n)
			return;
		if (s->nout >= GLUED_MAX_CANDS)
		{
			s->capped = true;
			return;
		}
		s->out[s->nout++] = s->cur;
		return;
	}
	/*
	 * Leave at least one character per remaining part; the last part ends
	 * the run, so it has one candidate, not GLUED_MAX_PART.
	 */
	plain = k < nparts - 1;
	/*
	 * The bound and the part's first character once: the stores into
	 * s->cur below could alias s->r->n for the compiler.
	 */
	last = s->r->n - (nparts - k - 1);
	if (last > pos + GLUED_MAX_PART)
		last = pos + GLUED_MAX_PART;
	first = s->r->ch[pos];

	for (int j = k == nparts - 1 ? s->r->n : pos + 1; j <= last; j++)
	{
		int64_t		v;
		char		d = s->r->ch[j - 1];

		/* the part grows by one character per step: extend its value */
		if (plain && d >= '0' && d <= '9')
		{
			if (++nd <= 15)
				acc = acc * 10 + (d - '0');
			v = nd > 15 || (nd > 1 && first == '0') ? -1 : acc;
		}
		else if (k == nparts - 1 && !last_may_be(s, k, j - pos, nparts))
			continue;			/* what group_ok below would turn down */
		else
		{
			plain = false;		/* a comma or sign: the full reading */
			v = part_value(s->r, pos, j);
		}

		if (v < 0)
		{
			/* a longer part cannot become valid after a leading zero */
			if (first == '0' || first == ',')
				break;
			continue;
		}
		s->cur.start[k] = (uint8_t) pos;
		s->cur.end[k] = (uint8_t) j;
		s->cur.v[k] = v;
		s->psum[k + 1] = s->psum[k] + v;
		if (nparts == 15 && k % 5 == 4 && !group_ok(s, k, nparts))
			continue;
		if (nparts == NCOL && k == NCOL - 1)
		{
			if (j != s->r->n || !group_ok(s, k, nparts))
				continue;
		}

		/*
		 * A longer part is worth at least as much (its digits extend
		 * these), and leaves the total fewer characters: it cannot pass
		 * either, so stop here (no search step is skipped: none of the
		 * longer parts would have been searched from).
		 */
		if (nparts == NCOL && k < NCOL - 1 && !total_may_hold(s, k, j))
			break;
		if (nparts == NCOL && k == NCOL - 2)
			dfs7_last(s, j);
		else if (nparts == NCOL && k == NCOL - 3)
			dfs7_k5(s, j);
		else
			next(s, j, k + 1);
		if (s->capped)
			return;
	}
}

static void dfs15(search *s, int pos, int k);

/*
 * Table 3's part before the last (k = NCOL - 2) inline in the loop of the
 * part before it, for the same reason as dfs7_last: its steps are the next
 * most frequent.  dfs_body's step for that k, written out (dfs_body cannot
 * be inlined into a function it calls): the same charge, tests and order.
 */
static inline __attribute__((always_inline)) void
dfs7_k5(search *s, int pos)
{
	const int	k = NCOL - 2;
	int64_t		acc = 0;
	int			nd = 0;
	bool		plain = true;
	int			last;
	char		first;

	if (s->capped)
		return;
	if (++s->steps > GLUED_MAX_STEPS || --*s->budget < 0)
	{
		s->capped = true;
		return;
	}
	last = s->r->n - 1;			/* one character left for the total */
	if (last > pos + GLUED_MAX_PART)
		last = pos + GLUED_MAX_PART;
	first = s->r->ch[pos];
	for (int j = pos + 1; j <= last; j++)
	{
		int64_t		v;
		char		d = s->r->ch[j - 1];

		if (plain && d >= '0' && d <= '9')
		{
			if (++nd <= 15)
				acc = acc * 10 + (d - '0');
			v = nd > 15 || (nd > 1 && first == '0') ? -1 : acc;
		}
		else
		{
			plain = false;
			v = part_value(s->r, pos, j);
		}
		if (v < 0)
		{
			if (first == '0' || first == ',')
				break;
			continue;
		}
		s->cur.start[k] = (uint8_t) pos;
		s->cur.end[k] = (uint8_t) j;
		s->cur.v[k] = v;
		s->psum[k + 1] = s->psum[k] + v;
		if (!total_may_hold(s, k, j))
			break;
		dfs7_last(s, j);
		if (s->capped)
			return;
	}
}

static void
dfs7(search *s, int pos, int k)
{
	dfs_body(s, pos, k, NCOL, dfs7);
}

static void
dfs15(search *s, int pos, int k)
{
	dfs_body(s, pos, k, 15, dfs15);
}

/* All splits of r into nparts satisfying the identities; -1: capped. */
static int
splits(const run *r, int nparts, cand *out, long *budget)
{
	search		s;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.nparts = nparts;
	s.out = out;
	s.budget = budget;
	if (r->n < nparts || r->n > nparts * GLUED_MAX_PART)
		return 0;
	if (*budget <= 0)
		return -1;
	if (nparts == NCOL)
		dfs7(&s, 0, 0);
	else
		dfs15(&s, 0, 0);
	return s.capped ? -1 : s.nout;
}

/* ------------------------------------------------------ table 2 rows */

/* Is ch[i..j) a printed number: [+-]? (d+ | d{1,3}(,ddd)+) (.d+)? ? */
#define T2_SIGNED 1				/* the column may print a sign (本年增/减) */
#define T2_DECIMAL 2			/* the column may print decimals (金额) */

static bool
t2_part_ok(const run *r, int i, int j, int flags)
{
	int			k = i;
	int			int_end;
	int			frac = -1;

	if (i >= j)
		return false;
	if (r->ch[k] == '+' || r->ch[k] == '-')
	{
		if (!(flags & T2_SIGNED))
			return false;
		k++;
	}
	for (int m = k; m < j; m++)
		if (r->ch[m] == '.')
		{
			if (frac >= 0)
				return false;
			frac = m;
		}
		else if (r->ch[m] == '+' || r->ch[m] == '-')
			return false;
	if (frac >= 0 && !(flags & T2_DECIMAL))
		return false;
	int_end = frac >= 0 ? frac : j;
	if (frac >= 0 && frac + 1 >= j)
		return false;
	if (frac >= 0)
		for (int m = frac + 1; m < j; m++)
			if (r->ch[m] == ',')
				return false;
	return part_value(r, k, int_end) >= 0;
}

typedef struct t2search
{
	const run  *r;
	int			nparts;
	const int  *flags;			/* T2_* per column */
	cand		cur;
	cand	   *out;
	int			nout;
	long		steps;
	long	   *budget;
	bool		capped;
} t2search;

/* Depth <= nparts (at most 8): bounded recursion. */
static void
t2_dfs(t2search *s, int pos, int k)
{
	if (s->capped)
		return;
	if (++s->steps > GLUED_MAX_STEPS || --*s->budget < 0)
	{
		s->capped = true;
		return;
	}
	if (k == s->nparts)
	{
		if (pos != s->r->n)
			return;
		if (s->nout >= GLUED_MAX_CANDS)
		{
			s->capped = true;
			return;
		}
		s->out[s->nout++] = s->cur;
		return;
	}
	for (int j = pos + 1; j <= s->r->n - (s->nparts - k - 1) && j <= pos + GLUED_MAX_PART; j++)
	{
		if (k == s->nparts - 1 && j != s->r->n)
			continue;
		if (!t2_part_ok(s->r, pos, j, s->flags[k]))
			continue;
		s->cur.start[k] = (uint8_t) pos;
		s->cur.end[k] = (uint8_t) j;
		s->cur.v[k] = 0;
		t2_dfs(s, j, k + 1);
	}
}

/* Splits of a table-2 run into nparts printed numbers; -1: capped. */
static int
t2_splits(const run *r, int nparts, const int *flags, cand *out, long *budget)
{
	t2search	s;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.nparts = nparts;
	s.flags = flags;
	s.out = out;
	s.budget = budget;
	if (nparts < 1 || nparts > 8 || r->n < nparts || r->n > nparts * GLUED_MAX_PART)
		return 0;
	if (*budget <= 0)
		return -1;
	t2_dfs(&s, 0, 0);
	return s.capped ? -1 : s.nout;
}

/* ------------------------------------------------------------ output */

typedef struct gstate
{
	const char *buf;
	size_t		len;
	gr_mem	   *mem;
	gr_items   *out;
	gr_notes   *notes;
} gstate;

#define GLUED_NOTE_HEAD "glued digits"

static bool
note(gstate *g, size_t off, size_t line, const char *fmt,...)
	__attribute__((format(printf, 4, 5)));

/*
 * A note for the report holding byte offset off: "glued digits: <text>",
 * or "glued digits at line <line>: <text>" when line > 0, cut to 599 bytes
 * in all.  The note keeps the text after the head; the same text as the
 * note before (every row's once the document's search budget is spent) is
 * shared, not copied: a page of repeated table blocks makes a note per row.
 */
static bool
note(gstate *g, size_t off, size_t line, const char *fmt,...)
{
	va_list		ap;
	char		msg[600];
	int			head;
	gr_notes   *ns = g->notes;
	gr_note    *n;

	head = line ? snprintf(msg, sizeof(msg), "%s at line %zu: ", GLUED_NOTE_HEAD, line)
		: snprintf(msg, sizeof(msg), "%s: ", GLUED_NOTE_HEAD);
	va_start(ap, fmt);
	vsnprintf(msg + head, sizeof(msg) - (size_t) head, fmt, ap);
	va_end(ap);
	if (!gr_grow(g->mem, (void **) &ns->v, &ns->cap, ns->n + 1, sizeof(gr_note)))
		return false;
	n = &ns->v[ns->n];
	n->off = (uint32_t) off;
	n->line = (uint32_t) line;
	if (ns->n > 0 && strcmp(ns->v[ns->n - 1].msg, msg + head) == 0)
		n->msg = ns->v[ns->n - 1].msg;
	else if (!(n->msg = gr_strdup(g->mem, msg + head)))
		return false;
	ns->head = GLUED_NOTE_HEAD;
	ns->n++;
	return true;
}

static bool
push(gstate *g, gr_item_kind k, size_t off, size_t len, uint32_t line)
{
	return gr_items_push_fast(g->mem, g->out, k, k == GR_ITEM_PROSE ? GR_LAYOUT_PROSE : GR_LAYOUT_GLUED,
						 off, len, line);
}

/*
 * Table-2 labels that start a cell of their own when cells ran together:
 * the column headers ("信息内容本年制发件数本年废止件数现行有效件数") and the
 * 2019 sub-rows under "其他对外管理服务事项".
 */
#define T2W(w) {w, sizeof(w) - 1}
static const struct
{
	const char *w;
	size_t		len;
}			t2_words[] = {
	T2W("信息内容"), T2W("本年制发件数"), T2W("本年废止件数"), T2W("现行有效件数"),
	T2W("本年处理决定数量"), T2W("本年收费金额"), T2W("本年新制作数量"),
	T2W("本年新公开数量"), T2W("对外公开总数量"), T2W("上一年项目数量"),
	T2W("本年增/减"), T2W("本年增减"), T2W("处理决定数量"), T2W("采购项目数量"),
	T2W("采购总金额"), T2W("行政检查"), T2W("行政确认")
};

/*
 * Bit (b & 63) set for the last byte b of each word's first character:
 * most characters of a label start no word and fail this one test
 * instead of a comparison with every word.  Built once per process
 * (pthread_once; read-only once built).
 */
static uint64_t t2_first_bits;
static pthread_once_t t2_first_once = PTHREAD_ONCE_INIT;

static void
t2_first_build(void)
{
	for (size_t k = 0; k < sizeof(t2_words) / sizeof(t2_words[0]); k++)
		t2_first_bits |= (uint64_t) 1 << ((unsigned char) t2_words[k].w[2] & 63);
}

/*
 * Length of the t2 word at s, 0 if none.  Called at every character of a
 * label: the first character (three bytes in every word) is compared
 * before the whole word.
 */
static size_t
t2_word_at(const char *s, size_t n)
{
	if (n < 3 || !(t2_first_bits >> ((unsigned char) s[2] & 63) & 1))
		return 0;
	for (size_t k = 0; k < sizeof(t2_words) / sizeof(t2_words[0]); k++)
	{
		const char *w = t2_words[k].w;

		if (s[0] == w[0] && s[1] == w[1] && s[2] == w[2] &&
			n >= t2_words[k].len && memcmp(s, w, t2_words[k].len) == 0)
			return t2_words[k].len;
	}
	return 0;
}

/* Label cells of buf[b..e), cut where outline numbering or a table-2
 * column/row word starts. */
static bool
push_labels(gstate *g, size_t b, size_t e, uint32_t line)
{
	size_t		s = b;
	size_t		word_end = b;	/* inside a t2 word: no cut */

	for (size_t p = b; p < e;)
	{
		size_t		w = p >= word_end ? t2_word_at(g->buf + p, e - p) : 0;

		if (w > 0)
		{
			if (p > s && !push(g, GR_ITEM_CELL, s, p - s, line))
				return false;
			s = p;
			word_end = p + w;
		}
		else if (p > s && p > b && gr_numbering_at(g->buf + p, e - p) > 0)
		{
			/* the numbering must follow an ideograph or a closing bracket */
			size_t		q = p - 1;
			uint32_t	c;

			while (q > b && ((unsigned char) g->buf[q] & 0xC0) == 0x80)
				q--;
			{
				size_t		q2 = q;

				c = gr_utf8_next(g->buf, e, &q2);
			}
			if (gr_is_han(c) || c == 0xFF09 || c == ')' || c == 0x201D)
			{
				if (!push(g, GR_ITEM_CELL, s, p - s, line))
					return false;
				s = p;
			}
		}
		p++;
		while (p < e && ((unsigned char) g->buf[p] & 0xC0) == 0x80)
			p++;
	}
	return e <= s || push(g, GR_ITEM_CELL, s, e - s, line);
}

/* Format a split as "80,1,0,0,0,0,81". */
static void
fmt_cand(const cand *c, int nparts, char *out, size_t size)
{
	size_t		o = 0;

	out[0] = '\0';
	for (int k = 0; k < nparts && o + 24 < size; k++)
		o += (size_t) snprintf(out + o, size - o, "%s%lld", k ? "," : "", (long long) c->v[k]);
}

/* Do candidates x and y print part k the same? */
static bool
same_part(const run *r, const cand *x, const cand *y, int k, bool by_text)
{
	if (!by_text)
		return x->v[k] == y->v[k];
	return x->end[k] - x->start[k] == y->end[k] - y->start[k] &&
		memcmp(r->ch + x->start[k], r->ch + y->start[k],
			   (size_t) (x->end[k] - x->start[k])) == 0;
}

/*
 * Fill the nparts value cells of one row, items [first, first+nparts)
 * (pushed as empty cells at the run), from the used candidates: agreed
 * values with their digits' span, the rest empty cells at the first
 * candidate's part (at: without one), marked undecided.
 */
static void
emit_values(gstate *g, size_t first_item, const run *r, const cand *cs,
			const bool *used, int ncand, int nparts, size_t at, int *nnull,
			bool by_text)
{
	*nnull = 0;
	for (int k = 0; k < nparts; k++)
	{
		gr_item    *it = &g->out->v[first_item + (size_t) k];
		int			first = -1;
		bool		agree = true;

		for (int c = 0; c < ncand; c++)
		{
			if (!used[c])
				continue;
			if (first < 0)
				first = c;
			else if (!same_part(r, &cs[c], &cs[first], k, by_text))
				agree = false;
		}
		if (first >= 0 && agree)
		{
			size_t		b = r->off[cs[first].start[k]];
			size_t		e = r->off[cs[first].end[k]];

			it->off = (uint32_t) b;
			it->len = (uint32_t) (e - b);
		}
		else
		{
			(*nnull)++;
			it->off = (uint32_t) (first >= 0 ? r->off[cs[first].start[k]] : at);
			it->len = 0;
			it->flags |= GR_ITEM_UNDECIDED;
		}
	}
}

/* ------------------------------------------------------------- table 3 */

/* A table-3 row while its block is solved (work space, reused). */
typedef struct t3work
{
	size_t		line;			/* 0-based */
	gline		gl;				/* its content, label and run */
	/*
	 * No copy of the run (800 bytes): resolve_row reloads it from gl, which
	 * keeps the 40 rows a page sets up (zeroed) at 3 KB instead of 35 KB.
	 */
	cand	   *c;				/* its nc splits (room for ccap) */
	int			nc;				/* -1: capped */
	int			ccap;
	bool	   *used;
} t3work;

/* A solved table-3 row: per column the digits' span, or NULL at vb. */
typedef struct t3row
{
	size_t		line;
	bool		ok[NCOL];
	size_t		vb[NCOL];
	size_t		ve[NCOL];
} t3row;

/* Decide the cells of a solved row (see emit_values). */
static void
resolve_row(const char *buf, const t3work *w, t3row *out, size_t at)
{
	run			r;
	bool		have = false;

	/*
	 * The run as add_row loaded it (same bytes, same result); a row with no
	 * split in use (none found, or the search capped) needs no offsets.
	 */
	for (int c = 0; c < w->nc && !have; c++)
		have = w->used[c];
	if (have && !load_run(buf, w->gl.rb, w->gl.e, &r))
		have = false;			/* cannot happen: it loaded for the search */
	out->line = w->line;
	for (int k = 0; k < NCOL; k++)
	{
		int			first = -1;
		bool		agree = true;

		for (int c = 0; c < w->nc; c++)
		{
			if (!w->used[c])
				continue;
			if (first < 0)
				first = c;
			else if (w->c[c].v[k] != w->c[first].v[k])
				agree = false;
		}
		if (!have)
			first = -1;
		out->ok[k] = first >= 0 && agree;
		out->vb[k] = first >= 0 ? r.off[w->c[first].start[k]] : at;
		out->ve[k] = out->ok[k] ? r.off[w->c[first].end[k]] : out->vb[k];
	}
}

/*
 * Check R1 and R2 for one choice of candidates.  R1 needs four rows' values
 * and turns down most choices: the outcome rows are read only when it holds.
 * fixed: per column, the sum of the outcome rows that have one candidate;
 * var[0..nvar): the outcome rows with more.
 */
/*
 * R1 (new + carried over = processed + carried forward) in every column,
 * for the splits v0, v1, vp, vf of the first two and the last two rows.
 */
static inline bool
r1_ok(const int64_t *v0, const int64_t *v1, const int64_t *vp,
	  const int64_t *vf)
{
	for (int col = 0; col < NCOL; col++)
		if (v0[col] + v1[col] != vp[col] + vf[col])
			return false;
	return true;
}

/*
 * The combinations of the outcome rows' splits (rows var[0..nvar), pick
 * of each in pick[]) whose sum is want in every column (R2 with the
 * processed row's split: want = processed - the single-split rows): how
 * many, and in bits[k] the splits of row var[k] that take part in one.
 * An odometer over the picks, the column sums kept as it turns (one row
 * changes per step, mostly the first).
 */
_Static_assert(GLUED_MAX_CANDS <= 64, "a row's splits are bits of a uint64_t");

static long
r2_matches(const t3work *rows, const int *var, int nvar, const int64_t *want,
		   uint64_t *bits)
{
	int			pick[T3_MAX_ROWS];
	int64_t		sum[NCOL] = {0};
	long		m = 0;

	for (int k = 0; k < nvar; k++)
	{
		pick[k] = 0;
		bits[k] = 0;
		for (int col = 0; col < NCOL; col++)
			sum[col] += rows[var[k]].c[0].v[col];
	}
	for (;;)
	{
		int			k;
		int			col;

		for (col = 0; col < NCOL && sum[col] == want[col]; col++)
			;
		if (col == NCOL)
		{
			m++;
			for (k = 0; k < nvar; k++)
				bits[k] |= (uint64_t) 1 << pick[k];
		}
		for (k = 0; k < nvar; k++)
		{
			const t3work *t = &rows[var[k]];
			const int64_t *old = t->c[pick[k]].v;
			const int64_t *nv;

			if (++pick[k] < t->nc)
			{
				nv = t->c[pick[k]].v;
				for (col = 0; col < NCOL; col++)
					sum[col] += nv[col] - old[col];
				break;
			}
			pick[k] = 0;
			nv = t->c[0].v;
			for (col = 0; col < NCOL; col++)
				sum[col] += nv[col] - old[col];
		}
		if (k == nvar)
			break;
	}
	return m;
}

static gr_status
solve_t3(gstate *g, t3work *rows, int n, bool complete, long *budget,
		 gr_error *err)
{
	long		combos = 1;
	bool		feasible = complete && n >= 5;
	long		nconsistent = 0;
	char		a[200],
				b2[200];

	for (int i = 0; i < n; i++)
	{
		if (rows[i].nc <= 0)
			feasible = false;
		else if (combos <= GLUED_MAX_COMBOS)
			combos *= rows[i].nc;
	}
	if (feasible && combos <= GLUED_MAX_COMBOS && combos * n <= *budget)
	{
		int64_t		fixed[NCOL] = {0};
		int			var[T3_MAX_ROWS];
		int			nvar = 0;

		/*
		 * The rows with one candidate add the same to R2's sum in every
		 * combination: added up once (the values are below 10^15, no sum
		 * of 40 overflows, so the order of the additions does not matter).
		 */
		for (int i = 2; i < n - 2; i++)
		{
			if (rows[i].nc > 1)
				var[nvar++] = i;
			else
				for (int col = 0; col < NCOL; col++)
					fixed[col] += rows[i].c[0].v[col];
		}
		*budget -= combos * n;

		/*
		 * A combination is consistent when R1 holds for its splits of
		 * rows 0, 1, n-2 and n-1 and R2 for its outcome rows and row
		 * n-2: the two tests share only row n-2 ("processed").  So for
		 * each split of that row, the splits of the other three rows
		 * that pass R1 and the combinations of the outcome rows that
		 * pass R2 are found apart: their product is how many
		 * combinations are consistent, and a split takes part in one if
		 * it does on its side while the other side has any.  The same
		 * count and the same splits as trying every combination (which
		 * the budget above is still charged for), without trying them
		 * all: outcome rows are not enumerated for a split of row n-2
		 * that no R1 combination has.
		 */
		for (int pp = 0; pp < rows[n - 2].nc; pp++)
		{
			const int64_t *vp = rows[n - 2].c[pp].v;
			const t3work *r0 = &rows[0],
					   *r1 = &rows[1],
					   *rf = &rows[n - 1];
			long		q = 0,
						m;
			int64_t		want[NCOL];
			uint64_t	bits[T3_MAX_ROWS];

			for (int p0 = 0; p0 < r0->nc; p0++)
				for (int p1 = 0; p1 < r1->nc; p1++)
					for (int pf = 0; pf < rf->nc; pf++)
						if (r1_ok(r0->c[p0].v, r1->c[p1].v, vp, rf->c[pf].v))
							q++;
			if (q == 0)
				continue;
			for (int col = 0; col < NCOL; col++)
				want[col] = vp[col] - fixed[col];
			m = r2_matches(rows, var, nvar, want, bits);
			if (m == 0)
				continue;
			nconsistent += q * m;
			rows[n - 2].used[pp] = true;
			for (int p0 = 0; p0 < r0->nc; p0++)
				for (int p1 = 0; p1 < r1->nc; p1++)
					for (int pf = 0; pf < rf->nc; pf++)
						if (r1_ok(r0->c[p0].v, r1->c[p1].v, vp, rf->c[pf].v))
						{
							rows[0].used[p0] = true;
							rows[1].used[p1] = true;
							rows[n - 1].used[pf] = true;
						}
			for (int k = 0; k < nvar; k++)
				for (int c = 0; c < rows[var[k]].nc; c++)
					if (bits[k] >> c & 1)
						rows[var[k]].used[c] = true;
		}
		/* the rows of one split take part in every combination */
		if (nconsistent > 0)
			for (int i = 2; i < n - 2; i++)
				if (rows[i].nc == 1)
					rows[i].used[0] = true;
	}
	if (nconsistent == 0)
	{
		/* no whole-table check possible: each row by R3 alone */
		for (int i = 0; i < n; i++)
			for (int c = 0; c < rows[i].nc; c++)
				rows[i].used[c] = true;
		if (feasible && (combos > GLUED_MAX_COMBOS || combos * n > *budget))
		{
			if (!note(g, rows[0].gl.b, 0,
					  "table 3 has too many combinations of row splits to search (cap %d per table, %ld steps per document); the column identities R1/R2 were not used, rows are split by R3 alone",
					  GLUED_MAX_COMBOS, GLUED_MAX_TOTAL))
				goto nomem;
		}
		else if (feasible)
		{
			if (!note(g, rows[0].gl.b, 0,
					  "no combination of row splits satisfies R1 and R2 in table 3; rows are split by R3 alone"))
				goto nomem;
		}
	}
	else if (nconsistent > 1)
	{
		if (!note(g, rows[0].gl.b, 0,
				  "%ld splits of table 3 satisfy R1-R3; the values they disagree on are NULL",
				  nconsistent))
			goto nomem;
	}
	/* notes per row */
	for (int i = 0; i < n; i++)
	{
		t3work	   *t = &rows[i];
		const gline *l = &t->gl;
		int			nused = 0,
					f1 = -1,
					f2 = -1;

		for (int c = 0; c < t->nc; c++)
			if (t->used[c])
			{
				nused++;
				if (f1 < 0)
					f1 = c;
				else if (f2 < 0)
					f2 = c;
			}
		if (t->nc < 0 && !note(g, l->rb, t->line + 1, "the split search stopped at its cap (%d characters, %d steps, %d splits); the row is NULL",
							   GLUED_MAX_RUN, GLUED_MAX_STEPS, GLUED_MAX_CANDS))
			goto nomem;
		if (t->nc == 0 && !note(g, l->rb, t->line + 1, "no split of \"%.*s\" into 7 numbers satisfies R3; the row is NULL",
								(int) (l->e - l->rb), g->buf + l->rb))
			goto nomem;
		if (nused > 1)
		{
			fmt_cand(&t->c[f1], NCOL, a, sizeof(a));
			fmt_cand(&t->c[f2], NCOL, b2, sizeof(b2));
			if (!note(g, l->rb, t->line + 1, "\"%.*s\" splits %d ways consistently (%s | %s%s); the values they disagree on are NULL",
					  (int) (l->e - l->rb), g->buf + l->rb, nused, a, b2,
					  nused > 2 ? " | ..." : ""))
				goto nomem;
		}
	}
	return GR_OK;
nomem:
	return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
}

/* --------------------------------------------------------------- driver */

static bool
line_has_han(const char *buf, size_t b, size_t e)
{
	for (size_t i = b; i < e;)
		if (gr_is_han(gr_utf8_next(buf, e, &i)))
			return true;
	return false;
}

/* The line starting at ls: content, label and run; *next: the next line. */
static void
read_line(const char *buf, size_t len, size_t ls, gline *l, size_t *next)
{
	const char *nl = memchr(buf + ls, '\n', len - ls);
	size_t		le = nl ? (size_t) (nl - buf) : len;

	l->b = ls;
	l->e = le;
	while (l->b < l->e && is_blank(buf[l->b]))
		l->b++;
	while (l->e > l->b && is_blank(buf[l->e - 1]))
		l->e--;
	l->rb = run_start(buf, l->b, l->e);
	l->lb = l->b;
	l->le = l->rb;
	while (l->le > l->lb && is_blank(buf[l->le - 1]))
		l->le--;
	*next = nl ? le + 1 : len;
}

/* A table-2 or table-4 row whose split waits for the end of the scan. */
typedef struct gfix
{
	size_t		item;			/* its first value cell */
	size_t		line;			/* 0-based */
	size_t		rb,
				e;				/* the run */
	int			nparts;			/* 15: table 4; else the table-2 columns */
	int			flags[8];		/* table 2: T2_* per column */
} gfix;

/*
 * The one pass over the lines.  Lines go to items in order; the lines of
 * an open table-3 block wait (pend) until the block is solved, at most 122
 * of them.  Splits of table-4 and table-2 rows run after the pass (fix),
 * in line order, so that they get what the table-3 searches left of the
 * document's budget, and their notes follow those of table 3.
 */
typedef struct gscan
{
	gstate		g;
	const gr_options *opt;
	bool		count;			/* count the items only: no search, no note */
	long		budget;
	gline	   *pend;			/* lines not yet turned into items */
	size_t		npend,
				pcap;
	size_t		pend0;			/* line index of pend[0] */
	t3work	   *work;			/* rows of the open table-3 block */
	cand	   *scratch;		/* GLUED_MAX_CANDS splits of the row searched */
	int			nw;
	bool		in_block;
	size_t		block_start;
	t3row		rows[T3_MAX_ROWS];	/* the rows of the block just solved */
	int			nrows;
	int			ri;
	bool		after_t4_header;
	int			t2_cols;		/* columns of the last table-2 header */
	int			t2_flags[8];
	gfix	   *fix;
	size_t		nfix,
				fixcap;
} gscan;

/* Push nparts empty value cells for a row split after the scan. */
static bool
defer_split(gscan *s, size_t i, const gline *l, int nparts, const int *flags)
{
	if (!s->count)
	{
		gfix	   *f;

		if (!gr_grow(s->g.mem, (void **) &s->fix, &s->fixcap, s->nfix + 1, sizeof(gfix)))
			return false;
		f = &s->fix[s->nfix++];
		f->item = s->g.out->n;
		f->line = i;
		f->rb = l->rb;
		f->e = l->e;
		f->nparts = nparts;
		memset(f->flags, 0, sizeof(f->flags));
		if (flags)
			memcpy(f->flags, flags, sizeof(f->flags));
	}
	for (int k = 0; k < nparts; k++)
		if (!push(&s->g, GR_ITEM_CELL, l->rb, 0, (uint32_t) (i + 1)))
			return false;
	return true;
}

/* The items of line i. */
static bool
emit_line(gscan *s, size_t i, const gline *l)
{
	gstate	   *g = &s->g;
	gr_items   *out = g->out;
	const char *buf = g->buf;
	uint32_t	line = (uint32_t) (i + 1);

	if (l->b >= l->e)
		return true;
	if (s->ri < s->nrows && s->rows[s->ri].line == i)
	{
		t3row	   *t = &s->rows[s->ri++];

		s->t2_cols = 0;
		if (!push_labels(g, l->lb, l->le, line))
			return false;
		for (int k = 0; k < NCOL; k++)
		{
			if (!push(g, GR_ITEM_CELL, t->vb[k], t->ok[k] ? t->ve[k] - t->vb[k] : 0, line))
				return false;
			if (!t->ok[k])
				gr_items_last(out)->flags |= GR_ITEM_UNDECIDED;
		}
		return push(g, GR_ITEM_ROW_END, l->e, 0, line);
	}
	if (l->rb >= l->e)
	{
		/* no run: prose, except the labels the readers need */
		if (l->e - l->b >= 12 && memcmp(buf + l->b, "信息内容", 12) == 0)
		{
			size_t		before = out->n;

			if (!push_labels(g, l->b, l->e, line))
				return false;
			s->t2_cols = (int) (out->n - before) - 1;
			if (s->t2_cols > 8)
				s->t2_cols = 0;
			/* the flags only steer the split search, which counting skips */
			for (int k = 0; k < s->t2_cols && !s->count; k++)
			{
				const gr_item *c = &out->v[before + 1 + (size_t) k];

				s->t2_flags[k] = 0;
				if (c->len >= 9 && memcmp(buf + c->off, "本年增", 9) == 0)
					s->t2_flags[k] |= T2_SIGNED;
				if (has(buf + c->off, c->len, "金额"))
					s->t2_flags[k] |= T2_DECIMAL;
			}
			return true;
		}
		if (l->e - l->b >= 12 && memcmp(buf + l->b, "第二十条", 12) == 0)
		{
			s->t2_cols = 0;
			return push(g, GR_ITEM_CELL, l->b, l->e - l->b, line);
		}
		if (l->e - l->b >= 12 && memcmp(buf + l->b, "行政复议", 12) == 0 &&
			l->e - l->b < 120)
		{
			s->after_t4_header = true;
			return push(g, GR_ITEM_CELL, l->b, 12, line);
		}
		return push(g, GR_ITEM_PROSE, l->b, l->e - l->b, line);
	}
	if (l->lb == l->le && s->after_t4_header)
	{
		/* table 4's data row: 15 numbers, R6-R8 */
		s->after_t4_header = false;
		return defer_split(s, i, l, 15, NULL) &&
			push(g, GR_ITEM_ROW_END, l->e, 0, line);
	}
	/* other rows: label, the run as one value */
	if (l->le > l->lb && (l->le - l->lb > 90 || has(buf + l->lb, l->le - l->lb, "。") ||
						  has(buf + l->lb, l->le - l->lb, "，")))
		return push(g, GR_ITEM_PROSE, l->b, l->e - l->b, line);
	if (l->le > l->lb && !push_labels(g, l->lb, l->le, line))
		return false;
	if (s->t2_cols >= 2 && l->le > l->lb)
	{
		/* a table-2 row of several columns: split where only one way
		 * exists, keep what all ways agree on */
		return defer_split(s, i, l, s->t2_cols, s->t2_flags) &&
			push(g, GR_ITEM_ROW_END, l->e, 0, line);
	}
	return push(g, GR_ITEM_CELL, l->rb, l->e - l->rb, line) &&
		push(g, GR_ITEM_ROW_END, l->e, 0, line);
}

/* Turn the waiting lines into items. */
static bool
flush(gscan *s)
{
	for (size_t k = 0; k < s->npend; k++)
		if (!emit_line(s, s->pend0 + k, &s->pend[k]))
			return false;
	s->pend0 += s->npend;
	s->npend = 0;
	s->nrows = 0;
	s->ri = 0;
	return true;
}

static bool
wait_line(gscan *s, const gline *l)
{
	if (!gr_grow(s->g.mem, (void **) &s->pend, &s->pcap, s->npend + 1, sizeof(gline)))
		return false;
	s->pend[s->npend++] = *l;
	return true;
}

/* Add line i to the open table-3 block and search its splits. */
static bool
add_row(gscan *s, size_t i, const gline *l)
{
	t3work	   *w = &s->work[s->nw++];

	w->line = i;
	w->gl = *l;
	w->nc = 0;
	if (s->count)
		return true;
	/*
	 * The search writes into one scratch array; a row keeps only the splits
	 * it found (mostly one), not room for GLUED_MAX_CANDS (15 KB) each.
	 */
	if (!s->scratch &&
		!(s->scratch = gr_alloc_array(s->g.mem, GLUED_MAX_CANDS, sizeof(cand))))
		return false;
	{
		run			r;

		w->nc = load_run(s->g.buf, l->rb, l->e, &r) ? splits(&r, NCOL, s->scratch, &s->budget) : -1;
	}
	if (w->nc > 0)
	{
		if (w->ccap < w->nc)
		{
			gr_free(s->g.mem, w->c);
			gr_free(s->g.mem, w->used);
			w->c = gr_alloc_array(s->g.mem, (size_t) w->nc, sizeof(cand));
			w->used = gr_alloc_array(s->g.mem, (size_t) w->nc, sizeof(bool));
			w->ccap = w->c && w->used ? w->nc : 0;
			if (!w->ccap)
				return false;
		}
		memcpy(w->c, s->scratch, (size_t) w->nc * sizeof(cand));
		memset(w->used, 0, (size_t) w->nc * sizeof(bool));
	}
	return true;
}

static bool
stopped(const gscan *s)
{
	return s->opt && s->opt->stop && s->opt->stop(s->opt->stop_ctx);
}

/*
 * Close the open table-3 block: solve it (R1/R2 only when it ended at
 * 结转下年度) and keep its rows for the items.
 */
static gr_status
close_block(gscan *s, bool complete, gr_error *err)
{
	if (!s->count)
	{
		gr_status	st = solve_t3(&s->g, s->work, s->nw, complete, &s->budget, err);

		if (st != GR_OK)
			return st;
	}
	s->nrows = 0;
	s->ri = 0;
	for (int k = 0; k < s->nw; k++)
	{
		t3row	   *t = &s->rows[s->nrows++];

		if (s->count)
		{
			/* only the line matters for counting */
			memset(t, 0, sizeof(*t));
			t->line = s->work[k].line;
			for (int c = 0; c < NCOL; c++)
				t->ok[c] = true;
		}
		else
			resolve_row(s->g.buf, &s->work[k], t, s->work[k].gl.rb);
	}
	s->nw = 0;
	s->in_block = false;
	return GR_OK;
}

/* table-3 blocks run from a 本年新收 row to the 结转下年度 row */
static gr_status
scan(gscan *s, gr_error *err)
{
	const char *buf = s->g.buf;
	size_t		len = s->g.len;
	size_t		ls = 0;

	for (size_t i = 0;; i++)
	{
		gline		cur;
		const gline *l = NULL;
		size_t		next = len;
		bool		row,
					first,
					last,
					close;

		if (ls < len)
		{
			read_line(buf, len, ls, &cur, &next);
			l = &cur;
		}
		row = l && l->rb < l->e && line_has_han(buf, l->lb, l->le);
		first = row && has(buf + l->lb, l->le - l->lb, "本年新收政府信息公开申请数量");
		last = row && s->in_block && has(buf + l->lb, l->le - l->lb, "结转下年度继续办理");
		close = s->in_block && (l == NULL || first || i - s->block_start > 120);
		if (close || last)
		{
			gr_status	st;

			if (last && s->nw < T3_MAX_ROWS && !add_row(s, i, l))
				goto nomem;
			st = close_block(s, last, err);
			if (st != GR_OK)
				return st;
			if (stopped(s))
				return gr_fail(err, GR_ERR_CANCELLED, l ? l->b : len, "canceled", NULL);
			if (last)
			{
				if (!wait_line(s, l) || !flush(s))
					goto nomem;
				ls = next;
				continue;
			}
			if (!flush(s))
				goto nomem;
		}
		if (!l)
			break;
		if (first)
		{
			s->in_block = true;
			s->block_start = i;
		}
		if (s->in_block && row && s->nw < T3_MAX_ROWS)
		{
			/* a row's split search is bounded (GLUED_MAX_STEPS), so
			 * polling once per row keeps a cancel prompt */
			if (stopped(s))
				return gr_fail(err, GR_ERR_CANCELLED, l->b, "canceled", NULL);
			if (!add_row(s, i, l))
				goto nomem;
		}
		if (!wait_line(s, l) || (!s->in_block && !flush(s)))
			goto nomem;
		ls = next;
		if (((i + 1) & 1023) == 0 && stopped(s))
			return gr_fail(err, GR_ERR_CANCELLED, ls, "canceled", NULL);
	}
	return GR_OK;

nomem:
	return gr_fail(err, GR_ERR_NOMEM, ls, "out of memory", NULL);
}

/* The splits of the table-4 and table-2 rows, in line order. */
static gr_status
fix_splits(gscan *s, gr_error *err)
{
	gstate	   *g = &s->g;
	cand	   *cbuf = NULL;
	gr_status	st = GR_OK;

	if (s->nfix == 0)
		return GR_OK;

	/*
	 * The table-3 search's scratch array (10 KB), free once the scan is
	 * over: a search writes each split it keeps whole, so what the array
	 * held before does not matter.  scan_free frees it.
	 */
	if (!s->scratch &&
		!(s->scratch = gr_alloc_array(g->mem, GLUED_MAX_CANDS, sizeof(cand))))
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	cbuf = s->scratch;
	for (size_t k = 0; k < s->nfix; k++)
	{
		const gfix *f = &s->fix[k];
		run			r;
		bool		used[GLUED_MAX_CANDS];
		int			nnull = 0;
		int			nc;

		if (f->nparts == 15)
		{
			char		a[400],
						b2[400];

			nc = load_run(g->buf, f->rb, f->e, &r) ? splits(&r, 15, cbuf, &s->budget) : -1;
			for (int c = 0; c < GLUED_MAX_CANDS; c++)
				used[c] = c < nc;
			if (nc > 0)
				emit_values(g, f->item, &r, cbuf, used, nc, 15, f->rb, &nnull, false);
			else if (!note(g, f->rb, f->line + 1, nc < 0 ?
						   "the table-4 split search stopped at its cap; table 4 is NULL" :
						   "no split of table 4's digits into 15 numbers satisfies R6-R8; table 4 is NULL"))
				goto nomem;
			if (nc > 1)
			{
				fmt_cand(&cbuf[0], 15, a, sizeof(a));
				fmt_cand(&cbuf[1], 15, b2, sizeof(b2));
				if (!note(g, f->rb, f->line + 1, "table 4 splits %d ways consistently (%s | %s%s); the values they disagree on are NULL",
						  nc, a, b2, nc > 2 ? " | ..." : ""))
					goto nomem;
			}
			continue;
		}
		nc = load_run(g->buf, f->rb, f->e, &r) ? t2_splits(&r, f->nparts, f->flags, cbuf, &s->budget) : -1;
		for (int c = 0; c < GLUED_MAX_CANDS; c++)
			used[c] = c < nc;
		if (nc > 0)
			emit_values(g, f->item, &r, cbuf, used, nc, f->nparts, f->rb, &nnull, true);
		if ((nc <= 0 || nnull > 0) &&
			!note(g, f->rb, f->line + 1, nc < 0 ? "the split search of \"%.*s\" stopped at its cap; the row is NULL" :
				  nc == 0 ? "\"%.*s\" cannot be split into the table's columns; the row is NULL" :
				  "\"%.*s\" splits several ways into the table's columns and table 2 has no identity to choose; the values they disagree on are NULL",
				  (int) (f->e - f->rb), g->buf + f->rb))
			goto nomem;
	}
	goto done;

nomem:
	st = gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
done:
	return st;
}

static bool
scan_init(gscan *s, const char *buf, size_t len, const gr_options *opt,
		  gr_mem *mem, gr_items *out, gr_notes *notes, bool count)
{
	memset(s, 0, sizeof(*s));
	s->g.buf = buf;
	s->g.len = len;
	s->g.mem = mem;
	s->g.out = out;
	s->g.notes = notes;
	s->opt = opt;
	s->count = count;
	s->budget = GLUED_MAX_TOTAL;
	s->work = gr_alloc_array(mem, T3_MAX_ROWS, sizeof(t3work));
	return s->work != NULL;
}

static void
scan_free(gscan *s)
{
	if (s->work)
		for (int i = 0; i < T3_MAX_ROWS; i++)
		{
			gr_free(s->g.mem, s->work[i].c);
			gr_free(s->g.mem, s->work[i].used);
		}
	gr_free(s->g.mem, s->work);
	gr_free(s->g.mem, s->scratch);
	gr_free(s->g.mem, s->pend);
	gr_free(s->g.mem, s->fix);
}

gr_status
gr_items_from_glued(const char *buf, size_t len, const gr_options *opt,
					gr_mem *mem, gr_items *out, gr_notes *notes, gr_error *err)
{
	gscan		s;
	gr_status	st;

	pthread_once(&t2_first_once, t2_first_build);
	if (len >= GR_ITEMS_COUNT_FROM)
	{
		/* count first (no search: cheap), then fill an array that size */
		if (!scan_init(&s, buf, len, opt, mem, out, notes, true))
			st = gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		else
		{
			out->counting = true;
			st = scan(&s, err);
		}
		scan_free(&s);
		if (!gr_items_count_end(mem, out, st == GR_OK))
			return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		if (st != GR_OK)
			return st;
	}
	if (!scan_init(&s, buf, len, opt, mem, out, notes, false))
		st = gr_fail(err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	else
	{
		st = scan(&s, err);
		if (st == GR_OK)
			st = fix_splits(&s, err);
	}
	scan_free(&s);
	return st;
}

bool
gr_sniff_glued(const char *buf, size_t len)
{
	size_t		ls = 0;
	int			glued = 0;
	bool		anchor = false;
	bool		rest_seen = false;

	while (ls < len)
	{
		const char *nl;
		size_t		le;
		size_t		e;
		size_t		rb;

		/*
		 * Decided unless a TAB or pipe line follows (below): without a
		 * TAB or '|' anywhere after, none does, and two memchr calls over
		 * the rest cost less than one per line.
		 */
		if (anchor && glued >= 3 && !rest_seen)
		{
			if (!gr_rest_may_hold_cells(buf + ls, len - ls))
				return true;
			rest_seen = true;
		}
		nl = memchr(buf + ls, '\n', len - ls);
		le = nl ? (size_t) (nl - buf) : len;
		e = le;

		if (le > ls && buf[ls] == '\t')
			return false;
		while (e > ls && is_blank(buf[e - 1]))
			e--;
		if (e > ls && buf[e - 1] == '|')
			return false;
		if (anchor && glued >= 3)
		{
			/* decided unless a TAB or pipe line follows: only test those */
			ls = nl ? le + 1 : len;
			continue;
		}
		rb = run_start(buf, ls, e);
		if (e - rb >= 7 && rb > ls && ((unsigned char) buf[rb - 1] & 0x80))
		{
			/* the run follows an ideograph or full-width punctuation */
			glued++;
			if (has(buf + ls, rb - ls, "本年新收政府信息公开申请数量"))
				anchor = true;
		}
		ls = nl ? le + 1 : len;
	}
	return anchor && glued >= 3;
}
