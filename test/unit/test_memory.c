/*
 * test_memory.c - transient memory of a parse on table-dense input.
 *
 * A page made of table rows (a report whose table 3 is repeated, the kind
 * of page a broken scraper produces) has an item every few bytes.  The
 * bytes the core holds at once, counted through the gr_mem callback (the
 * sizes it asks for, live high-water mark), must stay within MEM_FACTOR
 * times the input on every layout: a count, not RSS, so it cannot flake.
 * The inputs are fixtures whose table-3 block, or the rows inside it, are
 * repeated up to DENSE_BYTES, and a page of many short reports (each one
 * returned, with its cells and warnings).
 */
#include "gr_test.h"
#include "test_mem.h"

#include "gr_items.h"
#include "gr_layouts.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

#define MEM_FACTOR 4
/* above GR_ITEMS_COUNT_FROM, so that the producers count their items */
#define DENSE_BYTES ((size_t) 640 * 1024)

typedef struct dense_case
{
	const char *name;
	const char *path;
	const char *from;			/* the first line repeated holds this */
	int			back;			/* lines above it repeated too */
	const char *to;				/* the first line after the repeated part
								 * holds this (NULL: the end of the text);
								 * blank lines before it are not repeated */
} dense_case;

#define T3_HEAD "三、收到和处理政府信息公开申请情况"
#define T4_HEAD "四、政府信息公开行政复议"
#define T4_HEAD_2019 "四、因政府信息公开工作被申请行政复议"
#define T3_ROW2 "二、上年结转"

static size_t
line_start(const char *s, size_t p)
{
	while (p > 0 && s[p - 1] != '\n')
		p--;
	return p;
}

static bool
blank_line(const char *s, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* The fixture with lines [from, to) repeated until it has DENSE_BYTES. */
static char *
make_dense(const dense_case *c, size_t *outlen)
{
	size_t		len;
	char	   *src = gr_test_read_file(c->path, &len);
	const char *p;
	size_t		a,
				e = len,
				blen,
				reps,
				n = 0;
	char	   *doc;

	if (!src || !(p = gr_find(src, len, c->from)))
		return NULL;
	a = line_start(src, (size_t) (p - src));
	for (int k = 0; k < c->back && a > 0; k++)
		a = line_start(src, a - 1);
	if (c->to)
	{
		p = gr_find(src + a, len - a, c->to);
		if (!p)
			return NULL;
		e = line_start(src, (size_t) (p - src));
	}
	while (e > a && blank_line(src, line_start(src, e - 1), e))
		e = line_start(src, e - 1);
	blen = e - a;
	if (blen == 0)
		return NULL;
	reps = (DENSE_BYTES - len) / blen + 1;
	doc = gr_alloc(test_mem(), len + reps * blen);
	if (!doc)
		return NULL;
	memcpy(doc, src, e);
	n = e;
	for (size_t k = 0; k < reps; k++, n += blen)
		memcpy(doc + n, src + a, blen);
	memcpy(doc + n, src + e, len - e);
	*outlen = n + len - e;
	return doc;
}

/*
 * Parse the dense text of c: GR_OK, the peak of the bytes the core held at
 * once within MEM_FACTOR times the input, and producers that count first
 * (all but HTML) allocate exactly the items they make.
 */
static void
check_dense(const dense_case *c, bool counted)
{
	size_t		len = 0;
	char	   *doc = make_dense(c, &len);
	gr_report  *reps = NULL;
	size_t		n = 0,
				base,
				peak;
	gr_error	err;
	gr_status	st;

	if (!gr_test_check(doc != NULL, __FILE__, __LINE__, "%s: no dense text from %s",
					   c->name, c->path))
		return;
	memset(&err, 0, sizeof(err));
	base = test_mem_bytes();
	test_mem_peak_reset();
	st = gr_parse_all(doc, len, NULL, test_mem(), &reps, &n, &err);
	peak = test_mem_peak_bytes() - base;
	gr_test_check(st == GR_OK && n >= 1, __FILE__, __LINE__,
				  "%s: status %d, %zu reports (%s)", c->name, (int) st, n, err.message);
	gr_test_check(peak <= MEM_FACTOR * len, __FILE__, __LINE__,
				  "%s: the core held %zu bytes at once for %zu bytes of input (%.2fx, limit %dx)",
				  c->name, peak, len, (double) peak / (double) len, MEM_FACTOR);

	if (counted)
	{
		gr_items	items;
		gr_notes	notes;
		const char *text;
		char	   *owned;

		memset(&items, 0, sizeof(items));
		memset(&notes, 0, sizeof(notes));
		st = gr_tokenise(doc, len, NULL, test_mem(), &items, &text, &owned,
						 &notes, &err);
		CHECK_EQ_INT(st, GR_OK);
		gr_test_check(items.n > 0 && items.cap == items.n, __FILE__, __LINE__,
					  "%s: %zu items in an array of %zu (counted first: the same)",
					  c->name, items.n, items.cap);
	}
}

/* Table 3 repeated whole (orphan table blocks, verbatim repeats), then its
 * rows repeated inside the table (one report, repeated rows). */
static void
check_layout(const char *name, const char *path, int back, const char *t4,
			 const char *rows_to, bool counted)
{
	char		n1[64],
				n2[64];
	dense_case	block = {n1, path, T3_HEAD, 0, t4};
	dense_case	rows = {n2, path, T3_ROW2, back, rows_to};

	snprintf(n1, sizeof(n1), "%s, table 3 repeated", name);
	snprintf(n2, sizeof(n2), "%s, table-3 rows repeated", name);
	check_dense(&block, counted);
	check_dense(&rows, counted);
}

TEST(mem_dense_tab)
{
	/* TAB rows end with a blank line: repeat it with the row */
	check_layout("tab", "test/fixtures/t2021_tab.txt", 1, T4_HEAD, T4_HEAD, true);
}

TEST(mem_dense_pipe)
{
	/* this one heads table 4 the 2019 way */
	check_layout("pipe", "test/fixtures/t2021_pipe.txt", 0, T4_HEAD_2019,
				 T4_HEAD_2019, true);
}

TEST(mem_dense_markdown)
{
	check_layout("markdown", "test/fixtures/t2021_md.txt", 0, T4_HEAD, T4_HEAD, true);
}

TEST(mem_dense_html)
{
	/* the HTML producer does not count first (few items per byte) */
	check_layout("html", "test/fixtures/layouts/t2021_html.html", 0, T4_HEAD,
				 "</table>", false);
}

TEST(mem_dense_aligned)
{
	check_layout("aligned", "test/fixtures/layouts/t2021_aligned.txt", 0, T4_HEAD,
				 T4_HEAD, true);
}

TEST(mem_dense_glued)
{
	check_layout("glued", "test/fixtures/layouts/t2021_glued.txt", 0, T4_HEAD,
				 T4_HEAD, true);
}

TEST(mem_dense_stats_table)
{
	/* every repeated row is kept as a warning: the output grows too */
	dense_case	c = {"stats_table, rows repeated", "test/fixtures/legacy_stats.txt",
	"二、回应解读情况", 1, NULL};

	check_dense(&c, true);
}

TEST(mem_dense_narrative)
{
	dense_case	c = {"narrative, figure lines repeated",
		"test/fixtures/legacy_narrative_traps.txt",
	"本中心共主动公开", 0, "三、人员和收支情况"};

	check_dense(&c, true);
}

TEST(parse_refuses_text_above_parse_max)
{
	gr_report  *reps;
	size_t		n;
	gr_error	err;

	/* refused before the text is read: one byte stands for all of it */
	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(gr_parse_all("x", GR_PARSE_MAX + 1, NULL, test_mem(), &reps, &n, &err),
				 GR_ERR_TOO_LARGE);
	CHECK_EQ_INT(err.status, GR_ERR_TOO_LARGE);
	CHECK_EQ_INT(test_mem_count(), 0);
}

/*
 * A page of many small reports (a scraped listing that holds hundreds of
 * short narrative reports): every report is returned, so its cells,
 * values and warnings are output, and each must still be kept near its
 * size (a report starts with room for its cells and gives back what it
 * did not use).
 */
TEST(mem_many_small_reports)
{
	char	   *doc = gr_alloc(test_mem(), DENSE_BYTES + 1024);
	size_t		len = 0;
	gr_report  *reps = NULL;
	size_t		n = 0,
				base,
				peak,
				k;
	gr_error	err;
	gr_status	st;

	REQUIRE(doc != NULL);
	for (k = 0; len + 512 < DENSE_BYTES; k++)
		len += (size_t) snprintf(doc + len, DENSE_BYTES + 1024 - len,
								 "某某区第%zu局%zu年政府信息公开工作年度报告\n"
								 "本机关共受理政府信息公开申请%zu件，已全部办结，上年结转0件，结转下年度0件。\n"
								 "本年度未发生政府信息公开行政复议。\n\n",
								 k, 1000 + k, k + 3);
	memset(&err, 0, sizeof(err));
	base = test_mem_bytes();
	test_mem_peak_reset();
	st = gr_parse_all(doc, len, NULL, test_mem(), &reps, &n, &err);
	peak = test_mem_peak_bytes() - base;
	CHECK_EQ_INT(st, GR_OK);
	CHECK_EQ_INT((long long) n, (long long) k);
	gr_test_check(n > 0 && reps[0].ncells == 4, __FILE__, __LINE__,
				  "the first report has %zu cells", n ? reps[0].ncells : 0);
	gr_test_check(peak <= MEM_FACTOR * len, __FILE__, __LINE__,
				  "%zu reports: the core held %zu bytes at once for %zu bytes of input (%.2fx, limit %dx)",
				  n, peak, len, (double) peak / (double) len, MEM_FACTOR);
}
