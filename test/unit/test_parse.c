/*
 * test_parse.c - the parsing core on the project's own fixtures: template
 * tables in TAB, pipe and markdown layouts, positions, malformed input,
 * limits, cancellation and allocation failure.
 */
#include "gr_test.h"
#include "test_mem.h"
#include "test_util.h"

#include "gr_core.h"
#include "gr_text.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

/* Cells of the template tables 2-4 (narrative figures not counted). */
static size_t
table_cells(const gr_report *r)
{
	size_t		n = 0;

	for (size_t i = 0; i < r->ncells; i++)
		if (r->cells[i].tbl[0] == 't')
			n++;
	return n;
}

/* Two reports hold the same cells: same keys, same values. */
static void
check_same_cells(const gr_report *a, const gr_report *b)
{
	CHECK_EQ_INT(table_cells(a), table_cells(b));
	for (size_t i = 0; i < a->ncells; i++)
	{
		const gr_cell *c = &a->cells[i];

		if (c->tbl[0] != 't')
			continue;

		CHECK_EQ_STR(cell_val(b, c->tbl, c->row_key, c->col_key),
					 c->has_value ? c->value : "NULL");
	}
}

TEST(t2021_tab_values)
{
	parsed		p = parse_file("test/fixtures/t2021_tab.txt");
	const gr_report *r;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "template_2021");
	CHECK_EQ_STR(gr_layout_name(r->layout), "tab");
	CHECK_EQ_STR(r->agency, "青禾区生态环境局");
	CHECK_EQ_INT(r->year, 2021);
	CHECK_EQ_INT(table_cells(r), 10 + 25 * 7 + 15);
	CHECK_EQ_INT(r->nwarnings, 0);
	CHECK(r->new_received.present && r->new_received.v == 1210);
	CHECK(r->carried_over.present && r->carried_over.v == 48);
	CHECK(r->processed_total.present && r->processed_total.v == 1199);
	CHECK(r->carried_forward.present && r->carried_forward.v == 59);
	CHECK_EQ_STR(cell_val(r, "t3", "new_received", "natural_person"), "1102");
	CHECK_EQ_STR(cell_val(r, "t3", "unable.not_held", "total"), "422");
	CHECK_EQ_STR(cell_val(r, "t3", "other.fee_unpaid", "natural_person"), "3");
	CHECK_EQ_STR(cell_val(r, "t3", "other", "total"), "MISSING");
	CHECK_EQ_STR(cell_val(r, "t2", "licensing", "decisions"), "1234");
	CHECK_EQ_STR(cell_val(r, "t2", "admin_fees", "amount_10k_yuan"), "3.2150");
	CHECK_EQ_STR(cell_val(r, "t4", "review", "total"), "9");
	CHECK_EQ_STR(cell_val(r, "t4", "litigation_after_review", "pending"), "1");
	{
		/* printed keeps the padding, without the TAB */
		const gr_cell *c = gr_report_find(r, "t2", "regulations", "issued");

		REQUIRE(c != NULL);
		CHECK_EQ_STRN(p.buf + c->off, c->len, "　　0");
		CHECK_EQ_INT(c->char_len, 3);
		c = gr_report_find(r, "t3", "new_received", "total");
		REQUIRE(c != NULL);
		CHECK_EQ_STRN(p.buf + c->off, c->len, "1,210");
		CHECK(c->is_int && c->ival == 1210);
	}
	check_positions(p.buf, p.len, r);
}

TEST(t2021_layouts_agree)
{
	parsed		tab = parse_file("test/fixtures/t2021_tab.txt");
	parsed		pipe = parse_file("test/fixtures/t2021_pipe.txt");
	parsed		md = parse_file("test/fixtures/t2021_md.txt");

	REQUIRE(tab.st == GR_OK && tab.n == 1);
	REQUIRE(pipe.st == GR_OK && pipe.n == 1);
	REQUIRE(md.st == GR_OK && md.n == 1);
	CHECK_EQ_STR(gr_layout_name(pipe.reps[0].layout), "pipe");
	CHECK_EQ_STR(gr_layout_name(md.reps[0].layout), "markdown");
	check_same_cells(&tab.reps[0], &pipe.reps[0]);
	check_same_cells(&tab.reps[0], &md.reps[0]);
	check_positions(pipe.buf, pipe.len, &pipe.reps[0]);
	check_positions(md.buf, md.len, &md.reps[0]);
	CHECK_EQ_STR(md.reps[0].agency, tab.reps[0].agency);
	CHECK_EQ_INT(md.reps[0].year, 2021);
}

TEST(t2019_tab_and_pipe)
{
	parsed		tab = parse_file("test/fixtures/t2019_tab.txt");
	parsed		pipe = parse_file("test/fixtures/t2019_pipe.txt");
	const gr_report *r;

	REQUIRE(tab.st == GR_OK && tab.n == 1);
	REQUIRE(pipe.st == GR_OK && pipe.n == 1);
	r = &tab.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "template_2019");
	CHECK_EQ_INT(r->year, 2020);
	/* 2019 table 3: 23 rows; table 2 with the Beijing sub-rows */
	CHECK_EQ_INT(table_cells(r), 25 + 23 * 7 + 15);
	CHECK_EQ_STR(cell_val(r, "t2", "licensing", "delta"), "214");
	CHECK_EQ_STR(cell_val(r, "t2", "admin_fees", "delta"), "-5");
	CHECK_EQ_STR(cell_val(r, "t2", "other_services.confirmation", "delta"), "-3");
	CHECK_EQ_STR(cell_val(r, "t2", "central_procurement", "amount_10k_yuan"), "1234.5678");
	CHECK_EQ_STR(cell_val(r, "t3", "other.other", "total"), "MISSING");
	CHECK(strcmp(cell_val(r, "t3", "other", "total"), "MISSING") != 0);
	check_same_cells(r, &pipe.reps[0]);
	check_positions(tab.buf, tab.len, r);
	check_positions(pipe.buf, pipe.len, &pipe.reps[0]);
}

TEST(t2019_markdown)
{
	parsed		md = parse_file("test/fixtures/t2019_md.txt");
	parsed		tab = parse_file("test/fixtures/t2019_tab.txt");
	const gr_report *r;

	REQUIRE(md.st == GR_OK && md.n == 1);
	REQUIRE(tab.st == GR_OK && tab.n == 1);
	r = &md.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "template_2019");
	/* table 3 and 4 agree with the TAB copy, cell by cell */
	for (size_t i = 0; i < tab.reps[0].ncells; i++)
	{
		const gr_cell *c = &tab.reps[0].cells[i];

		if (strcmp(c->tbl, "t2") == 0)
			continue;
		CHECK_EQ_STR(cell_val(r, c->tbl, c->row_key, c->col_key), c->value);
	}
	/* the merged 其他对外管理服务事项 row of this copy */
	CHECK_EQ_STR(cell_val(r, "t2", "other_services", "prev_items"), "1269");
	CHECK_EQ_STR(cell_val(r, "t2", "central_procurement", "amount_10k_yuan"), "1234.5678");
	CHECK_EQ_INT(r->nwarnings, 0);
}

TEST(blank_cells_are_null)
{
	parsed		p = parse_file("test/fixtures/blank_cells.txt");
	const gr_report *r;

	REQUIRE(p.st == GR_OK && p.n == 1);
	r = &p.reps[0];
	CHECK_EQ_STR(cell_val(r, "t3", "granted", "social_welfare_org"), "NULL");
	CHECK_EQ_STR(cell_val(r, "t3", "other.fee_unpaid", "total"), "NULL");
	CHECK_EQ_INT(r->nwarnings, 3);
	CHECK(strstr(r->warnings[0], "blank cell") != NULL);
	check_positions(p.buf, p.len, r);
}

TEST(letters_in_number_cells)
{
	parsed		p = parse_file("test/fixtures/bad_letters.txt");
	const gr_report *r;

	REQUIRE(p.st == GR_OK && p.n == 1);
	r = &p.reps[0];
	CHECK_EQ_STR(cell_val(r, "t3", "partially_granted", "commercial_enterprise"), "NULL");
	CHECK_EQ_STR(cell_val(r, "t3", "unable.needs_creation", "other_org"), "NULL");
	CHECK_EQ_INT(r->nwarnings, 2);
	CHECK(strstr(r->warnings[0], "\"1O\" is not a number") != NULL);
}

TEST(short_row_is_null_not_shifted)
{
	parsed		p = parse_file("test/fixtures/bad_short_row.txt");
	const gr_report *r;

	REQUIRE(p.st == GR_OK && p.n == 1);
	r = &p.reps[0];
	for (int k = 0; k < 7; k++)
	{
		static const char *const cols[] = {"natural_person", "commercial_enterprise",
			"research_institution", "social_welfare_org", "legal_service_org",
		"other_org", "total"};

		CHECK_EQ_STR(cell_val(r, "t3", "not_processed.repeat", cols[k]), "NULL");
	}
	/* the next row is read normally */
	CHECK(strcmp(cell_val(r, "t3", "not_processed.publication", "total"), "NULL") != 0);
	CHECK_EQ_INT(r->nwarnings, 1);
	CHECK(strstr(r->warnings[0], "5 of 7 values") != NULL);
}

TEST(number_too_large_for_bigint)
{
	parsed		p = parse_file("test/fixtures/bad_bigint.txt");
	const gr_report *r;
	const gr_cell *c;

	REQUIRE(p.st == GR_OK && p.n == 1);
	r = &p.reps[0];
	c = gr_report_find(r, "t3", "new_received", "total");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->value, "99999999999999999999");	/* kept exactly */
	CHECK(!c->is_int);
	CHECK(!r->new_received.present);
	CHECK(r->processed_total.present);
}

TEST(truncated_table)
{
	parsed		p = parse_file("test/fixtures/bad_truncated.txt");
	const gr_report *r;

	REQUIRE(p.st == GR_OK && p.n == 1);
	r = &p.reps[0];
	CHECK(r->new_received.present);
	CHECK(!r->processed_total.present);
	CHECK(!r->carried_forward.present);
	CHECK_EQ_STR(cell_val(r, "t3", "carried_forward", "total"), "MISSING");
	CHECK(r->nwarnings >= 2);
}

TEST(not_a_report)
{
	gr_report	r;
	gr_error	err;
	gr_options	opt = {0};
	size_t		len;
	char	   *buf = gr_test_read_file("test/fixtures/bad_prose.txt", &len);

	REQUIRE(buf != NULL);
	CHECK_EQ_INT(gr_parse(buf, len, &opt, test_mem(), &r, &err), GR_ERR_NOT_REPORT);
	CHECK(strstr(err.detail, "本年新收政府信息公开申请数量") != NULL);
	CHECK_EQ_INT(gr_parse("", 0, &opt, test_mem(), &r, &err), GR_ERR_NOT_REPORT);
}

TEST(several_reports)
{
	parsed		p = parse_file("test/fixtures/two_reports.txt");
	gr_report	r;
	gr_error	err;
	gr_options	opt = {0};

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 2);
	CHECK_EQ_STR(p.reps[0].agency, "青禾区教育委员会");
	CHECK_EQ_INT(p.reps[0].year, 2021);
	CHECK_EQ_STR(p.reps[1].agency, "石桥镇人民政府");
	CHECK_EQ_INT(p.reps[1].year, 2022);
	CHECK(p.reps[0].end <= p.reps[1].start);
	check_positions(p.buf, p.len, &p.reps[1]);
	CHECK_EQ_INT(gr_parse(p.buf, p.len, &opt, test_mem(), &r, &err), GR_ERR_MULTIPLE);
}

TEST(verbatim_repeat_once)
{
	size_t		len;
	char	   *one = gr_test_read_file("test/fixtures/t2021_pipe.txt", &len);
	char	   *two;
	gr_report  *reps;
	size_t		n;
	gr_error	err;
	gr_options	opt = {0};

	REQUIRE(one != NULL);
	two = gr_alloc(test_mem(), 2 * len + 1);
	REQUIRE(two != NULL);
	memcpy(two, one, len);
	two[len] = '\n';
	memcpy(two + len + 1, one, len);
	REQUIRE_EQ_INT(gr_parse_all(two, 2 * len + 1, &opt, test_mem(), &reps, &n, &err), GR_OK);
	CHECK_EQ_INT(n, 1);
}

/*
 * A listing page of many short reports, some repeated verbatim (white space
 * aside) far from their first copy: each report once, in document order.
 * From 16 kept reports on, repeats are found through a hash of the text.
 */
TEST(verbatim_repeats_among_many_reports)
{
	enum
	{
		DISTINCT = 60
	};
	char	   *doc = gr_alloc(test_mem(), 64 * 1024);
	size_t		len = 0;
	int			order[DISTINCT + 30];
	int			norder = 0;
	gr_report  *reps;
	size_t		n;
	gr_error	err;
	gr_options	opt = {0};
	long		allocs;

	REQUIRE(doc != NULL);
	for (int i = 0; i < DISTINCT + 30; i++)
	{
		/* the first DISTINCT in order, then repeats of earlier ones */
		int			k = i < DISTINCT ? i : (i * 37) % DISTINCT;

		order[norder++] = k;
		len += (size_t) snprintf(doc + len, 64 * 1024 - len,
								 "%s第%d局%d年政府信息公开工作年度报告\n"
								 "本机关共受理政府信息公开申请%d件，已全部办结。\n"
								 "本年度未发生政府信息公开行政复议。\n\n",
								 i >= DISTINCT && i % 2 ? "  " : "", k, 2001 + k % 20, k + 3);
	}
	REQUIRE_EQ_INT(gr_parse_all(doc, len, &opt, test_mem(), &reps, &n, &err), GR_OK);
	REQUIRE_EQ_INT(n, DISTINCT);
	for (int i = 0; i < DISTINCT; i++)
	{
		char		agency[32];

		snprintf(agency, sizeof(agency), "第%d局", order[i]);
		CHECK(reps[i].agency != NULL && strstr(reps[i].agency, agency) != NULL);
		CHECK_EQ_INT(reps[i].year, 2001 + order[i] % 20);
	}
	/* out of memory anywhere, the repeat index included: NOMEM, never a crash */
	{
		size_t		before = test_mem_count();

		REQUIRE_EQ_INT(gr_parse_all(doc, len, &opt, test_mem(), &reps, &n, &err), GR_OK);
		allocs = (long) (test_mem_count() - before);
	}
	for (long k = 0; k <= allocs; k++)
	{
		gr_status	st;

		test_mem_fail_after(k);
		st = gr_parse_all(doc, len, &opt, test_mem(), &reps, &n, &err);
		test_mem_fail_after(-1);
		CHECK(st == GR_ERR_NOMEM || (st == GR_OK && n == DISTINCT));
	}
}

TEST(size_limit_before_work)
{
	gr_options	opt = {0};
	gr_report	r;
	gr_error	err;
	size_t		before;

	opt.max_bytes = 10;
	before = test_mem_count();
	CHECK_EQ_INT(gr_parse("0123456789A", 11, &opt, test_mem(), &r, &err), GR_ERR_TOO_LARGE);
	CHECK_EQ_INT(test_mem_count(), before);	/* nothing allocated */
	CHECK(strstr(err.detail, "11 bytes") != NULL);
}

TEST(invalid_utf8_offset)
{
	gr_options	opt = {0};
	gr_report	r;
	gr_error	err;
	const char	bad[] = "报告\xff\xfe";

	CHECK_EQ_INT(gr_parse(bad, sizeof(bad) - 1, &opt, test_mem(), &r, &err), GR_ERR_ENCODING);
	CHECK_EQ_INT(err.offset, 6);
}

static bool
stop_now(void *ctx)
{
	int		   *calls = ctx;

	return ++*calls > 0;
}

TEST(cancellation)
{
	parsed		p = parse_file("test/fixtures/t2021_tab.txt");
	gr_options	opt = {0};
	gr_report	r;
	gr_error	err;
	int			calls = 0;

	REQUIRE(p.buf != NULL);
	opt.stop = stop_now;
	opt.stop_ctx = &calls;
	CHECK_EQ_INT(gr_parse(p.buf, p.len, &opt, test_mem(), &r, &err), GR_ERR_CANCELLED);
	CHECK(calls >= 1);
}

TEST(allocation_failure_everywhere)
{
	size_t		len;
	char	   *buf = gr_test_read_file("test/fixtures/t2021_tab.txt", &len);

	REQUIRE(buf != NULL);
	/* fail the k-th allocation for many k: NOMEM or OK, never a crash */
	CHECK(parse_failing_allocations(buf, len, 400, 7) > 0);
}

TEST(number_grammar)
{
	static const struct
	{
		const char *in;
		gr_num_kind kind;
		const char *value;
	}			cases[] = {
		{"1,092", GR_NUM_OK, "1092"},
		{"+214", GR_NUM_OK, "214"},
		{"-5", GR_NUM_OK, "-5"},
		{"32,694.3253", GR_NUM_OK, "32694.3253"},
		{"\u3000\u30000", GR_NUM_OK, "0"},
		{"\u00a00", GR_NUM_OK, "0"},
		{"０１２", GR_NUM_OK, "12"},
		{"１，２３４", GR_NUM_OK, "1234"},
		{"－３", GR_NUM_OK, "-3"},
		{"251000元", GR_NUM_OK, "251000"},
		{"33％", GR_NUM_OK, "33"},
		{"", GR_NUM_BLANK, NULL},
		{"\u3000 ", GR_NUM_BLANK, NULL},
		{"----", GR_NUM_FILLER, NULL},
		{"—", GR_NUM_FILLER, NULL},
		{"/", GR_NUM_FILLER, NULL},
		{"无", GR_NUM_FILLER, NULL},
		{"1O", GR_NUM_GARBAGE, NULL},
		{"abc", GR_NUM_GARBAGE, NULL},
		{"82510861,82510772", GR_NUM_GARBAGE, NULL},
		{"1,23", GR_NUM_GARBAGE, NULL},
		{"1 234", GR_NUM_GARBAGE, NULL},
		{"1.", GR_NUM_GARBAGE, NULL},
		{"99999999999999999999", GR_NUM_OK, "99999999999999999999"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		gr_cell		c;
		gr_num_kind k;

		memset(&c, 0, sizeof(c));
		k = gr_read_number(cases[i].in, strlen(cases[i].in), test_mem(), &c);
		if (!CHECK_EQ_INT(k, cases[i].kind))
			fprintf(stderr, "  input: \"%s\"\n", cases[i].in);
		if (cases[i].value)
			CHECK_EQ_STR(c.value, cases[i].value);
	}
}

TEST(decimal_exact)
{
	gr_cell		c;
	char		buf[64];

	memset(&c, 0, sizeof(c));
	REQUIRE_EQ_INT(gr_read_number("32,694.3253", 11, test_mem(), &c), GR_NUM_OK);
	CHECK(c.num_ok);
	CHECK(c.num == (gr_dec) 32694325300LL);
	CHECK(!c.is_int);
	gr_dec_format(c.num, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "32694.3253");
}

/* A prose line whose phrases are broken by spaces (pdftotext, scraped
 * pages) reads like the unbroken one, at the right positions. */
TEST(narrative_spaces_inside_phrases)
{
	size_t		len;
	char	   *one = gr_test_read_file("test/fixtures/t2021_tab.txt", &len);
	const char *from = "2021年本局新收政府信息公开申请1,210件，上年结转48件，办结1,199件，结转下年度继续办理59件。";
	const char *to = "2021年本局新收 政府信息公开申请 1,210 件，上年\u3000结转 48件，办结\u00a01,199 件，结转 下年度继续办理 59 件。";
	char	   *two;
	const char *at;
	gr_report	r;
	gr_error	err;
	gr_options	opt = {0};
	size_t		flen = strlen(from),
				tlen = strlen(to);
	static const struct
	{
		const char *key;
		const char *value;
		const char *printed;
	}			want[] = {
		{"requests.new_received", "1210", "1,210"},
		{"requests.carried_over", "48", "48"},
		{"requests.closed", "1199", "1,199"},
		{"requests.carried_forward", "59", "59"},
	};

	REQUIRE(one != NULL);
	at = strstr(one, from);
	REQUIRE(at != NULL);
	two = gr_alloc(test_mem(), len - flen + tlen + 1);
	REQUIRE(two != NULL);
	memcpy(two, one, (size_t) (at - one));
	memcpy(two + (at - one), to, tlen);
	memcpy(two + (at - one) + tlen, at + flen, len - (size_t) (at - one) - flen);
	len = len - flen + tlen;
	REQUIRE_EQ_INT(gr_parse(two, len, &opt, test_mem(), &r, &err), GR_OK);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
	{
		const gr_cell *c = gr_report_find(&r, "narrative", want[i].key, NULL);

		if (!CHECK(c != NULL))
		{
			fprintf(stderr, "  missing %s\n", want[i].key);
			continue;
		}
		CHECK_EQ_STR(c->value, want[i].value);
		CHECK_EQ_STRN(two + c->off, c->len, want[i].printed);
	}
	check_positions(two, len, &r);
	/* the tables are untouched */
	CHECK_EQ_STR(cell_val(&r, "t3", "new_received", "total"), "1210");
	CHECK_EQ_INT(table_cells(&r), 10 + 25 * 7 + 15);
}

/* HTML: "上年&nbsp;结转48件" reads like "上年结转48件", and an entity earlier
 * in a paragraph does not shift the positions of its figures. */
TEST(html_entities_in_prose)
{
	static const char *const files[] = {
		"test/fuzz/regressions/html_entity_shifts_r14_cells.html",
		"test/fuzz/regressions/html_entity_shifts_narrative_cells.html",
	};

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++)
	{
		parsed		p = parse_file(files[f]);
		const gr_cell *c;

		REQUIRE_EQ_INT(p.st, GR_OK);
		REQUIRE_EQ_INT(p.n, 1);
		CHECK_EQ_STR(cell_val(&p.reps[0], "narrative", "requests.carried_over", NULL), "48");
		CHECK_EQ_STR(cell_val(&p.reps[0], "narrative", "requests.closed", NULL), "1199");
		c = gr_report_find(&p.reps[0], "narrative", "requests.closed", NULL);
		REQUIRE(c != NULL);
		CHECK_EQ_STRN(p.buf + c->off, c->len, "1,199");
		check_positions(p.buf, p.len, &p.reps[0]);
	}
}
