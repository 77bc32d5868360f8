/*
 * gr_aligned.c - item producer for `pdftotext -layout` text (layout
 * 'aligned', domain.md 3.5).
 *
 * Lines are classified once:
 *   SKIP   page footers/headers ("— 5 —", "- 5 -", "第5页", a lone page
 *          number, the first line of a page repeating an earlier line)
 *   NUM    a trailing run of numeric tokens ("1,102", "３", "-5", "2.77%",
 *          "251000元", fillers "—" "/"), separated from the text before it
 *          by two or more spaces; the text before it is split into label
 *          fragments at runs of two or more spaces
 *   LABEL  text without such a run, split into fragments the same way
 *   PROSE  text far from any NUM line (or looking like running text)
 * Then, between two NUM lines, label fragments in the column of a row label
 * are attached to the row above (continuations: not numbered, nothing to
 * their right) or to the row below (the lines from the last numbered
 * fragment down); the rest (group labels printed once, headers) become one
 * cell each.  Every row gives: label cell, value cells, ROW_END.  The label
 * cell spans its first to its last fragment; the comparison text hides what
 * lies between them (numbers, group labels, footers) with skip markers.
 * All linear in the input; no recursion.
 */
#include "gr_layouts.h"
#include "gr_labels.h"
#include "gr_text.h"
#include "gr_util.h"

#include <string.h>

#define ABOVE_ZONE 8			/* label lines read above a table's first row */
#define GAP_MAX 14				/* more lines between two rows: two tables */
#define COL_TOL 2				/* column tolerance of a continuation fragment */
#define BELOW_MAX 4				/* continuation lines below a number line */
#define REPEAT_SCAN 200			/* lines a page header is compared with */

enum
{
	L_BLANK, L_SKIP, L_NUM, L_LABEL, L_PROSE
};

/*
 * Lines, fragments and rows of the whole document are alive at once, next
 * to the items and the comparison text: 32-bit fields (the input is below
 * GR_PARSE_MAX) keep them at a fraction of the input on table-dense pages.
 */
typedef struct afrag
{
	uint32_t	b,
				e;				/* bytes */
	uint32_t	col;			/* character column of b (pdftotext: CJK = 1) */
	uint32_t	dcol;			/* display column of b (CJK = 2) */
	int32_t		owner;			/* row index, -1: a cell of its own */
	bool		numbered;		/* starts with outline numbering */
} afrag;

typedef struct aline
{
	uint32_t	b,
				e;				/* content without \r\n */
	uint32_t	frag0;			/* fragments [frag0, frag0+nfrag) */
	uint32_t	nfrag;
	uint32_t	tok0;			/* NUM lines: byte offset of the first value
								 * token (tokens: runs of non-spaces) */
	uint32_t	ntok;			/* how many */
	int32_t		row;			/* NUM line: its row */
	uint8_t		kind;
	bool		table;			/* LABEL line inside a table zone */
} aline;

typedef struct arow
{
	uint32_t	line;			/* the NUM line */
	int32_t		label;			/* fragment on the NUM line, -1: none */
	uint32_t	first,
				last;			/* lines holding its own fragments */
	bool		emitted;
} arow;

/* ------------------------------------------------------------- scanning */

static bool
is_sp(char c)
{
	return c == ' ' || c == '\f' || c == '\t' || c == '\v';
}

/*
 * Could one of the eight bytes at p be is_sp?  Every is_sp byte is below
 * 0x21: false means none is.  Lets the scans over long runs of text (CJK
 * labels hold no space) go eight bytes at a time.
 */
static inline bool
may_hold_sp(const char *p)
{
	uint64_t	w;

	memcpy(&w, p, 8);
	return ((w - 0x2121212121212121u) & ~w & 0x8080808080808080u) != 0;
}

/*
 * pdftotext pads its columns with runs of spaces, often dozens long: the
 * scans over them go eight bytes at a time, as far as the first byte that
 * is not ' ' (the other is_sp bytes, rare, are then taken one at a time).
 */
#define SPACES8 0x2020202020202020u

/* First byte at or after i (before e) that is not is_sp, or e. */
static inline size_t
skip_sp(const char *s, size_t i, size_t e)
{
	while (i + 8 <= e)
	{
		uint64_t	x = gr_load_le64(s + i) ^ SPACES8;

		if (x != 0)
		{
			i += (size_t) __builtin_ctzll(x) / 8;
			break;
		}
		i += 8;
	}
	while (i < e && is_sp(s[i]))
		i++;
	return i;
}

/* End of s[b..e) without its trailing is_sp bytes. */
static inline size_t
skip_sp_back(const char *s, size_t b, size_t e)
{
	while (e >= b + 8)
	{
		uint64_t	x = gr_load_le64(s + e - 8) ^ SPACES8;

		if (x != 0)
		{
			e -= (size_t) __builtin_clzll(x) / 8;
			break;
		}
		e -= 8;
	}
	while (e > b && is_sp(s[e - 1]))
		e--;
	return e;
}

/* Characters of a numeric token: digits, signs, separators (ASCII and
 * full-width), "%". */
static size_t
num_char(const char *s, size_t n, bool *digit)
{
	unsigned char c = (unsigned char) s[0];

	*digit = false;
	if (c >= '0' && c <= '9')
	{
		*digit = true;
		return 1;
	}
	if (c == ',' || c == '.' || c == '+' || c == '-' || c == '%')
		return 1;
	if (n >= 3 && c == 0xEF && (unsigned char) s[1] == 0xBC)
	{
		unsigned char d = (unsigned char) s[2];

		if (d >= 0x90 && d <= 0x99)
		{
			*digit = true;
			return 3;
		}
		if (d == 0x8B || d == 0x8C || d == 0x8D || d == 0x8E || d == 0x85)
			return 3;			/* ＋ ， － ． ％ */
	}
	if (n >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0)
		return 3;				/* − */
	return 0;
}

static const char *const units[] = {"万元", "元", "件", "条", "个", "人次", "次", "项", "篇", NULL};

/*
 * Can a numeric token (below) end with byte x?  The last bytes of what can
 * end one: num_char's characters (0-9 , . + - %, the full-width ones
 * EF BC 85/8B-8E/90-99, − E2 88 92), the fillers (- / — ／ － –) and the
 * units (元 件 条 个 次 项 篇).  Most lines of text end in a byte no token
 * can end in ("。" E3 80 82): then no token needs to be found first.
 * Written out by hand: gr_aligned_check_ends() (a unit test) checks it
 * against numeric_token for every character, so a new unit or numeric
 * character that it misses fails the tests instead of being turned down.
 */
static inline bool
may_end_numeric(unsigned char x)
{
	static const uint64_t ends[4] = {
		0x03FFF82000000000u,	/* % + , - . / 0-9 */
		0,
		0x0240040203FFF8A8u,	/* 83 85 87 8B-99 A1 AA B6 B9 */
		0
	};

	return ends[x >> 6] >> (x & 63) & 1;
}

/* numeric_token without its first test (gr_aligned_check_ends needs it) */
static bool
numeric_token_whole(const char *s, size_t n)
{
	size_t		i = 0;
	bool		any_digit = false;

	/* fillers */
	{
		bool		fill = true;

		for (size_t k = 0; k < n && fill;)
		{
			if (s[k] == '-' || s[k] == '/')
				k++;
			else if (n - k >= 3 && (memcmp(s + k, "—", 3) == 0 || memcmp(s + k, "／", 3) == 0 ||
									memcmp(s + k, "－", 3) == 0 || memcmp(s + k, "–", 3) == 0))
				k += 3;
			else
				fill = false;
		}
		if (fill)
			return true;
	}
	while (i < n)
	{
		bool		d;
		size_t		l = num_char(s + i, n - i, &d);

		if (l == 0)
			break;
		any_digit |= d;
		i += l;
	}
	if (!any_digit)
		return false;
	if (i == n)
		return true;
	for (int u = 0; units[u]; u++)
		if (n - i == strlen(units[u]) && memcmp(s + i, units[u], n - i) == 0)
			return true;
	return false;
}

/* Is s[0..n) a numeric token (or a filler "—" "/" "----")? */
static bool
numeric_token(const char *s, size_t n)
{
	if (n == 0 || !may_end_numeric((unsigned char) s[n - 1]))
		return false;
	return numeric_token_whole(s, n);
}

uint32_t
gr_aligned_check_ends(void)
{
	char		tok[16];

	/* every character of the BMP alone, after a digit and after a filler */
	for (uint32_t c = 1; c < 0x10000; c++)
	{
		char		ch[3];
		size_t		n;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if (c < 0x80)
		{
			ch[0] = (char) c;
			n = 1;
		}
		else if (c < 0x800)
		{
			ch[0] = (char) (0xC0 | c >> 6);
			ch[1] = (char) (0x80 | (c & 0x3F));
			n = 2;
		}
		else
		{
			ch[0] = (char) (0xE0 | c >> 12);
			ch[1] = (char) (0x80 | (c >> 6 & 0x3F));
			ch[2] = (char) (0x80 | (c & 0x3F));
			n = 3;
		}
		for (int pre = 0; pre < 3; pre++)
		{
			size_t		p = pre == 0 ? 0 : 1;

			tok[0] = pre == 1 ? '1' : '-';
			memcpy(tok + p, ch, n);
			if (numeric_token_whole(tok, p + n) &&
				!may_end_numeric((unsigned char) ch[n - 1]))
				return c;
		}
	}
	/* every unit after a digit (a unit of two characters ends in its own) */
	for (int u = 0; units[u]; u++)
	{
		size_t		n = strlen(units[u]);

		tok[0] = '1';
		memcpy(tok + 1, units[u], n);
		if (!may_end_numeric((unsigned char) tok[n]))
			return 0xFFFFFFFF;
	}
	return 0;
}

/* How many of the eight bytes of m have their high bit set (no other bit
 * may be). */
static inline uint32_t
bytes_set(uint64_t m)
{
	return (uint32_t) (((m >> 7) * 0x0101010101010101u) >> 56);
}

/*
 * Advance the character column *col and the display column *dcol over
 * buf[b..p): a character counts at its first byte (not a UTF-8
 * continuation byte), '\f' not at all; in the display column East Asian
 * wide characters (U+1100 and up, as 3/4-byte UTF-8 from E1 84 on) count 2.
 * Eight bytes at a time: a column counts every byte but the continuation
 * bytes (10xxxxxx) and '\f', the display column also the lead bytes E1-FF
 * once more.
 */
static void
columns(const char *buf, size_t b, size_t p, uint32_t *col, uint32_t *dcol)
{
	const uint64_t hi = 0x8080808080808080u;
	const uint64_t lo7 = 0x7F7F7F7F7F7F7F7Fu;
	uint32_t	c = 0,
				d = 0;
	size_t		i = b;

	for (; i + 8 <= p; i += 8)
	{
		uint64_t	w = gr_load_le64(buf + i);
		uint64_t	cont = w & ~(w << 1) & hi;
		uint64_t	ff = gr_bytes_eq_exact(w, '\f');
		uint64_t	wide;
		uint32_t	n;

		/* high bit of the bytes from E1 on: 61-7F plus 1F carry into bit 7 */
		wide = w & ((w & lo7) + 0x1F1F1F1F1F1F1F1Fu) & hi;
		n = 8 - bytes_set(cont | ff);
		c += n;
		d += n + bytes_set(wide);
	}
	for (; i < p; i++)
	{
		unsigned char u = (unsigned char) buf[i];

		if ((u & 0xC0) == 0x80 || u == '\f')
			continue;
		c++;
		d += (u >= 0xE1) ? 2 : 1;
	}
	*col += c;
	*dcol += d;
}

/* "— 5 —", "- 5 -", "-5-", "第 5 页", "5", "5 / 12", "第5页 共12页" */
static bool
footer(const char *s, size_t n)
{
	size_t		i = 0;
	size_t		digits = 0,
				other = 0;
	int			groups = 0;
	bool		page = false;
	bool		slash = false;
	bool		in_num = false;

	while (i < n)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= '0' && c <= '9')
		{
			digits++;
			if (!in_num)
				groups++;
			in_num = true;
			i++;
			continue;
		}
		in_num = false;
		if (c == '/')
		{
			slash = true;
			i++;
		}
		else if (c == ' ' || c == '-' || c == '\f')
			i++;
		else if (n - i >= 3 && (memcmp(s + i, "—", 3) == 0 || memcmp(s + i, "–", 3) == 0 ||
								memcmp(s + i, "－", 3) == 0 || memcmp(s + i, "　", 3) == 0))
			i += 3;
		else if (n - i >= 3 && (memcmp(s + i, "第", 3) == 0 || memcmp(s + i, "页", 3) == 0 ||
								memcmp(s + i, "共", 3) == 0))
		{
			page = true;
			i += 3;
		}
		else
		{
			other++;
			break;
		}
	}
	/* one page number, or "5 / 12", "第5页 共12页": never "0 0 2" */
	return other == 0 && digits > 0 && digits <= 8 &&
		(groups == 1 || (groups == 2 && (slash || page)));
}

typedef struct astate
{
	const char *buf;
	size_t		len;
	gr_mem	   *mem;
	aline	   *lines;
	size_t		nlines,
				lcap;
	afrag	   *frags;
	size_t		nfrags,
				fcap;
	arow	   *rows;
	size_t		nrows,
				rcap;
} astate;

/* Split buf[b..e) into fragments at runs of >= 2 spaces. */
static bool
add_frags(astate *a, size_t lb, size_t b, size_t e)
{
	const char *buf = a->buf;
	size_t		i = b;
	size_t		cpos = lb;		/* columns counted up to here: linear */
	uint32_t	col = 0;
	uint32_t	dcol = 0;

	while (i < e)
	{
		size_t		fb,
					fe;

		i = skip_sp(buf, i, e);
		if (i >= e)
			break;
		fb = i;
		/* the fragment ends at a space followed by another or by e */
		for (;;)
		{
			/* to the first byte below 0x21 (the lowest flagged is exact) */
			while (i + 8 <= e)
			{
				uint64_t	w = gr_load_le64(buf + i);
				uint64_t	m = (w - 0x2121212121212121u) & ~w & 0x8080808080808080u;

				if (m != 0)
				{
					i += (size_t) __builtin_ctzll(m) / 8;
					break;
				}
				i += 8;
			}
			while (i < e && !is_sp(buf[i]))
				i++;
			if (i + 1 >= e || is_sp(buf[i + 1]))
				break;
			i++;				/* a single space inside the fragment */
		}
		fe = i;
		columns(buf, cpos, fb, &col, &dcol);
		cpos = fb;
		if (a->nfrags >= a->fcap &&
			!gr_grow(a->mem, (void **) &a->frags, &a->fcap, a->nfrags + 1, sizeof(afrag)))
			return false;
		a->frags[a->nfrags].b = fb;
		a->frags[a->nfrags].e = fe;
		a->frags[a->nfrags].col = col;
		a->frags[a->nfrags].dcol = dcol;
		a->frags[a->nfrags].numbered = gr_numbering_at(a->buf + fb, fe - fb) > 0;
		a->frags[a->nfrags].owner = -1;
		a->nfrags++;
	}
	return true;
}

/*
 * Start of the token ending at te (a run of non-spaces after b).  The last
 * token of a label line is all its text: eight bytes at a time while none
 * can be a space, then byte by byte.
 */
static size_t
token_start(const char *s, size_t b, size_t te)
{
	size_t		tb = te;

	while (tb >= b + 8 && !may_hold_sp(s + tb - 8))
		tb -= 8;
	while (tb > b && !is_sp(s[tb - 1]))
		tb--;
	return tb;
}

/* End of the value token starting at i (a run of non-spaces before e). */
static size_t
next_token(const char *s, size_t i, size_t e)
{
	while (i < e && !is_sp(s[i]))
		i++;
	return i;
}

/*
 * Classify one line.  The trailing run of numeric tokens is found from the
 * right: tokens are separated by spaces; the run must be separated from the
 * text before it by two or more spaces (or start the line).
 */
static bool
classify(astate *a, aline *l)
{
	const char *s = a->buf;
	size_t		b = l->b,
				e = l->e;
	size_t		tb,
				te;
	size_t		run_b;
	size_t		ntok = 0;

	b = skip_sp(s, b, e);
	e = skip_sp_back(s, b, e);
	l->frag0 = a->nfrags;
	l->tok0 = 0;
	l->ntok = 0;
	if (b == e)
	{
		l->kind = L_BLANK;
		return true;
	}
	if (footer(s + b, e - b))
	{
		l->kind = L_SKIP;
		return true;
	}
	/* tokens from the right */
	te = e;
	run_b = e;
	for (;;)
	{
		/* the token's last byte first: most lines end in prose */
		if (te > b && !may_end_numeric((unsigned char) s[te - 1]))
			break;
		tb = token_start(s, b, te);
		if (!numeric_token(s + tb, te - tb))
			break;
		ntok++;
		run_b = tb;
		if (tb == b)
			break;
		te = skip_sp_back(s, b, tb);
	}
	if (ntok > 0 && run_b > b)
	{
		/* the text before the run must end two or more spaces before it */
		if (!(run_b >= b + 2 && is_sp(s[run_b - 1]) && is_sp(s[run_b - 2])))
		{
			/* a single space: the first token belongs to the text */
			ntok = 0;
		}
	}
	if (ntok == 0)
	{
		l->kind = L_LABEL;
		if (!add_frags(a, l->b, b, e))
			return false;
		l->nfrag = a->nfrags - l->frag0;
		return true;
	}
	/* the tokens, counted above from the right; emit_row finds them again
	 * from tok0 */
	l->tok0 = (uint32_t) run_b;
	l->ntok = (uint32_t) ntok;
	l->kind = L_NUM;
	if (!add_frags(a, l->b, b, run_b))
		return false;
	l->nfrag = a->nfrags - l->frag0;
	return true;
}

/* Is the trimmed text of line i equal to that of an earlier line? */
static bool
repeats_earlier(astate *a, size_t i)
{
	const aline *l = &a->lines[i];
	size_t		b = skip_sp(a->buf, l->b, l->e),
				e = skip_sp_back(a->buf, b, l->e);

	if (e - b < 12)
		return false;
	/* the title repeated in page headers: compare with the document's
	 * first lines only (bounded work per page) */
	for (size_t k = 0; k < i && k < REPEAT_SCAN; k++)
	{
		const aline *m = &a->lines[k];
		size_t		mb = skip_sp(a->buf, m->b, m->e),
					me = skip_sp_back(a->buf, mb, m->e);

		if (me - mb == e - b && memcmp(a->buf + mb, a->buf + b, e - b) == 0)
			return true;
	}
	return false;
}

static bool
has(const char *s, size_t n, const char *needle)
{
	return gr_find(s, n, needle) != NULL;
}

/* ---------------------------------------------------------- attachment */

/*
 * Does label line li offer a fragment in the column of label fragment lab
 * with nothing to its right?  Returns the fragment index or -1.
 */
static bool
near(uint32_t a, uint32_t b)
{
	return a + COL_TOL >= b && a <= b + COL_TOL;
}

static long
column_frag(astate *a, size_t li, const afrag *lab)
{
	const aline *l = &a->lines[li];
	const afrag *f;

	if (l->kind != L_LABEL || l->nfrag == 0)
		return -1;
	f = &a->frags[l->frag0 + l->nfrag - 1];
	if (f->owner >= 0)
		return -1;
	/* the same column counted either way pdftotext may have padded */
	if (!near(f->col, lab->col) && !near(f->dcol, lab->dcol))
		return -1;
	return (long) (l->frag0 + l->nfrag - 1);
}

/* A fragment that starts a heading of its own ("第二十条第（五）项"). */
static bool
new_heading(astate *a, long f)
{
	const char *s = a->buf + a->frags[f].b;
	size_t		n = a->frags[f].e - a->frags[f].b;

	return n >= 12 && memcmp(s, "第二十条", 12) == 0;
}

/* Attach the label lines between row r1 (or none) and row r2 (or none). */
static void
attach_gap(astate *a, long r1, long r2, size_t from, size_t to)
{
	size_t		split = to;		/* lines [split, to) go to r2 */
	size_t		i;

	/* lines above r2: up from r2 to the fragment its label starts with */
	if (r2 >= 0 && a->rows[r2].label >= 0 && !a->frags[a->rows[r2].label].numbered)
	{
		const afrag *lab = &a->frags[a->rows[r2].label];
		size_t		k = to;
		bool		found = false;

		while (k > from)
		{
			long		f;

			if (a->lines[k - 1].kind == L_SKIP || a->lines[k - 1].kind == L_BLANK)
			{
				k--;
				continue;
			}
			f = column_frag(a, k - 1, lab);
			if (f < 0)
				break;
			k--;
			if (a->frags[f].numbered)
			{
				found = true;
				break;
			}
		}
		if (found)
		{
			split = k;
			for (i = k; i < to; i++)
			{
				long		f = column_frag(a, i, lab);

				if (f >= 0)
				{
					a->frags[f].owner = r2;
					if (i < a->rows[r2].first)
						a->rows[r2].first = i;
				}
			}
		}
	}
	/* lines below r1: continuations (not numbered) */
	if (r1 >= 0 && a->rows[r1].label >= 0)
	{
		const afrag *lab = &a->frags[a->rows[r1].label];
		int			taken = 0;

		for (i = from; i < split; i++)
		{
			long		f;

			if (a->lines[i].kind == L_SKIP || a->lines[i].kind == L_BLANK)
				continue;
			f = column_frag(a, i, lab);
			if (f < 0 || a->frags[f].numbered || new_heading(a, f) || ++taken > BELOW_MAX)
				break;
			a->frags[f].owner = r1;
			a->rows[r1].last = i;
		}
	}
}

/* ---------------------------------------------------------- emission */

static uint32_t
line_no(size_t li)
{
	return (uint32_t) (li + 1);
}

/* The items of row r; in count mode (out->counting) the shadow is left
 * alone. */
static bool
emit_row(astate *a, gr_items *out, char *shadow, long r)
{
	arow	   *row = &a->rows[r];
	aline	   *nl = &a->lines[row->line];
	size_t		lb = 0,
				le = 0;
	bool		have = false;
	size_t		prev_e = 0;

	row->emitted = true;
	/* own fragments in byte order; mark what lies between them */
	for (size_t li = row->first; li <= row->last; li++)
	{
		aline	   *l = &a->lines[li];

		for (size_t k = l->frag0; k < l->frag0 + l->nfrag; k++)
		{
			afrag	   *f = &a->frags[k];

			if (f->owner != r)
				continue;
			if (!have)
			{
				lb = f->b;
				have = true;
			}
			else
			{
				bool		foreign = false;

				for (size_t p = prev_e; p < f->b && !foreign; p++)
					if (!is_sp(a->buf[p]) && a->buf[p] != '\n' && a->buf[p] != '\r')
						foreign = true;
				if (foreign && f->b - prev_e >= 2 && !out->counting)
				{
					shadow[prev_e] = GR_SKIP_BEGIN;
					shadow[f->b - 1] = GR_SKIP_END;
				}
			}
			prev_e = f->e;
			le = f->e;
		}
	}
	if (have && !gr_items_push_fast(a->mem, out, GR_ITEM_CELL, GR_LAYOUT_ALIGNED,
							   lb, le - lb, line_no(row->first)))
		return false;
	if (nl->ntok > 0)
	{
		size_t		e = skip_sp_back(a->buf, nl->tok0, nl->e);

		for (size_t i = nl->tok0, t = 0; t < nl->ntok; t++)
		{
			size_t		j = next_token(a->buf, i, e);

			if (!gr_items_push_fast(a->mem, out, GR_ITEM_CELL, GR_LAYOUT_ALIGNED,
							   i, j - i, line_no(row->line)))
				return false;
			i = skip_sp(a->buf, j, e);
		}
	}
	return gr_items_push_fast(a->mem, out, GR_ITEM_ROW_END, GR_LAYOUT_ALIGNED,
						 nl->e, 0, line_no(row->line));
}

/* Items in document order (all of them counted only, in count mode). */
static bool
emit_items(astate *a, gr_items *out, char *shadow, size_t max_tok)
{
	const char *buf = a->buf;

	for (size_t i = 0; i < a->nlines; i++)
	{
		aline	   *l = &a->lines[i];

		if (l->kind == L_BLANK || l->kind == L_SKIP)
			continue;
		if (l->kind == L_LABEL && !l->table)
		{
			size_t		b = skip_sp(buf, l->b, l->e),
						e = skip_sp_back(buf, b, l->e);

			if (!gr_items_push_fast(a->mem, out, GR_ITEM_PROSE, GR_LAYOUT_PROSE, b, e - b,
							   line_no(i)))
				return false;
			continue;
		}
		for (size_t k = l->frag0; k < l->frag0 + l->nfrag; k++)
		{
			afrag	   *f = &a->frags[k];

			if (f->owner < 0)
			{
				/*
				 * The header of table 3 wraps "商业企业" into "商业"/"企业";
				 * "法人或其他组织" alone would then read as the local
				 * 3-column variant although the rows carry 7 numbers.
				 */
				if (max_tok >= 7 && has(buf + f->b, f->e - f->b, "法人或其他组织"))
					continue;
				if (!gr_items_push_fast(a->mem, out, GR_ITEM_CELL, GR_LAYOUT_ALIGNED,
								   f->b, f->e - f->b, line_no(i)))
					return false;
			}
			else if (!a->rows[f->owner].emitted &&
					 !emit_row(a, out, shadow, f->owner))
				return false;
		}
		/* a row without label text (table 4 data rows) */
		if (l->kind == L_NUM && l->row >= 0 && !a->rows[l->row].emitted &&
			!emit_row(a, out, shadow, l->row))
			return false;
	}
	return true;
}

gr_status
gr_items_from_aligned(const char *buf, size_t len, const gr_options *opt,
					  gr_mem *mem, gr_items *out, char *shadow, gr_error *err)
{
	astate		a;
	size_t		ls = 0;
	gr_status	st = GR_OK;
	long		prev = -1;
	size_t		prev_line = 0;
	bool		page_start = false;
	size_t		max_tok = 0;	/* most numbers of a row (table 4 aside) */
	size_t		nnum = 0;		/* NUM lines */
	const char *ff;				/* the next '\f' from the line on, or NULL */
	bool		ok;

	memset(&a, 0, sizeof(a));
	a.buf = buf;
	a.len = len;
	a.mem = mem;

	/* lines: one array of their exact number */
	for (const char *p = buf, *end = buf + len; p < end; a.lcap++)
	{
		const char *nl = memchr(p, '\n', (size_t) (end - p));

		p = nl ? nl + 1 : end;
	}
	if (a.lcap && !(a.lines = gr_alloc_array(mem, a.lcap, sizeof(aline))))
		goto nomem;
	/* page breaks are few: one search per page, not one per line */
	ff = memchr(buf, '\f', len);
	while (ls < len)
	{
		const char *nl = memchr(buf + ls, '\n', len - ls);
		size_t		le = nl ? (size_t) (nl - buf) : len;
		aline	   *l;

		l = &a.lines[a.nlines];
		memset(l, 0, sizeof(*l));
		l->b = ls;
		l->e = (le > ls && buf[le - 1] == '\r') ? le - 1 : le;
		if (!classify(&a, l))
			goto nomem;
		/* the first line of a page repeating an earlier line: header */
		if (ff && ff < buf + le)
		{
			page_start = true;
			ff = memchr(buf + le, '\f', len - le);
		}
		if (page_start && l->kind != L_BLANK && l->kind != L_SKIP)
		{
			page_start = false;
			if (l->kind == L_LABEL && repeats_earlier(&a, a.nlines))
			{
				l->kind = L_SKIP;
				a.nfrags = l->frag0;
				l->nfrag = 0;
			}
		}
		if (l->kind == L_NUM)
			nnum++;
		a.nlines++;
		ls = nl ? le + 1 : len;
		if ((a.nlines & 1023) == 0 && opt && opt->stop && opt->stop(opt->stop_ctx))
		{
			st = gr_fail(err, GR_ERR_CANCELLED, ls, "canceled", NULL);
			goto done;
		}
	}

	/* fragments: no spare capacity while the items are made */
	if (!gr_shrink(mem, (void **) &a.frags, &a.fcap, a.nfrags, sizeof(afrag)))
		goto nomem;

	/* rows */
	if (nnum && !(a.rows = gr_alloc_array(mem, nnum, sizeof(arow))))
		goto nomem;
	a.rcap = nnum;
	for (size_t i = 0; i < a.nlines; i++)
	{
		aline	   *l = &a.lines[i];
		arow	   *r;

		if (l->kind != L_NUM)
			continue;
		r = &a.rows[a.nrows];
		memset(r, 0, sizeof(*r));
		r->line = i;
		l->row = (long) a.nrows;
		r->first = r->last = i;
		r->label = -1;
		if (l->nfrag > 0)
		{
			r->label = (long) (l->frag0 + l->nfrag - 1);
			a.frags[r->label].owner = (long) a.nrows;
		}
		a.nrows++;
	}
	/* a number line without text: its label is the fragment just above or
	 * below (the numbers sat between the label's lines) */
	for (size_t r = 0; r < a.nrows; r++)
	{
		arow	   *row = &a.rows[r];
		long		up = -1,
					dn = -1,
					pick;
		size_t		lu = 0,
					ld = 0;

		if (row->label >= 0 || a.lines[row->line].ntok >= 10)
			continue;
		for (size_t k = row->line; k > 0; k--)
		{
			aline	   *l = &a.lines[k - 1];

			if (l->kind == L_SKIP)
				continue;
			if (l->kind == L_LABEL && l->nfrag > 0 &&
				a.frags[l->frag0 + l->nfrag - 1].owner < 0)
			{
				up = (long) (l->frag0 + l->nfrag - 1);
				lu = k - 1;
			}
			break;
		}
		for (size_t k = row->line + 1; k < a.nlines; k++)
		{
			aline	   *l = &a.lines[k];

			if (l->kind == L_SKIP)
				continue;
			if (l->kind == L_LABEL && l->nfrag > 0 &&
				a.frags[l->frag0 + l->nfrag - 1].owner < 0)
			{
				dn = (long) (l->frag0 + l->nfrag - 1);
				ld = k;
			}
			break;
		}
		/* the label starts with its numbering: prefer the numbered one */
		if (up >= 0 && a.frags[up].numbered)
			pick = up;
		else if (dn >= 0 && a.frags[dn].numbered)
			pick = dn;
		else
			pick = up >= 0 ? up : dn;
		if (pick < 0)
			continue;
		row->label = pick;
		a.frags[pick].owner = (long) r;
		if (pick == up)
			row->first = lu;
		else
			row->last = ld;
		a.lines[pick == up ? lu : ld].table = true;
	}

	/* table zones and attachment, gap by gap */
	for (size_t r = 0; r <= a.nrows; r++)
	{
		size_t		to = r < a.nrows ? a.rows[r].line : a.nlines;
		size_t		from = prev >= 0 ? prev_line + 1 : 0;
		size_t		nonblank = 0;
		bool		same_table;

		for (size_t i = from; i < to; i++)
			if (a.lines[i].kind == L_LABEL)
				nonblank++;
		same_table = prev >= 0 && r < a.nrows && nonblank <= GAP_MAX;
		if (same_table)
		{
			for (size_t i = from; i < to; i++)
				if (a.lines[i].kind == L_LABEL)
					a.lines[i].table = true;
			attach_gap(&a, prev, (long) r, from, to);
		}
		else
		{
			/* end of a table: continuations of its last row */
			if (prev >= 0)
			{
				size_t		lim = from;

				for (size_t k = 0; lim < to && k < 3; lim++)
					if (a.lines[lim].kind == L_LABEL)
						k++;
				attach_gap(&a, prev, -1, from, lim);
				for (size_t i = from; i < lim; i++)
					for (size_t k = 0; a.lines[i].kind == L_LABEL && k < a.lines[i].nfrag; k++)
						if (a.frags[a.lines[i].frag0 + k].owner >= 0)
							a.lines[i].table = true;
			}
			/* start of a table: header lines above its first row */
			if (r < a.nrows)
			{
				size_t		k = to;
				size_t		n = 0;

				while (k > from && n < ABOVE_ZONE)
				{
					aline	   *l = &a.lines[k - 1];

					if (l->kind == L_BLANK)
						break;
					if (l->kind == L_LABEL)
					{
						const afrag *f0 = &a.frags[l->frag0];
						size_t		flen = a.frags[l->frag0 + l->nfrag - 1].e - f0->b;
						const char *last = buf + a.frags[l->frag0 + l->nfrag - 1].e - 3;
						bool		sentence = flen >= 3 &&
							(memcmp(last, "。", 3) == 0 || memcmp(last, "；", 3) == 0 ||
							 memcmp(last, "：", 3) == 0);

						/* titles and sentences are prose, not headers */
						if (sentence || has(buf + f0->b, flen, "年度报告") ||
							!(l->nfrag >= 2 || f0->col >= 2 || flen <= 72))
							break;
						l->table = true;
						n++;
					}
					k--;
				}
				attach_gap(&a, -1, (long) r, k, to);
			}
		}
		if (r < a.nrows)
		{
			prev = (long) r;
			prev_line = a.rows[r].line;
		}
	}

	for (size_t r = 0; r < a.nrows; r++)
		if (a.lines[a.rows[r].line].ntok > max_tok && a.lines[a.rows[r].line].ntok < 10)
			max_tok = a.lines[a.rows[r].line].ntok;

	/* items in document order; counted first on large input, so that the
	 * array is allocated once, at its size */
	if (len >= GR_ITEMS_COUNT_FROM)
	{
		out->counting = true;
		ok = emit_items(&a, out, shadow, max_tok);
		if (!gr_items_count_end(mem, out, ok) || !ok)
			goto nomem;
		for (size_t r = 0; r < a.nrows; r++)
			a.rows[r].emitted = false;
	}
	if (!emit_items(&a, out, shadow, max_tok))
		goto nomem;
	goto done;

nomem:
	st = gr_fail(err, GR_ERR_NOMEM, ls, "out of memory", NULL);
done:
	gr_free(mem, a.lines);
	gr_free(mem, a.frags);
	gr_free(mem, a.rows);
	return st;
}

/* ---------------------------------------------------------------- sniff */

bool
gr_sniff_aligned(const char *buf, size_t len)
{
	size_t		ls = 0;
	int			rows = 0;
	bool		rest_seen = false;

	while (ls < len)
	{
		const char *nl;
		size_t		le;
		size_t		e;
		size_t		ntok = 0;
		bool		wide = false;

		/*
		 * Decided unless a TAB or pipe line follows (below): without a
		 * TAB or '|' anywhere after, none does, and two memchr calls over
		 * the rest cost less than one per line.
		 */
		if (rows >= 3 && !rest_seen)
		{
			if (!gr_rest_may_hold_cells(buf + ls, len - ls))
				return true;
			rest_seen = true;
		}
		nl = memchr(buf + ls, '\n', len - ls);
		le = nl ? (size_t) (nl - buf) : len;
		e = le;

		if (le > ls && buf[ls] == '\t')
			return false;		/* TAB cells */
		while (e > ls && (buf[e - 1] == ' ' || buf[e - 1] == '\r'))
			e--;
		if (e > ls && buf[e - 1] == '|')
			return false;		/* pipe cells */
		/*
		 * Trailing numeric tokens; at least one gap of >= 2 spaces.  Once
		 * three rows are seen only a TAB or pipe line can change the
		 * answer: the rest of the lines need just the tests above.
		 */
		while (rows < 3 && e > ls)
		{
			const char *sp;
			size_t		tb;
			size_t		gap = 0;

			/* numeric_token's first test, before the search for the token */
			if (!may_end_numeric((unsigned char) buf[e - 1]))
				break;
			sp = gr_memrchr(buf + ls, ' ', e - ls);
			tb = sp ? (size_t) (sp - buf) + 1 : ls;
			if (!numeric_token(buf + tb, e - tb))
				break;
			ntok++;
			e = tb;
			while (e > ls && buf[e - 1] == ' ')
			{
				e--;
				gap++;
			}
			if (gap >= 2)
				wide = true;
		}
		if (ntok >= 3 && wide)
			rows++;
		ls = nl ? le + 1 : len;
	}
	return rows >= 3;
}
