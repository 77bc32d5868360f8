/*
 * gr_html.c - item producer for whole saved HTML pages (layout 'html').
 *
 * Two linear passes of one tag scanner, no recursion:
 *   1. which <table>s contain other tables (layout tables, transparent);
 *   2. the items: data-table cells expanded over rowspan/colspan (placeholder
 *      cells for rowspans, like the Word export), ROW_END after each row,
 *      PROSE per block of text outside data tables.
 * The comparison text (shadow, see gr_layouts.h) gets markup blanked and
 * entities decoded in place; spans point into the original bytes.
 */
#include "gr_layouts.h"
#include "gr_text.h"
#include "gr_util.h"

#include <pthread.h>
#include <string.h>

#define MAX_COLS 512			/* grid columns tracked for rowspans */
#define MAX_SPAN 10000			/* larger rowspan/colspan values are clamped */

typedef enum
{
	TK_OTHER,					/* inline markup: <span>, <o:p>, <b>, <font> ... */
	TK_TABLE,
	TK_TR,
	TK_CELL,					/* <td> <th> */
	TK_BLOCK,					/* <p> <div> <h1> <li> <br> ... and </...> */
	TK_SKIP						/* comment, <script>/<style>/<head> with content */
} tag_kind;

typedef struct tag
{
	size_t		b;				/* '<' */
	size_t		e;				/* after '>' (or after the skipped content) */
	tag_kind	kind;
	bool		close;
	int			rowspan;
	int			colspan;
} tag;

static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Case-insensitive: does s[0..n) start with the lower-case word w? */
static bool
istarts(const char *s, size_t n, const char *w)
{
	size_t		k = strlen(w);

	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (lower(s[i]) != w[i])
			return false;
	return true;
}

/* First position >= from of the lower-case needle (case-insensitive). */
static size_t
ifind(const char *buf, size_t len, size_t from, const char *needle)
{
	size_t		k = strlen(needle);
	char		c0 = needle[0];

	if (!is_alpha(c0))
	{
		/* "<table", "-->": memchr to each candidate first byte */
		for (size_t i = from; i + k <= len;)
		{
			const char *p = memchr(buf + i, c0, len - k + 1 - i);

			if (!p)
				break;
			i = (size_t) (p - buf);
			if (istarts(buf + i, len - i, needle))
				return i;
			i++;
		}
		return len;
	}
	for (size_t i = from; i + k <= len; i++)
		if (lower(buf[i]) == c0 && istarts(buf + i, len - i, needle))
			return i;
	return len;
}

static const char *const block_names[] = {
	"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
	"section", "article", "header", "footer", "blockquote", "pre", "hr",
	"center", "dl", "dt", "dd", "form", "caption", "body", "html", "nav",
	"main", "aside", "figure", "figcaption", "title", NULL
};

static const char *const skip_names[] = {
	"script", "style", "head", "noscript", "template", "xml", "iframe",
	"svg", "object", NULL
};

/*
 * For each first letter, the lengths of the names of a list that start
 * with it (bit l: a name of l bytes).  Most tags (span, o:p, font, b, img)
 * are in neither list and fail this test; the names are compared only
 * when it passes.  Built once per process (pthread_once; read-only once
 * built).
 */
static uint16_t block_lens[26];
static uint16_t skip_lens[26];
static pthread_once_t name_lens_once = PTHREAD_ONCE_INIT;

static void
name_lens_fill(const char *const *names, uint16_t *lens)
{
	for (int k = 0; names[k]; k++)
		lens[names[k][0] - 'a'] |= (uint16_t) (1u << strlen(names[k]));
}

static void
name_lens_build(void)
{
	name_lens_fill(block_names, block_lens);
	name_lens_fill(skip_names, skip_lens);
}

/*
 * Is name (lower case, starting with a letter, 0 < nl < 16 bytes) one of
 * the NULL-terminated names, whose lengths by first letter are lens?
 */
static inline bool
name_in(const char *name, size_t nl, const char *const *names,
		const uint16_t *lens)
{
	if (!(lens[name[0] - 'a'] >> nl & 1))
		return false;
	for (int k = 0; names[k]; k++)
		if (names[k][0] == name[0] && strncmp(names[k], name, nl) == 0 &&
			names[k][nl] == '\0')
			return true;
	return false;
}

/*
 * The first i >= from (i < n) with s[i] | 0x20 == c, or n: a letter c in
 * either case.  Eight bytes at a time (OR-ing 0x20 into each byte of a
 * block leaves its neighbours alone); the flags above the lowest one of
 * a block may be false, so each is tested again.
 */
static size_t
next_ci(const char *s, size_t n, size_t from, char c)
{
	size_t		i = from;

	while (i + 8 <= n)
	{
		uint64_t	m = gr_bytes_eq(gr_load_le64(s + i) | 0x2020202020202020u,
									(unsigned char) c);

		for (; m != 0; m &= m - 1)
		{
			size_t		p = i + (size_t) __builtin_ctzll(m) / 8;

			if ((s[p] | 0x20) == c)
				return p;
		}
		i += 8;
	}
	for (; i < n; i++)
		if ((s[i] | 0x20) == c)
			return i;
	return n;
}

/*
 * The value (1..MAX_SPAN) of an attribute whose name ends before s[j], in
 * the tag text s[0..n); -1 if no '=' follows the name (not the attribute:
 * a later one of the same name may be).
 */
static int
span_value(const char *s, size_t n, size_t j)
{
	long		v = 0;

	while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
		j++;
	if (j >= n || s[j] != '=')
		return -1;
	j++;
	while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
		j++;
	if (j >= n || s[j] < '0' || s[j] > '9')
		return 1;
	while (j < n && s[j] >= '0' && s[j] <= '9')
	{
		v = v * 10 + (s[j] - '0');
		if (v > MAX_SPAN)
			v = MAX_SPAN;
		j++;
	}
	return v < 1 ? 1 : (int) v;
}

/*
 * The first '>', '"' or '\'' in buf[j..len), or len: where the plain bytes
 * of a tag's attributes stop.  Eight bytes at a time; a flag set above a
 * matching byte is never the lowest, so the lowest flag of the three
 * masks is the first match.  One scan instead of three memchr calls,
 * whose set-up outweighs the few bytes to the first quote
 * (" style=\"...").
 */
static size_t
attr_stop(const char *buf, size_t j, size_t len)
{
	for (; j + 8 <= len; j += 8)
	{
		uint64_t	w = gr_load_le64(buf + j);
		uint64_t	m = gr_bytes_eq(w, '>') | gr_bytes_eq(w, '"') |
			gr_bytes_eq(w, '\'');

		if (m != 0)
			return j + (size_t) __builtin_ctzll(m) / 8;
	}
	for (; j < len; j++)
		if (buf[j] == '>' || buf[j] == '"' || buf[j] == '\'')
			return j;
	return len;
}

/* The bytes of a tag name: letters, digits, ':' and '-'. */
static const bool name_byte[256] = {
	['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
	['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
	[':'] = true, ['-'] = true,
	['A'] = true, ['B'] = true, ['C'] = true, ['D'] = true, ['E'] = true,
	['F'] = true, ['G'] = true, ['H'] = true, ['I'] = true, ['J'] = true,
	['K'] = true, ['L'] = true, ['M'] = true, ['N'] = true, ['O'] = true,
	['P'] = true, ['Q'] = true, ['R'] = true, ['S'] = true, ['T'] = true,
	['U'] = true, ['V'] = true, ['W'] = true, ['X'] = true, ['Y'] = true,
	['Z'] = true,
	['a'] = true, ['b'] = true, ['c'] = true, ['d'] = true, ['e'] = true,
	['f'] = true, ['g'] = true, ['h'] = true, ['i'] = true, ['j'] = true,
	['k'] = true, ['l'] = true, ['m'] = true, ['n'] = true, ['o'] = true,
	['p'] = true, ['q'] = true, ['r'] = true, ['s'] = true, ['t'] = true,
	['u'] = true, ['v'] = true, ['w'] = true, ['x'] = true, ['y'] = true,
	['z'] = true
};

/*
 * The next markup construct at or after *pos; false at the end.  Text
 * before it is buf[*pos .. t->b).  A '<' that starts no markup is text.
 * want says what to work out beyond the tag's extent: NT_BLOCKS tells
 * TK_BLOCK (else such tags are TK_OTHER), NT_SPANS reads a cell's rowspan
 * and colspan (else 1).  The tags' extents and every other kind are the
 * same whatever want is: the callers that only step over markup ask for
 * nothing.
 */
#define NT_BLOCKS	1
#define NT_SPANS	2

/*
 * A cell's rowspan and colspan from its tag text buf[t->b .. t->e) (left
 * as they are when absent): the first "rowspan" and "colspan", in any
 * case, after no letter and before an '='.  One pass over the places of
 * 'n' (in "border", "none", "windowtext": a few per tag), each a name's
 * end when "span" and then "row" or "col" come before it.
 */
static void
tag_spans(const char *buf, tag *t)
{
	const char *s = buf + t->b;
	size_t		n = t->e - t->b;
	bool		row = false,
				col = false;	/* found */

	for (size_t p = next_ci(s, n, 6, 'n'); p + 1 < n && !(row && col);
		 p = next_ci(s, n, p + 1, 'n'))
	{
		bool		is_row,
					is_col;
		int			v;

		/* s[p] | 0x20 == 'n'; a letter c in either case OR-s 0x20 to c */
		if ((s[p - 3] | 0x20) != 's' || (s[p - 2] | 0x20) != 'p' ||
			(s[p - 1] | 0x20) != 'a' || (s[p - 5] | 0x20) != 'o')
			continue;
		is_row = !row && (s[p - 6] | 0x20) == 'r' && (s[p - 4] | 0x20) == 'w';
		is_col = !col && (s[p - 6] | 0x20) == 'c' && (s[p - 4] | 0x20) == 'l';
		if ((!is_row && !is_col) || (p > 6 && is_alpha(s[p - 7])) ||
			(v = span_value(s, n, p + 1)) < 0)
			continue;
		if (is_row)
		{
			t->rowspan = v;
			row = true;
		}
		else
		{
			t->colspan = v;
			col = true;
		}
	}
}

static inline __attribute__((always_inline)) bool
next_tag_inline(const char *buf, size_t len, size_t pos, tag *t, int want)
{
	for (size_t i = pos; i < len; i++)
	{
		size_t		j;
		bool		close = false;
		char		name[16];
		size_t		nl = 0;
		/* tags often follow each other ("</span></p>"): no call then */
		const char *lt = buf[i] == '<' ? buf + i : memchr(buf + i, '<', len - i);

		if (!lt)
			break;
		i = (size_t) (lt - buf);
		if (i + 1 >= len)
			continue;
		memset(t, 0, sizeof(*t));
		t->b = i;
		t->rowspan = t->colspan = 1;
		if (i + 3 < len && buf[i + 1] == '!' && buf[i + 2] == '-' && buf[i + 3] == '-')
		{
			size_t		c = ifind(buf, len, i + 4, "-->");

			t->kind = TK_SKIP;
			t->e = c < len ? c + 3 : len;
			return true;
		}
		if (buf[i + 1] == '!' || buf[i + 1] == '?')
		{
			const char *gt = memchr(buf + i, '>', len - i);

			t->kind = TK_OTHER;
			t->e = gt ? (size_t) (gt - buf) + 1 : len;
			return true;
		}
		j = i + 1;
		if (buf[j] == '/')
		{
			close = true;
			j++;
		}
		if (j >= len || !is_alpha(buf[j]))
			continue;			/* "<5", "< b": text */
		while (j < len && name_byte[(unsigned char) buf[j]])
		{
			/* lower() of a letter; digits, ':' and '-' have bit 5 set */
			if (nl + 1 < sizeof(name))
				name[nl++] = (char) (buf[j] | 0x20);
			j++;
		}
		name[nl] = '\0';
		/*
		 * Attributes up to the first '>' outside quotes: from each quote
		 * that comes before the next '>' to its closing one (an unclosed
		 * quote runs to the end), not byte by byte.  A tag without
		 * attributes ("<td>", "</tr>", most of a table) ends at its name:
		 * no scan at all.
		 */
		while (!(j < len && buf[j] == '>'))
		{
			size_t		q = attr_stop(buf, j, len);
			const char *cq;

			if (q >= len || buf[q] == '>')
			{
				j = q;
				break;
			}
			cq = memchr(buf + q + 1, buf[q], len - (q + 1));
			if (!cq)
			{
				j = len;
				break;
			}
			j = (size_t) (cq - buf) + 1;
		}
		t->e = j < len ? j + 1 : len;
		t->close = close;
		t->kind = TK_OTHER;
		if (nl == 0)
			;
		else if (nl == 5 && memcmp(name, "table", 5) == 0)
			t->kind = TK_TABLE;
		else if (nl == 2 && name[0] == 't' && name[1] == 'r')
			t->kind = TK_TR;
		else if (nl == 2 && name[0] == 't' && (name[1] == 'd' || name[1] == 'h'))
		{
			t->kind = TK_CELL;
			if ((want & NT_SPANS) && !close)
				tag_spans(buf, t);
		}
		else
		{
			/* name_lens is built: gr_items_from_html, the only caller, did */
			if ((want & NT_BLOCKS) && name_in(name, nl, block_names, block_lens))
				t->kind = TK_BLOCK;
			if (!close && name_in(name, nl, skip_names, skip_lens))
			{
				/* skip to the end of the element ("break": done) */
				do
				{
					char		endtag[24];
					size_t		c;

					endtag[0] = '<';
					endtag[1] = '/';
					memcpy(endtag + 2, name, nl + 1);
					c = ifind(buf, len, t->e, endtag);
					if (c >= len && strcmp(name, "head") == 0)
					{
						/* no </head>: up to <body>, else keep the text */
						c = ifind(buf, len, t->e, "<body");
						if (c >= len)
							break;
						t->kind = TK_SKIP;
						t->e = c;
						break;
					}
					if (c < len)
					{
						const char *gt = memchr(buf + c, '>', len - c);

						t->e = gt ? (size_t) (gt - buf) + 1 : len;
					}
					else
						t->e = len;
					t->kind = TK_SKIP;
				} while (0);
			}
		}
		return true;
	}
	return false;
}

/*
 * Pass 1 reads every tag of the page, and Word's pages repeat the same
 * tags ("<span lang=\"ZH-CN\">", "<p class=MsoNormal align=center>",
 * "</td>") thousands of times.  A tag that ends at its '>' before the end
 * of the text, and is no TK_SKIP element (those run on to their end tag),
 * is read from its own bytes only: where the bytes at the next '<' equal
 * those of such a tag read before, they are that tag again (same length,
 * kind and close; spans are not read in pass 1).  The memo keeps the last
 * such tag per hash of the three bytes after the '<'; a hit is checked
 * with memcmp.
 */
#define TAG_MEMO_SLOTS 64

typedef struct tag_memo
{
	size_t		b;				/* where the tag was read */
	size_t		n;				/* its length; 0: an empty slot */
	tag_kind	kind;
	bool		close;
	bool		one_line;		/* it holds no newline */
} tag_memo;

/*
 * a[0..n) == b[0..n)?  Most tags are 4 to 64 bytes ("</td>", "<span
 * lang=EN-US>"): a few word compares cost less than a call to memcmp
 * (longer ones go to memcmp, faster there).  Both spans lie inside the
 * text, so the loads stay in it.
 */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	if (n >= 8 && n <= 64)
	{
		/*
		 * Word's paragraph and cell tags run to 64 bytes ("<p
		 * class=MsoNormal align=center style='text-align:center'>"): a
		 * word at a time, the last one overlapping, still beats memcmp.
		 */
		for (size_t k = 0; k + 8 < n; k += 8)
			if (gr_load_le64(a + k) != gr_load_le64(b + k))
				return false;
		return gr_load_le64(a + n - 8) == gr_load_le64(b + n - 8);
	}
	if (n >= 4 && n < 8)
		return gr_load_le32(a) == gr_load_le32(b) &&
			gr_load_le32(a + n - 4) == gr_load_le32(b + n - 4);
	return memcmp(a, b, n) == 0;
}

/* *one_line: the tag is known to hold no newline (a memo hit) */
static inline bool
next_tag_memo(const char *buf, size_t len, size_t pos, tag *t,
			  tag_memo *memo, bool *one_line)
{
	const char *lt;
	size_t		i;
	tag_memo   *m = NULL;

	*one_line = false;
	if (pos >= len)
		return false;
	lt = buf[pos] == '<' ? buf + pos : memchr(buf + pos, '<', len - pos);
	if (!lt)
		return false;
	i = (size_t) (lt - buf);	/* next_tag from pos starts here too */
	if (i + 3 < len)
	{
		m = &memo[((unsigned char) buf[i + 1] * 7u +
				   (unsigned char) buf[i + 2] * 3u +
				   (unsigned char) buf[i + 3]) % TAG_MEMO_SLOTS];
		if (m->n > 0 && m->n <= len - i &&
			same_bytes(buf + i, buf + m->b, m->n))
		{
			memset(t, 0, sizeof(*t));
			t->b = i;
			t->e = i + m->n;
			t->kind = m->kind;
			t->close = m->close;
			t->rowspan = t->colspan = 1;
			*one_line = m->one_line;
			return true;
		}
	}
	if (!next_tag_inline(buf, len, i, t, NT_BLOCKS))
		return false;
	if (m && t->b == i && t->e < len && t->kind != TK_SKIP)
	{
		m->b = t->b;
		m->n = t->e - t->b;
		m->kind = t->kind;
		m->close = t->close;
		m->one_line = memchr(buf + t->b, '\n', m->n) == NULL;
	}
	return true;
}

/*
 * next_tag_inline() as a function for the callers other than pass 1,
 * which has it inline (a call per tag of the page saved, and its want
 * folded).
 */
static bool
next_tag(const char *buf, size_t len, size_t pos, tag *t, int want)
{
	return next_tag_inline(buf, len, pos, t, want);
}

/* ------------------------------------------------------------- entities */

static const struct
{
	const char *name;
	uint32_t	cp;
}			named[] = {
	{"nbsp", ' '}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"mdash", 0x2014}, {"ndash", 0x2013}, {"middot", 0xB7}, {"hellip", 0x2026},
	{"times", 0xD7}, {"yen", 0xA5}, {"copy", 0xA9}, {"reg", 0xAE},
	{"deg", 0xB0}, {"plusmn", 0xB1}, {"sect", 0xA7}, {"bull", 0x2022},
	{"laquo", 0xAB}, {"raquo", 0xBB}, {"minus", 0x2212},
	{NULL, 0}
};

/* Length of the entity at s[0..n) ('&' ... ';'), 0 if none; *cp = code point. */
static size_t
entity_at(const char *s, size_t n, uint32_t *cp)
{
	size_t		i = 1;

	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#')
	{
		uint32_t	v = 0;
		bool		hex = false;
		size_t		digits = 0;

		i = 2;
		if (i < n && (s[i] == 'x' || s[i] == 'X'))
		{
			hex = true;
			i++;
		}
		for (; i < n && i < 12; i++)
		{
			char		c = s[i];
			int			d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
				d = lower(c) - 'a' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + (uint32_t) d;
			if (v > 0x10FFFF)
				v = 0x110000;
			digits++;
		}
		if (digits == 0 || i >= n || s[i] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		*cp = v;
		return i + 1;
	}
	for (int k = 0; named[k].name; k++)
	{
		size_t		l = strlen(named[k].name);

		if (n >= l + 2 && memcmp(s + 1, named[k].name, l) == 0 && s[l + 1] == ';')
		{
			*cp = named[k].cp;
			return l + 2;
		}
	}
	return 0;
}

/* Decode the entities of buf[b..e) into shadow (same offsets). */
static void
decode_text(const char *buf, size_t b, size_t e, char *shadow)
{
	for (size_t i = b; i < e; i++)
	{
		uint32_t	cp;
		size_t		n;
		const char *amp = memchr(buf + i, '&', e - i);	/* most text has none */

		if (!amp)
			break;
		i = (size_t) (amp - buf);
		if ((n = entity_at(buf + i, e - i, &cp)) == 0)
			continue;
		memset(shadow + i, ' ', n);
		if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) ||
			cp < 0x20 || cp == 0x7F)
			;					/* blank */
		else if (cp < 0x80)
			shadow[i] = (char) cp;
		else if (cp < 0x800)
		{
			shadow[i] = (char) (0xC0 | (cp >> 6));
			shadow[i + 1] = (char) (0x80 | (cp & 0x3F));
		}
		else if (cp < 0x10000)
		{
			shadow[i] = (char) (0xE0 | (cp >> 12));
			shadow[i + 1] = (char) (0x80 | ((cp >> 6) & 0x3F));
			shadow[i + 2] = (char) (0x80 | (cp & 0x3F));
		}
		else
		{
			shadow[i] = (char) (0xF0 | (cp >> 18));
			shadow[i + 1] = (char) (0x80 | ((cp >> 12) & 0x3F));
			shadow[i + 2] = (char) (0x80 | ((cp >> 6) & 0x3F));
			shadow[i + 3] = (char) (0x80 | (cp & 0x3F));
		}
		i += n - 1;
	}
}

/*
 * Blank n bytes at p.  Most tags are 4 to 16 bytes: two overlapping
 * stores cost less than a call to memset.
 */
static inline void
spaces(char *p, size_t n)
{
	const uint64_t sp8 = 0x2020202020202020u;
	const uint32_t sp4 = 0x20202020u;

	if (n >= 8 && n <= 16)
	{
		memcpy(p, &sp8, 8);
		memcpy(p + n - 8, &sp8, 8);
	}
	else if (n >= 4 && n < 8)
	{
		memcpy(p, &sp4, 4);
		memcpy(p + n - 4, &sp4, 4);
	}
	else
		memset(p, ' ', n);
}

/* Blank markup bytes in the shadow, newlines kept. */
static void
blank(char *shadow, size_t b, size_t e)
{
	/*
	 * A short tag ("<td>", "</tr>": most of them) byte by byte: cheaper
	 * than a memchr and a memset call.
	 */
	if (e - b <= 8)
	{
		for (; b < e; b++)
			if (shadow[b] != '\n')
				shadow[b] = ' ';
		return;
	}
	/* a run at a time: most tags hold no newline */
	while (b < e)
	{
		char	   *nl = memchr(shadow + b, '\n', e - b);
		size_t		r = nl ? (size_t) (nl - shadow) : e;

		memset(shadow + b, ' ', r - b);
		b = r + 1;
	}
}

/* ------------------------------------------------------------- producer */

/*
 * A structural tag (table, row, cell, block) as pass 1 found it, for pass 2
 * to take instead of scanning every tag of the page again: pass 2 acts
 * only on these, and pass 1 does all the blanking and decoding (see
 * gr_items_from_html).  Eight bytes each; a tag longer than HTAG_LONG
 * bytes is read again at b (same tag: it starts with its '<').
 */
typedef struct htag
{
	uint32_t	b;
	uint16_t	n;				/* e - b, or HTAG_LONG */
	uint8_t		kind;
	uint8_t		close;
} htag;

#define HTAG_LONG 0xFFFF

/* tags from this long on are read again (a test build sets it low) */
#ifndef HTAG_LONG_FROM
#define HTAG_LONG_FROM HTAG_LONG
#endif

/*
 * Input bytes per structural tag kept (the record's bound: 8 / 16 = half
 * the input).  A test build sets it high to run pass 2's own scan.
 */
#ifndef HTAG_PER_BYTES
#define HTAG_PER_BYTES 16
#endif

typedef struct hstate
{
	const char *buf;
	size_t		len;
	char	   *shadow;
	gr_mem	   *mem;
	gr_items   *out;
	size_t		line_off;		/* forward cursor for line numbers */
	uint32_t	line;
} hstate;

static uint32_t
line_of(hstate *h, size_t off)
{
	if (off < h->line_off)
	{
		h->line_off = 0;
		h->line = 1;
	}
	{
		const char *p = h->buf + h->line_off;
		const char *end = h->buf + (off < h->len ? off : h->len);

		while (p < end && (p = memchr(p, '\n', (size_t) (end - p))) != NULL)
		{
			h->line++;
			p++;
		}
	}
	h->line_off = off;
	return h->line;
}

static bool
is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Bytes among the eight at p that are neither ' ' nor '\n' (the bytes of
 * blanked markup): 0x80 in each such byte, exactly.
 */
static inline uint64_t
not_blank8(const char *p)
{
	uint64_t	w = gr_load_le64(p);

	return (gr_bytes_eq_exact(w, ' ') | gr_bytes_eq_exact(w, '\n')) ^
		0x8080808080808080u;
}

#ifdef GR_SSE2
/* The same for sixteen bytes at p, bit k for p[k] (not_blank8 without SSE2) */
static inline unsigned
not_blank16(const char *p)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) p);
	__m128i		blank = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
									 _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));

	return (unsigned) _mm_movemask_epi8(blank) ^ 0xFFFFu;
}
#endif

/*
 * Trim [*b, *e) in the shadow; then make sure the end does not fall inside
 * an entity of the original (a decoded "&amp;" reads "&    ").
 */
static void
trim_span(hstate *h, size_t *b, size_t *e)
{
	const char *s = h->shadow;
	size_t		lo = *b,
				hi = *e;

	/*
	 * Blanked markup is long runs of ' ' and '\n' ("<p class=...><span
	 * lang=...>" around a cell's text, with Word's line breaks): a block
	 * at a time through those, each other byte tested on its own.
	 */
	while (lo < hi)
	{
#ifdef GR_SSE2
		if (hi - lo >= 16)
		{
			unsigned	m = not_blank16(s + lo);

			if (m == 0)
			{
				lo += 16;
				continue;
			}
			lo += (size_t) __builtin_ctz(m);
		}
		else
#endif
		if (hi - lo >= 8)
		{
			uint64_t	m = not_blank8(s + lo);

			if (m == 0)
			{
				lo += 8;
				continue;
			}
			lo += (size_t) __builtin_ctzll(m) / 8;
		}
		if (!is_ws(s[lo]))
			break;
		lo++;
	}
	while (hi > lo)
	{
#ifdef GR_SSE2
		if (hi - lo >= 16)
		{
			unsigned	m = not_blank16(s + hi - 16);

			if (m == 0)
			{
				hi -= 16;
				continue;
			}
			hi -= 16 - (31 - (size_t) __builtin_clz(m)) - 1;
		}
		else
#endif
		if (hi - lo >= 8)
		{
			uint64_t	m = not_blank8(s + hi - 8);

			if (m == 0)
			{
				hi -= 8;
				continue;
			}
			hi -= 8 - (63 - (size_t) __builtin_clzll(m)) / 8 - 1;
		}
		if (!is_ws(s[hi - 1]))
			break;
		hi--;
	}
	*b = lo;
	*e = hi;
	if (*e > *b)
	{
		size_t		from = *e > *b + 12 ? *e - 12 : *b;

		/* most spans end in no entity: two word tests of the twelve bytes */
		if (*e - from == 12 &&
			(gr_bytes_eq(gr_load_le64(h->buf + from), '&') |
			 gr_bytes_eq(gr_load_le64(h->buf + from + 4), '&')) == 0)
			return;
		for (size_t p = *e; p-- > from;)
		{
			uint32_t	cp;
			size_t		n;

			if (h->buf[p] != '&')
				continue;
			n = entity_at(h->buf + p, h->len - p, &cp);
			if (n && p + n > *e)
				*e = p + n;
			break;
		}
	}
}

/*
 * Compact the comparison text of an item span: the text without its markup
 * moves to the start of the span, spaces fill the rest.  Word splits runs
 * anywhere ("<span>1</span><span>,234</span>", "2021</span><span>年"): the
 * readers must see "1,234" and "2021年", not "1      ,234".  Spans of items
 * never overlap, so this touches no other item's text.
 */
/* The character written last into the shadow [b, w), or 0. */
static uint32_t
last_written(const hstate *h, size_t b, size_t w)
{
	size_t		p;

	if (w <= b)
		return 0;
	p = w - 1;
	while (p > b && ((unsigned char) h->shadow[p] & 0xC0) == 0x80)
		p--;
	return gr_utf8_next(h->shadow, w, &p);
}

/* Is the character at buf[i], or a space there, white space of HTML text? */
static size_t
space_at(const hstate *h, size_t i, size_t e)
{
	unsigned char c = (unsigned char) h->buf[i];
	uint32_t	cp;
	size_t		n;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c == 0xC2 && i + 1 < e && (unsigned char) h->buf[i + 1] == 0xA0)
		return 2;
	if (c == 0xE3 && i + 2 < e && (unsigned char) h->buf[i + 1] == 0x80 &&
		(unsigned char) h->buf[i + 2] == 0x80)
		return 3;
	if (c == '&' && (n = entity_at(h->buf + i, e - i, &cp)) > 0 &&
		(cp == ' ' || cp == 0xA0 || cp == 0x3000))
		return n;
	return 0;
}

/* The first character after buf[i] that is neither markup nor space. */
static uint32_t
next_visible(const hstate *h, size_t i, size_t e)
{
	tag			t;

	while (i < e)
	{
		size_t		n;
		uint32_t	cp;

		if (h->buf[i] == '<' && next_tag(h->buf, e, i, &t, 0) && t.b == i)
		{
			i = t.e;
			continue;
		}
		if ((n = space_at(h, i, e)) > 0)
		{
			i += n;
			continue;
		}
		if (h->buf[i] == '&' && entity_at(h->buf + i, e - i, &cp) > 0)
			return cp;
		return gr_utf8_next(h->buf, e, &i);
	}
	return 0;
}

/*
 * Bytes that compact() looks at one by one: markup and entities, and in
 * prose the first bytes of spaces (U+00A0 is C2 A0, U+3000 is E3 80 80).
 * Every other byte is copied as it is, a run at a time.
 */
#define STOP_CELL	1
#define STOP_PROSE	2

static const unsigned char stop_bytes[256] = {
	['<'] = STOP_CELL | STOP_PROSE,
	['&'] = STOP_CELL | STOP_PROSE,
	[' '] = STOP_PROSE,
	['\t'] = STOP_PROSE,
	['\n'] = STOP_PROSE,
	['\r'] = STOP_PROSE,
	[0xC2] = STOP_PROSE,
	[0xE3] = STOP_PROSE
};

/* one table lookup per byte: compact() runs it on every byte of an item */
static inline bool
compact_stops(unsigned char c, bool prose)
{
	return (stop_bytes[c] & (prose ? STOP_PROSE : STOP_CELL)) != 0;
}

/*
 * Where the run of bytes from r that compact() copies as they are ends (r
 * <= result <= e): at the first byte it must look at or before (markup,
 * an entity, a space of prose), or at e.  Eight bytes at a time: a mask
 * flags '<' and '&' (and, in prose, bytes below 0x21 and those that are
 * 0xE3 once OR-ed with 0x21: C2, C3, E2, E3).  The lowest flag of a block
 * is never above its first stop byte (no borrow comes from a byte that
 * is none), so none is missed; flags that are no stop byte (C3, a control
 * byte) are tested exactly and stepped over.
 */
static size_t
plain_run_end(const char *buf, size_t r, size_t e, bool prose)
{
#ifdef GR_SSE2

	/*
	 * With SSE2, sixteen bytes at a time first, the spaces of prose
	 * exactly: the eight-byte test below stops at every CJK punctuation
	 * mark (E3 80 xx) and curly quote (E2 80 xx), which compact() then
	 * copies one by one.  The other bytes below 0x21 and a C2 not before
	 * A0 are flagged too: compact() tests the byte it is given again and
	 * copies those as they are, as part of a run would be.  Reads
	 * buf[r .. r + 18).
	 */
	while (r + 18 <= e)
	{
		__m128i		a = _mm_loadu_si128((const __m128i *) (buf + r));
		__m128i		m = _mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('<')),
									 _mm_cmpeq_epi8(a, _mm_set1_epi8('&')));
		unsigned	bits;

		if (prose)
		{
			__m128i		b = _mm_loadu_si128((const __m128i *) (buf + r + 1));
			__m128i		c = _mm_loadu_si128((const __m128i *) (buf + r + 2));
			__m128i		x80 = _mm_set1_epi8((char) 0x80);
			__m128i		low = _mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(0x20)), a);
			__m128i		c2 = _mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xC2));
			__m128i		ideo = _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xE3)),
											 _mm_and_si128(_mm_cmpeq_epi8(b, x80),
														   _mm_cmpeq_epi8(c, x80)));

			m = _mm_or_si128(m, _mm_or_si128(low, _mm_or_si128(c2, ideo)));
		}
		bits = (unsigned) _mm_movemask_epi8(m);
		if (bits != 0)
			return r + (size_t) __builtin_ctz(bits);
		r += 16;
	}
#endif
	while (r + 8 <= e)
	{
		uint64_t	w = gr_load_le64(buf + r);
		uint64_t	m = gr_bytes_eq(w, '<') | gr_bytes_eq(w, '&');

		if (prose)
			m |= ((w - 0x2121212121212121u) & ~w & 0x8080808080808080u) |
				gr_bytes_eq(w | 0x2121212121212121u, 0xE3);
		if (m == 0)
		{
			r += 8;
			continue;
		}
		r += (size_t) __builtin_ctzll(m) / 8;
		if (compact_stops((unsigned char) buf[r], prose))
			return r;
		r++;
	}
	while (r < e && !compact_stops((unsigned char) buf[r], prose))
		r++;
	return r;
}

static bool
compact(hstate *h, size_t b, size_t e, bool prose)
{
	size_t		w = b;
	size_t		i = b;
	tag			t;

	while (i < e)
	{
		size_t		tb;

		if (!compact_stops((unsigned char) h->buf[i], prose))
		{
			size_t		r = plain_run_end(h->buf, i + 1, e, prose);

			if (w != i)
			{
				memmove(h->shadow + w, h->shadow + i, r - i);
				if (!gr_items_shift(h->mem, h->out, w, i, r - i, r - i))
					return false;
			}
			w += r - i;
			i = r;
			continue;
		}
		if (h->buf[i] == '<' && i + 1 < e &&
			(is_alpha(h->buf[i + 1]) || h->buf[i + 1] == '/' ||
			 h->buf[i + 1] == '!' || h->buf[i + 1] == '?') &&
			next_tag(h->buf, e, i, &t, 0) && t.b == i)
		{
			i = t.e;
			continue;
		}
		tb = i + 1;
		if (prose)
		{
			/* running Chinese text has no spaces: "上年&nbsp;结转" */
			size_t		n = space_at(h, i, e);

			if (n > 0 && (gr_is_cjk_like(last_written(h, b, w)) ||
						  gr_is_cjk_like(next_visible(h, i + n, e))))
			{
				i += n;
				continue;
			}
		}
		if (h->buf[i] == '&')
		{
			uint32_t	cp;
			size_t		n = entity_at(h->buf + i, e - i, &cp);

			if (n > 0)
			{
				/* decoded bytes sit at the entity's start, padded */
				size_t		d = i;

				while (d < i + n && h->shadow[d] != ' ')
					d++;
				if (d == i && cp == ' ')
					d = i + 1;	/* &nbsp;: keep one space */
				memmove(h->shadow + w, h->shadow + i, d - i);
				if (d == i + 1 && cp == ' ')
					h->shadow[w] = ' ';
				if (d > i && !gr_items_shift(h->mem, h->out, w, i, d - i, n))
					return false;
				w += d - i;
				i += n;
				continue;
			}
		}
		if (w != i && !gr_items_shift(h->mem, h->out, w, i, 1, 1))
			return false;
		h->shadow[w++] = h->shadow[i];
		i = tb;
	}
	for (size_t k = w; k < e; k++)
		if (h->shadow[k] != '\n')
			h->shadow[k] = ' ';
	return true;
}

static bool
push(hstate *h, gr_item_kind kind, gr_layout lay, size_t off, size_t len)
{
	if (kind != GR_ITEM_ROW_END && len > 0 &&
		!compact(h, off, off + len, kind == GR_ITEM_PROSE))
		return false;
	return gr_items_push_fast(h->mem, h->out, kind, lay, off, len, line_of(h, off));
}

/* Flush the prose block [from, to) as one PROSE item when not blank. */
static bool
flush_prose(hstate *h, size_t from, size_t to)
{
	size_t		b = from,
				e = to;

	if (to <= from)
		return true;
	trim_span(h, &b, &e);
	/* blank also when only U+00A0 / U+3000 padding is left */
	{
		bool		blank_only = true;

		for (size_t i = b; i < e && blank_only;)
		{
			uint32_t	c = gr_utf8_next(h->shadow, e, &i);

			if (!gr_is_space(c))
				blank_only = false;
		}
		if (blank_only)
			return true;
	}
	return push(h, GR_ITEM_PROSE, GR_LAYOUT_PROSE, b, e - b);
}

gr_status
gr_items_from_html(const char *buf, size_t len, const gr_options *opt,
				   gr_mem *mem, gr_items *out, char *shadow, gr_error *err)
{
	bool	   *layout = NULL;	/* per table ordinal: contains a table */
	size_t		ntables = 0,
				lcap = 0;
	size_t	   *stack = NULL;
	size_t		depth = 0,
				scap = 0;
	size_t		pos = 0;
	tag			t;
	hstate		h;
	size_t		next_poll = 1 << 16;
	/* pass 2 state */
	bool		in_data = false,
				in_row = false,
				in_cell = false;
	size_t		cell_from = 0;
	int			cell_rs = 1,
				cell_cs = 1;
	int			col = 0;
	int			pending[MAX_COLS];
	int			pending_end = 0;	/* pending[c] is 0 from here on */
	size_t		block_from = 0;
	size_t		ordinal = 0;
	/* structural tags kept by pass 1 */
	htag	   *tags = NULL;
	size_t		ntags = 0,
				tcap = 0,
				ti = 0;
	bool		tags_full = false;	/* too many: none kept */
	tag_memo	memo[TAG_MEMO_SLOTS];	/* tags read in pass 1 */
	bool		one_line;
	const char *amp;			/* the first '&' at or after pos, or NULL */
	/* the last cell tag whose spans were read, and its spans */
	size_t		span_b = 0,
				span_n = 0;
	int			span_rs = 1,
				span_cs = 1;

	pthread_once(&name_lens_once, name_lens_build);	/* for next_tag */
	memset(memo, 0, sizeof(memo));
	memset(&h, 0, sizeof(h));
	h.buf = buf;
	h.len = len;
	h.shadow = shadow;
	h.mem = mem;
	h.out = out;
	h.line = 1;

	/*
	 * Pass 1: layout tables; the comparison text (markup blanked, entities
	 * decoded: each tag and each text run between tags on its own, so it
	 * does not matter which pass does it, and pass 2 writes the shadow
	 * only inside item spans, behind the tag it is at); and the structural
	 * tags, which are all pass 2 acts on.  At most len / HTAG_PER_BYTES of
	 * them are kept (half the input's size: Word's pages have one per ~31
	 * bytes).  A page with more is made of little else (a table of tiny
	 * cells, whose items weigh the most of all pages): the kept ones are
	 * dropped at once, so as not to add to that page's peak, and pass 2
	 * scans the page itself, as it did before.
	 */
	amp = memchr(buf, '&', len);
	while (next_tag_memo(buf, len, pos, &t, memo, &one_line))
	{
		/*
		 * Most text runs between tags hold no entity: decode only those
		 * before which the next '&' of the page lies.  It is looked for
		 * again only once passed, from there on: the whole page once.
		 */
		if (amp && (size_t) (amp - buf) < t.b)
			decode_text(buf, pos, t.b, shadow);
		if (one_line)
			spaces(shadow + t.b, t.e - t.b);	/* no newline to keep */
		else
			blank(shadow, t.b, t.e);
		pos = t.e;
		if (amp && (size_t) (amp - buf) < pos)
			amp = memchr(buf + pos, '&', len - pos);
		if (pos >= next_poll)
		{
			next_poll = pos + (1 << 16);
			if (opt && opt->stop && opt->stop(opt->stop_ctx))
				goto cancelled;
		}
		if (t.kind == TK_OTHER || t.kind == TK_SKIP)
			continue;
		if (!tags_full)
		{
			if (ntags == tcap)
			{
				/*
				 * Room for a tag per 24 bytes first: Word's pages have one
				 * per ~31, so one allocation (zeroed) does for them.
				 */
				size_t		ncap = tcap ? tcap * 2 : len / 24 + 16;

				if (ncap > len / HTAG_PER_BYTES)
					ncap = len / HTAG_PER_BYTES;
				if (ncap <= tcap)
				{
					/* too many: none kept, pass 2 scans from the start */
					tags_full = true;
					gr_free(mem, tags);
					tags = NULL;
					ntags = tcap = 0;
				}
				else if (!gr_resize(mem, (void **) &tags, &tcap, ntags, ncap,
									sizeof(htag)))
					goto nomem;
			}
			if (!tags_full)
			{
				htag	   *r = &tags[ntags++];

				r->b = (uint32_t) t.b;
				r->n = (uint16_t) (t.e - t.b < HTAG_LONG_FROM ? t.e - t.b : HTAG_LONG);
				r->kind = (uint8_t) t.kind;
				r->close = t.close;
			}
		}
		if (t.kind != TK_TABLE)
			continue;
		if (!t.close)
		{
			if (!gr_grow(mem, (void **) &layout, &lcap, ntables + 1, sizeof(bool)) ||
				!gr_grow(mem, (void **) &stack, &scap, depth + 1, sizeof(size_t)))
				goto nomem;
			layout[ntables] = false;
			if (depth > 0)
				layout[stack[depth - 1]] = true;
			stack[depth++] = ntables++;
		}
		else if (depth > 0)
			depth--;
	}
	decode_text(buf, pos, len, shadow);
	gr_free(mem, stack);
	stack = NULL;

	/* pass 2: items */
	pos = 0;
	next_poll = 1 << 16;
	memset(pending, 0, sizeof(pending));
	for (;;)
	{
		if (ti < ntags)
		{
			const htag *r = &tags[ti++];

			if (r->n == HTAG_LONG)
				next_tag(buf, len, r->b, &t, NT_BLOCKS);
			else
			{
				t.b = r->b;
				t.e = t.b + r->n;
				t.rowspan = t.colspan = 1;
			}
			t.kind = (tag_kind) r->kind;
			t.close = r->close;
			if (t.kind == TK_CELL && !t.close)
			{
				/*
				 * Word writes the same cell tag over and over ("<td
				 * style=...>"): one that equals the cell tag before has
				 * its spans, which depend on its bytes only.
				 */
				if (t.e - t.b == span_n &&
					memcmp(buf + t.b, buf + span_b, span_n) == 0)
				{
					t.rowspan = span_rs;
					t.colspan = span_cs;
				}
				else
				{
					tag_spans(buf, &t);
					span_b = t.b;
					span_n = t.e - t.b;
					span_rs = t.rowspan;
					span_cs = t.colspan;
				}
			}
		}
		else if (!tags_full || !next_tag(buf, len, pos, &t, NT_BLOCKS | NT_SPANS))
			break;
		if (t.e >= next_poll)
		{
			next_poll = t.e + (1 << 16);
			if (opt && opt->stop && opt->stop(opt->stop_ctx))
				goto cancelled;
		}
		pos = t.e;

		if (t.kind == TK_OTHER || t.kind == TK_SKIP)
			continue;			/* inline markup: part of the text */

		if (in_data)
		{
			bool		ends_cell = t.kind == TK_CELL || t.kind == TK_TR ||
				t.kind == TK_TABLE;
			bool		ends_row = t.kind == TK_TR ||
				(t.kind == TK_TABLE && t.close);

			if (t.kind == TK_BLOCK && !in_cell)
			{
				/* a caption or stray text between rows */
				if (!flush_prose(&h, block_from, t.b))
					goto nomem;
				block_from = t.e;
				continue;
			}
			if (!ends_cell)
				continue;		/* <p>, <br> inside a cell */
			if (in_cell)
			{
				size_t		b = cell_from,
							e = t.b;

				trim_span(&h, &b, &e);
				if (e == b)
					b = e = cell_from;	/* blank: empty span at its content */
				if (!push(&h, GR_ITEM_CELL, GR_LAYOUT_HTML, b, e - b))
					goto nomem;
				for (int c = col; c < col + cell_cs && c < MAX_COLS; c++)
					pending[c] = cell_rs - 1;
				if (cell_rs > 1 && col + cell_cs > pending_end)
					pending_end = col + cell_cs < MAX_COLS ? col + cell_cs : MAX_COLS;
				col += cell_cs;
				if (col > MAX_COLS)
					col = MAX_COLS;
				in_cell = false;
			}
			else if (!flush_prose(&h, block_from, t.b))
				goto nomem;
			if (ends_row && in_row)
			{
				/* not all MAX_COLS: rowspans are rare, rows are short */
				for (int c = col; c < pending_end; c++)
					if (pending[c] > 0)
						pending[c]--;
				if (!push(&h, GR_ITEM_ROW_END, GR_LAYOUT_HTML, t.b, 0))
					goto nomem;
				in_row = false;
			}
			if (t.kind == TK_TABLE && t.close)
			{
				in_data = false;
				block_from = t.e;
				continue;
			}
			if (t.kind == TK_TR && !t.close)
			{
				in_row = true;
				col = 0;
			}
			if (t.kind == TK_CELL && !t.close)
			{
				if (!in_row)
				{
					in_row = true;
					col = 0;
				}
				/* cells covered by rowspans from above: placeholders */
				while (col < MAX_COLS && pending[col] > 0)
				{
					pending[col]--;
					if (!push(&h, GR_ITEM_CELL, GR_LAYOUT_HTML, t.b, 0))
						goto nomem;
					col++;
				}
				in_cell = true;
				cell_from = t.e;
				cell_rs = t.rowspan;
				cell_cs = t.colspan;
			}
			block_from = t.e;
			continue;
		}

		/* outside data tables: every structural tag ends a prose block */
		if (!flush_prose(&h, block_from, t.b))
			goto nomem;
		block_from = t.e;
		if (t.kind == TK_TABLE && !t.close)
		{
			size_t		k = ordinal++;

			if (k < ntables && !layout[k])
			{
				in_data = true;
				in_row = false;
				in_cell = false;
				col = 0;
				memset(pending, 0, sizeof(pending));
				pending_end = 0;
			}
		}
	}
	/* the end of the input closes whatever is open */
	if (in_data)
	{
		if (in_cell)
		{
			size_t		b = cell_from,
						e = len;

			trim_span(&h, &b, &e);
			if (e == b)
				b = e = cell_from;
			if (!push(&h, GR_ITEM_CELL, GR_LAYOUT_HTML, b, e - b))
				goto nomem;
		}
		if (in_row && !push(&h, GR_ITEM_ROW_END, GR_LAYOUT_HTML, len, 0))
			goto nomem;
	}
	else if (!flush_prose(&h, block_from, len))
		goto nomem;
	gr_free(mem, layout);
	gr_free(mem, tags);
	return GR_OK;

nomem:
	gr_free(mem, layout);
	gr_free(mem, stack);
	gr_free(mem, tags);
	return gr_fail(err, GR_ERR_NOMEM, pos, "out of memory", NULL);
cancelled:
	gr_free(mem, layout);
	gr_free(mem, stack);
	gr_free(mem, tags);
	return gr_fail(err, GR_ERR_CANCELLED, pos, "canceled", NULL);
}

bool
gr_sniff_html(const char *buf, size_t len)
{
	size_t		i = 0;
	size_t		lim = len < 4096 ? len : 4096;

	/* BOM and white space, then markup */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && is_ws(buf[i]))
		i++;
	if (i < len && buf[i] == '<')
	{
		static const char *const opening[] = {
			"<html", "<!doctype html", "<body", "<head", "<meta", "<table", "<p",
			"<div", NULL
		};

		/* any of these tags in the first 4 KB, one look at each '<' */
		for (const char *p = buf + i; p && p < buf + lim;
			 p = memchr(p + 1, '<', (size_t) (buf + lim - p - 1)))
			for (int k = 0; opening[k]; k++)
				if (istarts(p, (size_t) (buf + lim - p), opening[k]))
					return true;
	}
	/* a fragment: tables in markup anywhere */
	return ifind(buf, len, 0, "<table") < len && ifind(buf, len, 0, "<td") < len &&
		ifind(buf, len, 0, "</td>") < len;
}
