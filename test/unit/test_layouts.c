/*
 * test_layouts.c - the hard layouts and encodings (issue 4): HTML pages,
 * pdftotext -layout, traditional characters, full-width digits, GB18030 /
 * Big5 / BOM bytes.  Every fixture under test/fixtures/layouts/ holds the
 * same report as a TAB fixture and must give the same cells (keys and
 * values); make_layouts.py there made them.
 */
#include "gr_test.h"
#include "test_mem.h"
#include "test_util.h"

#include "gr_core.h"
#include "gr_items.h"
#include "gr_layouts.h"
#include "gr_text.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

#define FIX "test/fixtures/"
#define LAY "test/fixtures/layouts/"

/*
 * Same cells (keys and values) in both reports; cells of table 3's total
 * column are expected NULL in b when blank_total.
 */
static void
check_same_cells(const gr_report *a, const gr_report *b, bool blank_total)
{
	size_t		nt2 = 0,
				nt3 = 0,
				nt4 = 0;

	CHECK_EQ_INT(a->ncells, b->ncells);
	for (size_t i = 0; i < a->ncells; i++)
	{
		const gr_cell *c = &a->cells[i];
		const char *want = c->has_value ? c->value : "NULL";

		if (strcmp(c->tbl, "t2") == 0)
			nt2++;
		if (strcmp(c->tbl, "t3") == 0)
			nt3++;
		if (strcmp(c->tbl, "t4") == 0)
			nt4++;
		if (blank_total && strcmp(c->tbl, "t3") == 0 && c->col_key &&
			strcmp(c->col_key, "total") == 0)
			want = "NULL";
		if (!CHECK_EQ_STR(cell_val(b, c->tbl, c->row_key, c->col_key), want))
			fprintf(stderr, "    cell %s %s/%s\n", c->tbl, c->row_key,
					c->col_key ? c->col_key : "-");
	}
	CHECK(nt2 > 0);
	CHECK(nt3 >= 133);
	CHECK_EQ_INT(nt4, 15);
	CHECK_EQ_INT(a->format, b->format);
	CHECK_EQ_INT(a->year, b->year);
}

/* Parse the TAB fixture and the layout fixture; compare. */
static void
same_as_tab(const char *tab, const char *other, gr_layout layout,
			bool blank_total)
{
	parsed		a = parse_file(tab);
	parsed		b = parse_file(other);

	REQUIRE(a.buf != NULL);
	REQUIRE(b.buf != NULL);
	REQUIRE_EQ_INT(a.st, GR_OK);
	if (!CHECK_EQ_INT(b.st, GR_OK))
	{
		fprintf(stderr, "    %s: %s\n", other, b.err.message);
		return;
	}
	REQUIRE_EQ_INT(a.n, 1);
	REQUIRE_EQ_INT(b.n, 1);
	if (layout != GR_LAYOUT_UNKNOWN)
		CHECK_EQ_STR(gr_layout_name(b.reps[0].layout), gr_layout_name(layout));
	check_same_cells(&a.reps[0], &b.reps[0], blank_total);
	check_positions(b.buf, b.len, &b.reps[0]);
}

/* ------------------------------------------------------------------ HTML */

/* the aligned reader's quick test of a token's last byte misses no token */
TEST(aligned_token_ends_table)
{
	CHECK(gr_aligned_check_ends() == 0);
}

TEST(html_page_same_as_tab_2021)
{
	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_html.html", GR_LAYOUT_HTML, false);
}

TEST(html_page_same_as_tab_2019)
{
	same_as_tab(FIX "t2019_tab.txt", LAY "t2019_html.html", GR_LAYOUT_HTML, false);
}

TEST(html_blank_total_column_is_null)
{
	parsed		b = parse_file(LAY "t2021_html_blank.html");
	const gr_cell *c;
	size_t		warned = 0;

	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_html_blank.html", GR_LAYOUT_HTML, true);
	REQUIRE_EQ_INT(b.st, GR_OK);
	REQUIRE_EQ_INT(b.n, 1);
	c = gr_report_find(&b.reps[0], "t3", "granted", "total");
	REQUIRE(c != NULL);
	CHECK(!c->has_value);
	CHECK(!b.reps[0].new_received.present);
	/* the blank cell is reported, never read as 0 */
	for (size_t i = 0; i < b.reps[0].nwarnings; i++)
		if (strstr(b.reps[0].warnings[i], "blank cell read as NULL"))
			warned++;
	CHECK(warned >= 20);
	CHECK_EQ_STR(cell_val(&b.reps[0], "t3", "granted", "natural_person"), "402");
}

/* A small page: entities, spans, <br> in labels, rowspan/colspan,
 * layout table around the content, script and comments with markup. */
static const char small_page[] =
	"<html><head><title>x</title><script>document.write('<td>9</td>')</script></head>\n"
	"<body><!-- <table><tr><td>本年新收政府信息公开申请数量</td></tr></table> -->\n"
	"<table><tr><td><table><tr><td>nav</td></tr></table>\n"
	"<p>某某区政府<span lang=EN-US>2021</span><span>年</span>政府信息公开工作年度报告</p>\n"
	"<p><span>四、政府信息公开行政复议、行政诉讼情况</span></p>\n"
	"<table border=1>\n"
	"<tr><td colspan=\"5\" rowspan='2'>行政<br/>复议</td><td colspan=10>行政诉讼</td></tr>\n"
	"<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>\n"
	"<tr><td>结果<br>维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
	"<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
	"<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>\n"
	"<tr><td><p><span>1</span></p></td><td>&#48;</td><td>&nbsp;</td><td>&#x31;</td><td>2</td>"
	"<td>&#xFF13;</td><td>0</td><td>0</td><td>0</td><td> 3 </td>"
	"<td><span lang=EN-US>1</span><span lang=EN-US>,234</span></td><td>0</td><td>0</td><td>0</td><td>1,234&#12288;</td></tr>\n"
	"</table></td></tr></table></body></html>\n";

TEST(html_small_page)
{
	size_t		len = strlen(small_page);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;
	const gr_report *r;
	const gr_cell *c;

	REQUIRE(buf != NULL);
	memcpy(buf, small_page, len);
	CHECK_EQ_INT(gr_sniff_layout(buf, len), GR_LAYOUT_HTML);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(cell_val(r, "t4", "review", "maintained"), "1");
	CHECK_EQ_STR(cell_val(r, "t4", "review", "corrected"), "0");
	CHECK_EQ_STR(cell_val(r, "t4", "review", "other"), "NULL");	/* &nbsp; */
	CHECK_EQ_STR(cell_val(r, "t4", "review", "pending"), "1");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_direct", "maintained"), "3");	/* &#xFF13; */
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_direct", "total"), "3");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_after_review", "maintained"), "1234");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_after_review", "total"), "1234");
	/* printed: the text run itself, entities as in the source */
	c = gr_report_find(r, "t4", "review", "maintained");
	REQUIRE(c != NULL);
	CHECK_EQ_STRN(buf + c->off, c->len, "1");
	c = gr_report_find(r, "t4", "review", "corrected");
	REQUIRE(c != NULL);
	CHECK_EQ_STRN(buf + c->off, c->len, "&#48;");
	c = gr_report_find(r, "t4", "litigation_after_review", "total");
	REQUIRE(c != NULL);
	CHECK_EQ_STRN(buf + c->off, c->len, "1,234");	/* a trailing blank entity is trimmed */
	c = gr_report_find(r, "t4", "review", "other");
	REQUIRE(c != NULL);
	CHECK_EQ_INT(c->len, 0);
	/* a number Word split over two runs: read whole, printed raw */
	c = gr_report_find(r, "t4", "litigation_after_review", "maintained");
	REQUIRE(c != NULL);
	CHECK_EQ_STRN(buf + c->off, c->len, "1</span><span lang=EN-US>,234");
	CHECK_EQ_INT(r->year, 2021);
	check_positions(buf, len, r);
}

TEST(html_unclosed_and_deep_nesting)
{
	/* 3000 nested tables and unterminated markup: no recursion, no crash */
	size_t		n = 3000;
	size_t		cap = n * 20 + 200;
	char	   *buf = gr_alloc(test_mem(), cap);
	size_t		len = 0;
	parsed		p;

	REQUIRE(buf != NULL);
	len += (size_t) snprintf(buf + len, cap - len, "<html><body>");
	for (size_t i = 0; i < n; i++)
		len += (size_t) snprintf(buf + len, cap - len, "<table><tr><td>");
	len += (size_t) snprintf(buf + len, cap - len, "行政复议 &amp <td rowspan=99999999 colspan=99999999>1<!-- x");
	p = parse_buf(buf, len);
	CHECK_EQ_INT(p.st, GR_OK);
	CHECK_EQ_INT(p.n, 0);
}

/* --------------------------------------------------------------- aligned */

TEST(aligned_same_as_tab_2021_page_break_in_table3)
{
	size_t		len;
	char	   *buf = gr_test_read_file(LAY "t2021_aligned.txt", &len);

	REQUIRE(buf != NULL);
	/* the fixture really breaks table 3 over two pages */
	CHECK(memchr(buf, '\f', len) != NULL);
	CHECK(strstr(buf, "— 1 —") != NULL);
	CHECK_EQ_INT(gr_sniff_layout(buf, len), GR_LAYOUT_ALIGNED);
	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_aligned.txt", GR_LAYOUT_ALIGNED, false);
}

TEST(aligned_same_as_tab_2019)
{
	same_as_tab(FIX "t2019_tab.txt", LAY "t2019_aligned.txt", GR_LAYOUT_ALIGNED, false);
}

/* A label wrapped below its number line, full-width numbers, a footer. */
static const char small_aligned[] =
	"某某局2021年政府信息公开工作年度报告\n"
	"    第二十条第（一）项\n"
	"    信息内容          本年制发件数  本年废止件数  现行有效件数\n"
	"    规章                        ０            ０            ２\n"
	"    行政规范性                  ５            ２           ３７\n"
	"    文件\n"
	"    第二十条第（五）项\n"
	"    信息内容          本年处理决定数量\n"
	"    行政许可                 １，２３４\n"
	"                                                   - 3 -\n";

TEST(aligned_small_wrapped_and_fullwidth)
{
	size_t		len = strlen(small_aligned);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;
	const gr_report *r;

	REQUIRE(buf != NULL);
	memcpy(buf, small_aligned, len);
	CHECK_EQ_INT(gr_sniff_layout(buf, len), GR_LAYOUT_ALIGNED);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(cell_val(r, "t2", "regulations", "in_force"), "2");
	CHECK_EQ_STR(cell_val(r, "t2", "normative_docs", "issued"), "5");
	CHECK_EQ_STR(cell_val(r, "t2", "normative_docs", "in_force"), "37");
	CHECK_EQ_STR(cell_val(r, "t2", "licensing", "decisions"), "1234");
	CHECK_EQ_INT(r->year, 2021);
	check_positions(buf, len, r);
}

/* ----------------------------------------------------------- traditional */

TEST(traditional_same_as_tab)
{
	parsed		b = parse_file(LAY "t2021_trad.txt");

	REQUIRE(b.buf != NULL);
	CHECK(gr_has_traditional(b.buf, b.len));
	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_trad.txt", GR_LAYOUT_TAB, false);
	/* the printed text stays the original's, the agency too */
	REQUIRE_EQ_INT(b.n, 1);
	CHECK_EQ_STR(b.reps[0].agency, "青禾區生態環境局");
	check_positions(b.buf, b.len, &b.reps[0]);
}

TEST(traditional_html_same_as_tab)
{
	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_trad_html.html", GR_LAYOUT_HTML, false);
}

TEST(simplified_text_is_not_traditional)
{
	size_t		len;
	char	   *buf = gr_test_read_file(FIX "t2021_tab.txt", &len);

	REQUIRE(buf != NULL);
	CHECK(!gr_has_traditional(buf, len));
}

/* ------------------------------------------------------------- full-width */

TEST(fullwidth_digits_same_as_tab)
{
	same_as_tab(FIX "t2021_tab.txt", LAY "t2021_fullwidth.txt", GR_LAYOUT_TAB, false);
	same_as_tab(FIX "t2019_tab.txt", LAY "t2019_fullwidth.txt", GR_LAYOUT_TAB, false);
}

TEST(fullwidth_number_grammar)
{
	static const struct
	{
		const char *in;
		const char *value;
	}			cases[] = {
		{"１２３", "123"},
		{"－５", "-5"},
		{"＋２１４", "214"},
		{"１，２３４", "1234"},
		{"３２，６９４．３２５３", "32694.3253"},
		{"\u3000０", "0"},
		{"３３％", "33"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		gr_cell		c;

		memset(&c, 0, sizeof(c));
		CHECK_EQ_INT(gr_read_number(cases[i].in, strlen(cases[i].in), test_mem(), &c),
					 GR_NUM_OK);
		CHECK_EQ_STR(c.value, cases[i].value);
	}
}

/* ------------------------------------------------------------- encodings */

static void
decoded_same_as_tab(const char *path, const char *want_detected)
{
	size_t		len;
	char	   *bytes = gr_test_read_file(path, &len);
	char	   *utf8 = NULL;
	size_t		ulen = 0;
	const char *det = NULL;
	gr_error	err;
	parsed		a = parse_file(FIX "t2021_tab.txt");
	parsed		b;

	REQUIRE(bytes != NULL);
	REQUIRE_EQ_INT(gr_decode(bytes, len, test_mem(), &utf8, &ulen, &det, &err), GR_OK);
	CHECK_EQ_STR(det, want_detected);
	b = parse_buf(utf8, ulen);
	REQUIRE_EQ_INT(a.st, GR_OK);
	REQUIRE_EQ_INT(b.st, GR_OK);
	REQUIRE_EQ_INT(b.n, 1);
	check_same_cells(&a.reps[0], &b.reps[0], false);
}

TEST(decode_gb18030)
{
	decoded_same_as_tab(LAY "t2021_gb18030.txt", "GB18030");
}

TEST(decode_big5_traditional)
{
	decoded_same_as_tab(LAY "t2021_big5.txt", "Big5");
}

TEST(decode_utf8_bom)
{
	size_t		len,
				tlen;
	char	   *bytes = gr_test_read_file(LAY "t2021_bom.txt", &len);
	char	   *tab = gr_test_read_file(FIX "t2021_tab.txt", &tlen);
	char	   *utf8;
	size_t		ulen;
	const char *det;
	gr_error	err;

	REQUIRE(bytes != NULL && tab != NULL);
	REQUIRE_EQ_INT(gr_decode(bytes, len, test_mem(), &utf8, &ulen, &det, &err), GR_OK);
	CHECK_EQ_STR(det, "UTF-8 with BOM");
	REQUIRE_EQ_INT(ulen, tlen);
	CHECK(memcmp(utf8, tab, tlen) == 0);
	REQUIRE_EQ_INT(gr_decode(tab, tlen, test_mem(), &utf8, &ulen, &det, &err), GR_OK);
	CHECK_EQ_STR(det, "UTF-8");
}

TEST(decode_undecodable_offset)
{
	size_t		len;
	char	   *gb = gr_test_read_file(LAY "t2021_gb18030.txt", &len);
	char	   *utf8;
	size_t		ulen;
	const char *det;
	gr_error	err;

	REQUIRE(gb != NULL && len > 400);
	/* a lead byte followed by a control byte: no GB18030 sequence */
	gb[300] = (char) 0x81;
	gb[301] = (char) 0x0A;
	if (((unsigned char) gb[299]) >= 0x81)
		gb[299] = ' ';			/* keep the previous character whole */
	CHECK_EQ_INT(gr_decode(gb, len, test_mem(), &utf8, &ulen, &det, &err),
				 GR_ERR_ENCODING);
	CHECK_EQ_INT(err.status, GR_ERR_ENCODING);
	CHECK(err.offset >= 299 && err.offset <= 300);
	/* NUL bytes: no text */
	CHECK_EQ_INT(gr_decode("ab\0\xb0\xa1", 5, test_mem(), &utf8, &ulen, &det, &err),
				 GR_ERR_ENCODING);
	CHECK_EQ_INT(err.offset, 2);
}

/* ------------------------------------------------------------- robustness */

TEST(layouts_allocation_failure)
{
	static const char *const files[] = {
		LAY "t2021_html.html", LAY "t2021_aligned.txt", LAY "t2021_trad.txt",
		LAY "t2021_glued.txt", LAY "t2021_ambiguous_glued.txt"
	};

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++)
	{
		size_t		len;
		char	   *buf = gr_test_read_file(files[f], &len);

		REQUIRE(buf != NULL);
		CHECK(parse_failing_allocations(buf, len, 300, 5) > 0);
	}
}

static bool
stop_now(void *ctx)
{
	int		   *calls = ctx;

	return ++*calls > 0;
}

TEST(layouts_cancellation)
{
	static const char *const files[] = {
		LAY "t2021_html.html", LAY "t2021_aligned.txt", LAY "t2021_glued.txt",
		LAY "t2021_trad.txt"
	};

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++)
	{
		size_t		len;
		char	   *buf = gr_test_read_file(files[f], &len);
		gr_options	opt = {0};
		gr_report	r;
		gr_error	err;
		int			calls = 0;

		REQUIRE(buf != NULL);
		opt.stop = stop_now;
		opt.stop_ctx = &calls;
		CHECK_EQ_INT(gr_parse(buf, len, &opt, test_mem(), &r, &err), GR_ERR_CANCELLED);
	}
}

/* ----------------------------------------------------------------- glued */

/* Cells of a and b agree, except table 2 rows of several columns, which
 * glued text cannot split (NULL in b); returns how many t3/t4 cells. */
static size_t
same_t3_t4(const gr_report *a, const gr_report *b)
{
	size_t		n = 0;

	CHECK_EQ_INT(a->ncells, b->ncells);
	for (size_t i = 0; i < a->ncells; i++)
	{
		const gr_cell *c = &a->cells[i];
		const char *got = cell_val(b, c->tbl, c->row_key, c->col_key);

		if (strcmp(c->tbl, "t2") == 0)
		{
			/* present with the same keys; NULL or the same value */
			if (strcmp(got, "NULL") != 0)
				CHECK_EQ_STR(got, c->has_value ? c->value : "NULL");
			CHECK(strcmp(got, "MISSING") != 0);
			continue;
		}
		if (strcmp(c->tbl, "t3") != 0 && strcmp(c->tbl, "t4") != 0)
			continue;
		n++;
		CHECK_EQ_STR(got, c->has_value ? c->value : "NULL");
	}
	return n;
}

TEST(glued_unique_split_2021)
{
	parsed		a = parse_file(FIX "t2021_tab.txt");
	parsed		b = parse_file(LAY "t2021_glued.txt");

	REQUIRE_EQ_INT(a.st, GR_OK);
	REQUIRE_EQ_INT(b.st, GR_OK);
	REQUIRE_EQ_INT(b.n, 1);
	CHECK_EQ_INT(gr_sniff_layout(b.buf, b.len), GR_LAYOUT_GLUED);
	CHECK_EQ_STR(gr_layout_name(b.reps[0].layout), "glued");
	/* 25 rows x 7 and the 15 of table 4: every one recovered */
	CHECK_EQ_INT(same_t3_t4(&a.reps[0], &b.reps[0]), 25 * 7 + 15);
	CHECK(!has_warning(&b.reps[0], "consistently"));
	CHECK(!has_warning(&b.reps[0], "table 3"));
	CHECK_EQ_STR(cell_val(&b.reps[0], "t3", "new_received", "natural_person"), "1102");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t3", "new_received", "total"), "1210");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "licensing", "decisions"), "1234");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "admin_fees", "amount_10k_yuan"), "3.2150");
	/* "002" splits one way only into three printed numbers; "5237" not */
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "regulations", "in_force"), "2");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "normative_docs", "in_force"), "NULL");
	CHECK(has_warning(&b.reps[0], "\"5237\" splits several ways"));
	check_positions(b.buf, b.len, &b.reps[0]);
	/* a split value's span is its digits inside the glued run */
	{
		const gr_cell *c = gr_report_find(&b.reps[0], "t3", "new_received", "research_institution");

		REQUIRE(c != NULL);
		CHECK_EQ_STRN(b.buf + c->off, c->len, "3");
		CHECK(memcmp(b.buf + c->off - 6, "1102873", 7) == 0);
	}
}

TEST(glued_unique_split_2019)
{
	parsed		a = parse_file(FIX "t2019_tab.txt");
	parsed		b = parse_file(LAY "t2019_glued.txt");

	REQUIRE_EQ_INT(a.st, GR_OK);
	REQUIRE_EQ_INT(b.st, GR_OK);
	REQUIRE_EQ_INT(b.n, 1);
	CHECK_EQ_INT(same_t3_t4(&a.reps[0], &b.reps[0]), 23 * 7 + 15);
	/* "352+21412876": the sign ends the first column; the rest is open */
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "licensing", "prev_items"), "352");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "licensing", "delta"), "NULL");
	CHECK_EQ_STR(cell_val(&b.reps[0], "t2", "admin_fees", "delta"), "-5");
	check_positions(b.buf, b.len, &b.reps[0]);
}

TEST(glued_two_consistent_splits)
{
	parsed		a = parse_file(LAY "t2021_ambiguous_tab.txt");
	parsed		b = parse_file(LAY "t2021_ambiguous_glued.txt");
	const gr_report *r;

	REQUIRE_EQ_INT(a.st, GR_OK);
	REQUIRE_EQ_INT(b.st, GR_OK);
	REQUIRE_EQ_INT(b.n, 1);
	r = &b.reps[0];
	/* the cells the two splits disagree on are NULL, never guessed */
	CHECK_EQ_STR(cell_val(r, "t3", "denied.third_party_rights", "natural_person"), "NULL");
	CHECK_EQ_STR(cell_val(r, "t3", "denied.third_party_rights", "commercial_enterprise"), "NULL");
	CHECK_EQ_STR(cell_val(r, "t3", "denied.internal_affairs", "natural_person"), "NULL");
	CHECK_EQ_STR(cell_val(r, "t3", "denied.internal_affairs", "commercial_enterprise"), "NULL");
	/* what they agree on is kept */
	CHECK_EQ_STR(cell_val(r, "t3", "denied.third_party_rights", "total"), "12");
	CHECK_EQ_STR(cell_val(r, "t3", "denied.internal_affairs", "research_institution"), "0");
	CHECK_EQ_STR(cell_val(r, "t3", "processed_total", "natural_person"), "1084");
	CHECK_EQ_STR(cell_val(r, "t3", "new_received", "total"), "1209");
	CHECK(has_warning(r, "2 splits of table 3 satisfy R1-R3"));
	CHECK(has_warning(r, "\"111000012\" splits 2 ways consistently (1,11,0,0,0,0,12 | 11,1,0,0,0,0,12)"));
	/* everything else as in the TAB report */
	for (size_t i = 0; i < a.reps[0].ncells; i++)
	{
		const gr_cell *c = &a.reps[0].cells[i];

		if (strcmp(c->tbl, "t3") != 0 && strcmp(c->tbl, "t4") != 0)
			continue;
		if (strncmp(c->row_key, "denied.third_party_rights", 25) == 0 ||
			strncmp(c->row_key, "denied.internal_affairs", 23) == 0)
			if (strcmp(c->col_key, "natural_person") == 0 ||
				strcmp(c->col_key, "commercial_enterprise") == 0)
				continue;
		CHECK_EQ_STR(cell_val(r, c->tbl, c->row_key, c->col_key), c->has_value ? c->value : "NULL");
	}
}

/* Table 4 alone, glued, with a row that no split satisfies. */
static const char glued_t4[] =
	"某某局2021年政府信息公开工作年度报告\n"
	"一、本年新收政府信息公开申请数量3000003\n"
	"二、上年结转政府信息公开申请数量0000000\n"
	"（一）予以公开2000002\n"
	"（七）总计2000002\n"
	"四、结转下年度继续办理1000001\n"
	"四、政府信息公开行政复议、行政诉讼情况\n"
	"行政复议行政诉讼\n"
	"结果维持结果纠正其他结果尚未审结总计\n"
	"101021001201203\n";

TEST(glued_table4_and_identities)
{
	size_t		len = strlen(glued_t4);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;
	const gr_report *r;

	REQUIRE(buf != NULL);
	memcpy(buf, glued_t4, len);
	CHECK_EQ_INT(gr_sniff_layout(buf, len), GR_LAYOUT_GLUED);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	/* 1,0,1,0,0... : R6-R8 leave 1,0,1,0,2 | 1,0,0,1,2 | 0,1,2,0,3 */
	CHECK_EQ_STR(cell_val(r, "t4", "review", "maintained"), "1");
	CHECK_EQ_STR(cell_val(r, "t4", "review", "total"), "2");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_direct", "pending"), "1");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_after_review", "other"), "2");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_after_review", "total"), "3");
	/* table 3 rows: R3 holds, R1/R2 hold with these rows */
	CHECK_EQ_STR(cell_val(r, "t3", "new_received", "natural_person"), "3");
	CHECK_EQ_STR(cell_val(r, "t3", "carried_forward", "total"), "1");
	check_positions(buf, len, r);
}

TEST(glued_no_split_is_null)
{
	static const char txt[] =
		"某某局2021年政府信息公开工作年度报告\n"
		"一、本年新收政府信息公开申请数量3000004\n"	/* 3 != 4: no R3 split */
		"二、上年结转政府信息公开申请数量0000000\n"
		"（一）予以公开2000002\n"
		"（七）总计2000002\n"
		"四、结转下年度继续办理1000001\n";
	size_t		len = strlen(txt);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;

	REQUIRE(buf != NULL);
	memcpy(buf, txt, len);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "natural_person"), "NULL");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "total"), "NULL");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "granted", "total"), "2");
	CHECK(has_warning(&p.reps[0], "satisfies R3; the row is NULL"));
}

TEST(glued_search_cap)
{
	/* 110 digits: beyond the step cap; the row is NULL and said so */
	char		txt[600];
	size_t		len = 0;
	parsed		p;
	char	   *buf;

	len += (size_t) snprintf(txt + len, sizeof(txt) - len, "%s",
							 "某某局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量");
	for (int i = 0; i < 110; i++)
		txt[len++] = (char) ('1' + i % 9);
	len += (size_t) snprintf(txt + len, sizeof(txt) - len, "%s",
							 "\n二、上年结转政府信息公开申请数量0000000\n（一）予以公开2000002\n"
							 "（七）总计2000002\n四、结转下年度继续办理1000001\n");
	buf = gr_alloc(test_mem(), len + 1);
	REQUIRE(buf != NULL);
	memcpy(buf, txt, len);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "total"), "NULL");
	CHECK(has_warning(&p.reps[0], "cap"));
}

/* Continuation lines padded by display width (CJK = 2 columns) instead of
 * pdftotext's one column per character: both are recognised. */
static const char aligned_display[] =
	"某某局2021年政府信息公开工作年度报告\n"
	"一、本年新收政府信息公开申请数量    3   0   0   0   0   0   3\n"
	"二、上年结转政府信息公开申请数量    0   0   0   0   0   0   0\n"
	"（四）无法提供  1.本机关不掌握相关政府信    2   0   0   0   0   0   2\n"
	"                息\n"
	"                2.没有现成信息需要另行制    1   0   0   0   0   0   1\n"
	"                作\n";

TEST(aligned_display_width_columns)
{
	size_t		len = strlen(aligned_display);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;

	REQUIRE(buf != NULL);
	memcpy(buf, aligned_display, len);
	CHECK_EQ_INT(gr_sniff_layout(buf, len), GR_LAYOUT_ALIGNED);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "unable.not_held", "natural_person"), "2");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "unable.needs_creation", "total"), "1");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "total"), "3");
}

TEST(parse_bytes_says_encoding)
{
	size_t		len;
	char	   *bytes = gr_test_read_file(LAY "t2021_big5.txt", &len);
	char	   *utf8;
	size_t		ulen;
	gr_report	r;
	gr_report  *reps;
	size_t		n;
	gr_error	err;
	gr_options	opt = {0};

	REQUIRE(bytes != NULL);
	REQUIRE_EQ_INT(gr_parse_bytes(bytes, len, &opt, test_mem(), &utf8, &ulen, &r, &err), GR_OK);
	CHECK_EQ_STR(r.warnings[r.nwarnings - 1], "encoding: Big5 (detected from the bytes)");
	CHECK_EQ_STR(cell_val(&r, "t3", "new_received", "total"), "1210");
	CHECK_EQ_STR(r.agency, "青禾區生態環境局");
	check_positions(utf8, ulen, &r);
	REQUIRE_EQ_INT(gr_parse_all_bytes(bytes, len, &opt, test_mem(), &utf8, &ulen, &reps, &n, &err), GR_OK);
	REQUIRE_EQ_INT(n, 1);
	CHECK_EQ_STR(reps[0].warnings[reps[0].nwarnings - 1], "encoding: Big5 (detected from the bytes)");
	/* the size limit applies to the raw bytes, before any work */
	opt.max_bytes = 100;
	CHECK_EQ_INT(gr_parse_bytes(bytes, len, &opt, test_mem(), &utf8, &ulen, &r, &err), GR_ERR_TOO_LARGE);
}

/* Numbers on a line of their own, between the lines of their label. */
static const char aligned_between[] =
	"某某局2021年政府信息公开工作年度报告\n"
	"一、本年新收政府信息公开申请数量    3   0   0   0   0   0   3\n"
	"二、上年结转政府信息公开申请数量    0   0   0   0   0   0   0\n"
	"            2.其他法律行政法规禁止公\n"
	"                                        1   0   0   0   0   0   1\n"
	"            开\n"
	"            3.危及“三安全一稳定”        2   0   0   0   0   0   2\n";

TEST(aligned_numbers_between_label_lines)
{
	size_t		len = strlen(aligned_between);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;

	REQUIRE(buf != NULL);
	memcpy(buf, aligned_between, len);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "denied.law_prohibited", "natural_person"), "1");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "denied.security_stability", "total"), "2");
}

/* The applicant header wrapped ("商业"/"企业"): still 7 columns. */
static const char aligned_header[] =
	"某某局2021年政府信息公开工作年度报告\n"
	"三、收到和处理政府信息公开申请情况\n"
	"                                          申请人情况\n"
	"                                   自然人        法人或其他组织          总计\n"
	"                                          商业  科研  社会公益  法律服务  其他\n"
	"                                          企业  机构  组织      机构\n"
	"一、本年新收政府信息公开申请数量    3   0   0   0   0   1   4\n"
	"二、上年结转政府信息公开申请数量    0   0   0   0   0   0   0\n"
	"            （一）予以公开          2   0   0   0   0   0   2\n";

TEST(aligned_wrapped_applicant_header)
{
	size_t		len = strlen(aligned_header);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;

	REQUIRE(buf != NULL);
	memcpy(buf, aligned_header, len);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "other_org"), "1");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t3", "new_received", "total"), "4");
	CHECK(!has_warning(&p.reps[0], "3 applicant columns"));
}

TEST(html_entity_inside_number)
{
	static const char page[] =
		"<html><body><p>某某局2021年政府信息公开工作年度报告</p><table>"
		"<tr><td>行政复议</td></tr>"
		"<tr><td>1&#44;234</td><td>0</td><td>0</td><td>0</td><td>1&#x2C;234</td>"
		"<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
		"<td>0</td><td>0</td><td>0</td><td>0</td><td>&#48;</td></tr></table></body></html>";
	size_t		len = strlen(page);
	char	   *buf = gr_alloc(test_mem(), len + 1);
	parsed		p;
	const gr_cell *c;

	REQUIRE(buf != NULL);
	memcpy(buf, page, len);
	p = parse_buf(buf, len);
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_STR(cell_val(&p.reps[0], "t4", "review", "maintained"), "1234");
	CHECK_EQ_STR(cell_val(&p.reps[0], "t4", "review", "total"), "1234");
	c = gr_report_find(&p.reps[0], "t4", "review", "maintained");
	REQUIRE(c != NULL);
	CHECK_EQ_STRN(buf + c->off, c->len, "1&#44;234");
}
