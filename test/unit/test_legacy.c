/*
 * test_legacy.c - the formats without template tables: the pre-2019
 * statistics table, the narrative-era annex, narrative figures, and
 * documents holding several reports.  Every fixture is written here with
 * invented names and numbers.
 */
#include "gr_test.h"
#include "test_mem.h"
#include "test_util.h"

#include "gr_core.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

/* 1-based character position of the nth (1-based) occurrence of needle. */
static size_t
cpos(const char *buf, const char *needle, int nth)
{
	const char *p = buf;

	for (;;)
	{
		p = strstr(p, needle);
		if (!p)
			return 0;
		if (--nth == 0)
			return gr_utf8_chars(buf, (size_t) (p - buf)) + 1;
		p++;
	}
}

static const gr_cell *
cell(const gr_report *r, const char *tbl, const char *row)
{
	return gr_report_find(r, tbl, row, NULL);
}

static const char *
val(const gr_report *r, const char *tbl, const char *row)
{
	const gr_cell *c = cell(r, tbl, row);

	if (!c)
		return "MISSING";
	return c->has_value ? c->value : "NULL";
}

/* The cell is at the nth occurrence of printed and prints exactly that. */
static void
check_at(const parsed *p, const gr_report *r, const char *tbl, const char *row,
		 const char *printed, const char *anchor, int nth)
{
	const gr_cell *c = cell(r, tbl, row);

	if (!CHECK(c != NULL))
	{
		fprintf(stderr, "  missing %s %s\n", tbl, row);
		return;
	}
	CHECK_EQ_STRN(p->buf + c->off, c->len, printed);
	if (!CHECK_EQ_INT(c->char_start, cpos(p->buf, anchor, nth)))
		fprintf(stderr, "  at %s %s\n", tbl, row);
	CHECK_EQ_INT(c->char_len, gr_utf8_chars(printed, strlen(printed)));
}

/* ------------------------------------------------ statistics table */

static const char stats_2014[] =
	"松柏街道2016年政府信息公开工作年度报告\n"
	"2016年，本街道认真落实《条例》要求，政务公开工作平稳开展。\n"
	"附件\n"
	"政府信息公开情况统计表\n"
	"（2016年度）\n"
	"\t统\u00a0计\u00a0指\u00a0标\n"
	"\t单位\n"
	"\t统计数\n"
	"\n"
	"\t二、回应解读情况\n"
	"\t\n"
	"\t\n"
	"\n"
	"\t\u00a0\u00a0\u00a0\u00a03.政策解读稿件发布数\n"
	"\t篇\n"
	"\t4\n"
	"\n"
	"\t三、依申请公开情况\n"
	"\t\n"
	"\t\n"
	"\n"
	"\t\u00a0\u00a0（一）收到申请数\n"
	"\t件\n"
	"\t17\n"
	"\n"
	"\t\u00a0\u00a0\u00a0\u00a03.网络申请数\n"
	"\t件\n"
	"\t15\n"
	"\n"
	"\t\u00a0\u00a0（二）申请办结数\n"
	"\t件\n"
	"\t16\n"
	"\n"
	"\t\u00a0\u00a0（三）申请答复数\n"
	"\t件\n"
	"\t14\n"
	"\n"
	"\t\u00a0\u00a0\u00a0\u00a04.不同意公开答复数\n"
	"\t件\n"
	"\t3\n"
	"\n"
	"\t\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0其中：涉及国家秘密\n"
	"\t件\n"
	"\t1\n"
	"\n"
	"\t四、行政复议数量\n"
	"\t件\n"
	"\t6\n"
	"\n"
	"\t\u00a0\u00a0（一）维持具体行政行为数\n"
	"\t件\n"
	"\t5\n"
	"\n"
	"\t\u00a0\u00a0（二）被依法纠错数\n"
	"\t件\n"
	"\t1\n"
	"\n"
	"\t五、行政诉讼数量\n"
	"\t件\n"
	"\t9\n"
	"\n"
	"\t\u00a0\u00a0（二）被依法纠错数\n"
	"\t件\n"
	"\t8\n"
	"\n"
	"\t七、依申请公开信息收取的费用\n"
	"\t元\n"
	"\t\n"
	"\n"
	"\t\u00a0\u00a0（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）\n"
	"\t元\n"
	"\t12000\n"
	"\n";

TEST(legacy_stats_table_2014)
{
	parsed		p = parse_text(stats_2014);
	const gr_report *r;
	const gr_cell *c;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "stats_table_pre2019");
	CHECK_EQ_STR(gr_layout_name(r->layout), "tab");
	CHECK_EQ_STR(r->agency, "松柏街道");
	CHECK_EQ_INT(r->year, 2016);
	CHECK_EQ_STR(val(r, "stats", "requests.received"), "17");
	CHECK_EQ_STR(val(r, "stats", "requests.received.online"), "15");
	CHECK_EQ_STR(val(r, "stats", "requests.closed"), "16");
	CHECK_EQ_STR(val(r, "stats", "requests.answered"), "14");
	CHECK_EQ_STR(val(r, "stats", "requests.answered.denied"), "3");
	CHECK_EQ_STR(val(r, "stats", "requests.answered.denied.state_secret"), "1");
	/* the section decides the key of "（二）被依法纠错数" */
	CHECK_EQ_STR(val(r, "stats", "review.total"), "6");
	CHECK_EQ_STR(val(r, "stats", "review.maintained"), "5");
	CHECK_EQ_STR(val(r, "stats", "review.corrected"), "1");
	CHECK_EQ_STR(val(r, "stats", "litigation.total"), "9");
	CHECK_EQ_STR(val(r, "stats", "litigation.corrected"), "8");
	CHECK_EQ_STR(val(r, "stats", "org.budget_yuan"), "12000");
	CHECK_EQ_STR(val(r, "stats", "response.policy_interpretations"), "4");
	/* units come from the unit column ("篇" too) */
	c = cell(r, "stats", "response.policy_interpretations");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->unit, "篇");
	CHECK_EQ_STR(cell(r, "stats", "org.budget_yuan")->unit, "元");
	CHECK(cell(r, "stats", "requests.received")->col_key == NULL);
	/* positions: the value cell */
	CHECK_EQ_INT(cell(r, "stats", "requests.received")->char_start,
				 cpos(p.buf, "\t17\n", 1) + 1);
	/* a blank value cell is NULL with a warning, never 0 */
	c = cell(r, "stats", "fees.collected_yuan");
	REQUIRE(c != NULL);
	CHECK(!c->has_value);
	CHECK_EQ_INT(c->len, 0);
	CHECK_EQ_STR(c->unit, "元");
	CHECK(has_warning(r, "fees.collected_yuan"));
	CHECK(has_warning(r, "blank"));
	/* totals: received, and 办结 as the processed total */
	CHECK(r->new_received.present && r->new_received.v == 17);
	CHECK(r->processed_total.present && r->processed_total.v == 16);
	CHECK(!r->carried_over.present);
	CHECK(!r->carried_forward.present);
	/* no row was left unknown */
	CHECK(!has_warning(r, "not a known row"));
}

static const char stats_old[] =
	"青松县档案局2010年政府信息公开工作年度报告\n"
	"2010年，本局依法做好政府信息公开工作。\n"
	"政府信息公开情况统计表\n"
	"\t指标名称\n"
	"\t单位\n"
	"\t数量\n"
	"\n"
	"\t申请总数\n"
	"\t件\n"
	"\t9\n"
	"\n"
	"\t电子邮件申请数\n"
	"\t件\n"
	"\t2\n"
	"\n"
	"\t网上申请数\n"
	"\t件\n"
	"\t4\n"
	"\n"
	"\t对申请的答复总数\n"
	"\t件\n"
	"\t8\n"
	"\n"
	"\t否决公开答复总数\n"
	"\t件\n"
	"\t3\n"
	"\n"
	"\t行政申诉数\n"
	"\t件\n"
	"\t0\n"
	"\n";

TEST(legacy_stats_older_variant)
{
	parsed		p = parse_text(stats_old);
	const gr_report *r;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "stats_table_pre2019");
	CHECK_EQ_INT(r->year, 2010);
	/* same meaning: mapped to the 2014 keys, with a warning */
	CHECK_EQ_STR(val(r, "stats", "requests.received"), "9");
	CHECK_EQ_STR(val(r, "stats", "requests.answered"), "8");
	CHECK_EQ_STR(val(r, "stats", "requests.received.online"), "4");
	CHECK(has_warning(r, "申请总数"));
	CHECK(has_warning(r, "对申请的答复总数"));
	/* different meaning: own keys */
	CHECK_EQ_STR(val(r, "stats", "requests.answered.rejected_total"), "3");
	CHECK_EQ_STR(val(r, "stats", "requests.answered.denied"), "MISSING");
	CHECK_EQ_STR(val(r, "stats", "requests.received.email"), "2");
	CHECK_EQ_STR(val(r, "stats", "appeals.total"), "0");
	CHECK_EQ_STR(val(r, "stats", "complaints.total"), "MISSING");
	CHECK(has_warning(r, "否决公开答复总数"));
	/* no 办结 row: the answers are the processed total */
	CHECK(r->new_received.present && r->new_received.v == 9);
	CHECK(r->processed_total.present && r->processed_total.v == 8);
}

/* the same table scraped to markdown: rows by their labels, blank = NULL */
TEST(legacy_stats_table_markdown)
{
	static const char text[] =
		"槐树街道2015年政府信息公开工作年度报告\n"
		"2015年，本街道依法公开政府信息。\n"
		"政府信息公开情况统计表\n"
		"| 统计指标 | 单位 | 统计数 |\n"
		"|---|---|---|\n"
		"| 三、依申请公开情况 | | |\n"
		"| （一）收到申请数 | 件 | 5 |\n"
		"| （三）申请答复数 | 件 | 4 |\n"
		"| 四、行政复议数量 | 件 | 1 |\n"
		"| （二）被依法纠错数 | 件 | 1 |\n"
		"| 五、行政诉讼数量 | 件 | 2 |\n"
		"| （二）被依法纠错数 | 件 | 0 |\n"
		"| 七、依申请公开信息收取的费用 | 元 | |\n";
	parsed		p = parse_text(text);
	const gr_report *r;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "stats_table_pre2019");
	CHECK_EQ_STR(gr_layout_name(r->layout), "markdown");
	check_at(&p, r, "stats", "requests.received", "5", "5 |", 1);
	CHECK_EQ_STR(val(r, "stats", "review.corrected"), "1");
	CHECK_EQ_STR(val(r, "stats", "litigation.corrected"), "0");
	CHECK_EQ_STR(val(r, "stats", "fees.collected_yuan"), "NULL");
	/* no 办结 row: answers are the processed total */
	CHECK(r->processed_total.present && r->processed_total.v == 4);
}

/* ------------------------------------------------------- narratives */

static const char narrative_traps[] =
	"柳湾区城市运行中心2016年政府信息公开工作年度报告\n"
	"本报告中所列数据的统计期限自2016年1月1日至2016年12月31日止。根据《条例》要求，2008年5月1日起本中心开始开展政府信息公开工作。\n"
	"一、主动公开情况\n"
	"2016年，本中心共主动公开政府信息1,250条，全文电子化率达100%。其中，业务动态类信息1,000条，占总体的比例为80%；规划计划类信息250条，占总体的比例为20.0%。网站更新信息共计361余篇。\n"
	"二、依申请公开情况\n"
	"2016年度共收到政府信息公开申请12件，其中同意公开答复数10件，信息不存在数2件。\n"
	"全年共受理网友留言57件，已办结回复38件；全年受理案卷3353件。\n"
	"群众事务呼叫中心共接收各种来电31052件，区政府热线96181全年运行正常。\n"
	"本单位承担2件委员提案办理工作；落实《工作要点》第27项任务；按照柳政办发〔2016〕25号文件办理，如有疑问请致电82510861,82510772。\n"
	"三、人员和收支情况\n"
	"中心设立政府信息公开工作的专职干部2人，兼职工作人员3人。\n"
	"2016年，本机关未收到针对本机关政府信息公开的行政复议申请、行政诉讼案。\n"
	"四、改进措施\n"
	"2017年将进一步加强培训，计划收到申请后3日内答复。\n"
	"二〇一七年三月二十日\n";

TEST(legacy_narrative_traps)
{
	parsed		p = parse_text(narrative_traps);
	const gr_report *r;
	const gr_cell *c;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "narrative");
	CHECK_EQ_STR(gr_layout_name(r->layout), "prose");
	CHECK_EQ_STR(r->agency, "柳湾区城市运行中心");
	CHECK_EQ_INT(r->year, 2016);	/* not 2008, 2017, 二〇一七 */

	check_at(&p, r, "narrative", "requests.received", "12", "12件", 1);
	check_at(&p, r, "narrative", "requests.answered.granted", "10", "10件", 1);
	check_at(&p, r, "narrative", "requests.answered.not_exist", "2", "2件。", 1);
	check_at(&p, r, "narrative", "proactive.items_total", "1,250", "1,250", 1);
	CHECK_EQ_STR(val(r, "narrative", "proactive.items_total"), "1250");
	check_at(&p, r, "narrative", "proactive.full_text_electronic_rate_pct", "100%", "100%", 1);
	CHECK_EQ_STR(val(r, "narrative", "proactive.category.business_news"), "1000");
	c = cell(r, "narrative", "proactive.category.planning.pct");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->value, "20.0");
	CHECK_EQ_INT(c->decimals, 1);
	CHECK(c->flags & GR_CELL_PERCENT);
	CHECK_EQ_STR(c->unit, "%");
	c = cell(r, "narrative", "proactive.category.business_news.pct");
	REQUIRE(c != NULL);
	CHECK_EQ_INT(c->decimals, 0);
	CHECK_EQ_STRN(p.buf + c->off, c->len, "80%");
	/* approximate count: lower bound, flagged, printed with 余 */
	c = cell(r, "narrative", "proactive.website_articles_approx");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->value, "361");
	CHECK(c->flags & GR_CELL_APPROX);
	CHECK_EQ_STRN(p.buf + c->off, c->len, "361余");
	CHECK_EQ_STR(c->unit, "篇");
	/* staff */
	CHECK_EQ_STR(val(r, "narrative", "staff.full_time"), "2");
	CHECK_EQ_STR(val(r, "narrative", "staff.part_time"), "3");
	/* negative sentence: inferred zeros, printed "" at the phrase */
	c = cell(r, "narrative", "review.total");
	REQUIRE(c != NULL);
	CHECK(c->flags & GR_CELL_INFERRED);
	CHECK(c->has_value);
	CHECK_EQ_STR(c->value, "0");
	CHECK_EQ_INT(c->len, 0);
	CHECK_EQ_INT(c->char_start, cpos(p.buf, "未收到", 1));
	CHECK(cell(r, "narrative", "litigation.total")->flags & GR_CELL_INFERRED);
	/* the hotline and the proposals are kept, but never as requests */
	CHECK_EQ_STR(val(r, "narrative", "hotline.calls_total"), "31052");
	CHECK_EQ_STR(val(r, "narrative", "proposals.cppcc"), "2");
	/* traps: no other request figure, and none of their numbers anywhere */
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *x = &r->cells[i];
		static const char *const never[] = {
			"57", "38", "3353", "96181", "25", "27", "82510861", "2017", "2008", "3", NULL
		};

		if (strncmp(x->row_key, "requests.", 9) == 0)
			CHECK(strcmp(x->row_key, "requests.received") == 0 ||
				  strcmp(x->row_key, "requests.answered.granted") == 0 ||
				  strcmp(x->row_key, "requests.answered.not_exist") == 0);
		for (int k = 0; never[k]; k++)
			if (strcmp(x->value, never[k]) == 0 &&
				strcmp(x->row_key, "staff.part_time") != 0)
			{
				CHECK(!"a trap number was read");
				fprintf(stderr, "  trap %s read as %s\n", never[k], x->row_key);
			}
	}
	CHECK(cell(r, "narrative", "requests.closed") == NULL);
	CHECK(r->new_received.present && r->new_received.v == 12);
	CHECK(!r->carried_over.present);
}

/* "无依申请公开…" without any digit, and "已依法依规…回复" */
static const char narrative_neg[] =
	"本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由云杉区测绘中心(以下简称中心)编制的2014年度政府信息公开年度报告。\n"
	"一、概述\n"
	"2014年,中心全年共主动公开政府信息30条,全文电子化率均达100%。\n"
	"二、依申请公开情况\n"
	"2014年度中心共收到政府信息公开申请1件,已依法依规及时、妥善回复。\n"
	"三、复议诉讼\n"
	"我单位无申请行政复议、提起行政诉讼、收费以及免除费用情况。\n"
	"附表\n"
	"指标 | 单位 | 数量 |\n"
	"主动公开信息数 | 条 | 30 |\n"
	"其中:全文电子化的主动公开信息数 | 条 | 30 |\n"
	"新增行政规范性文件数 | 条 | 0 |\n";

TEST(legacy_narrative_inferred_and_annex)
{
	parsed		p = parse_text(narrative_neg);
	const gr_report *r;
	const gr_cell *c;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_STR(gr_format_name(r->format), "narrative");
	CHECK_EQ_STR(r->agency, "云杉区测绘中心");
	CHECK_EQ_INT(r->year, 2014);
	/* all answered: answered = received, inferred */
	c = cell(r, "narrative", "requests.answered");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->value, "1");
	CHECK(c->flags & GR_CELL_INFERRED);
	CHECK_EQ_INT(c->char_start, cpos(p.buf, "已依法依规", 1));
	/* "无申请行政复议、提起行政诉讼、收费以及免除费用" */
	for (int k = 0; k < 4; k++)
	{
		static const char *const keys[] = {
			"review.total", "litigation.total", "fees.collected_yuan", "fees.waived_yuan"
		};

		c = cell(r, "narrative", keys[k]);
		if (!CHECK(c != NULL))
			continue;
		CHECK_EQ_STR(c->value, "0");
		CHECK(c->flags & GR_CELL_INFERRED);
		CHECK_EQ_INT(c->char_start, cpos(p.buf, "无申请", 1));
	}
	CHECK_EQ_STR(cell(r, "narrative", "fees.waived_yuan")->unit, "元");
	/* the annex, row per line */
	check_at(&p, r, "annex", "proactive.items_total", "30", "30 |", 1);
	check_at(&p, r, "annex", "proactive.full_text_electronic_items", "30", "30 |", 2);
	check_at(&p, r, "annex", "proactive.new_normative_docs", "0", "0 |", 3);
	CHECK_EQ_STR(cell(r, "annex", "proactive.items_total")->unit, "条");
	CHECK(r->processed_total.present && r->processed_total.v == 1);
}

/* the cell-per-line annex "指 标 |" */
TEST(legacy_annex_cell_per_line)
{
	static const char text[] =
		"本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由云杉区测绘中心(以下简称中心)编制的2013年度政府信息公开年度报告。\n"
		"2013年度中心共收到政府信息公开申请0件。\n"
		"附表:主动公开情况统计\n"
		"指 标 |\n"
		"单 位 |\n"
		"数 量 |\n"
		"主动公开信息数 |\n"
		"条 |\n"
		"505 |\n"
		"其中:全文电子化的主动公开信息数 |\n"
		"条 |\n"
		"504 |\n"
		"新增的行政规范性文件数 |\n"
		"条 |\n"
		"2 |\n";
	parsed		p = parse_text(text);
	const gr_report *r;

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_INT(r->year, 2013);
	check_at(&p, r, "annex", "proactive.items_total", "505", "505 |", 1);
	check_at(&p, r, "annex", "proactive.full_text_electronic_items", "504", "504 |", 1);
	check_at(&p, r, "annex", "proactive.new_normative_docs", "2", "2 |", 1);
	CHECK_EQ_STR(val(r, "narrative", "requests.received"), "0");
	CHECK(!(cell(r, "narrative", "requests.received")->flags & GR_CELL_INFERRED));
}

/* --------------------------------------------------------- splitting */

static const char two_same_year[] =
	"甲乡人民政府2015年政府信息公开工作年度报告\n"
	"2015年，甲乡共收到政府信息公开申请3件。\n"
	"全年共主动公开政府信息40条。\n"
	"乙镇人民政府2015年政府信息公开工作年度报告\n"
	"2015年，乙镇共收到政府信息公开申请5件。\n"
	"全年共主动公开政府信息60条。\n";

TEST(legacy_two_reports_same_year)
{
	parsed		p = parse_text(two_same_year);
	gr_report	one;
	gr_error	err;
	gr_options	opt = {0};

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 2);
	CHECK_EQ_STR(p.reps[0].agency, "甲乡人民政府");
	CHECK_EQ_STR(p.reps[1].agency, "乙镇人民政府");
	CHECK_EQ_INT(p.reps[0].year, 2015);
	CHECK_EQ_INT(p.reps[1].year, 2015);
	CHECK_EQ_STR(val(&p.reps[0], "narrative", "requests.received"), "3");
	CHECK_EQ_STR(val(&p.reps[1], "narrative", "requests.received"), "5");
	CHECK(has_warning(&p.reps[1], "same year 2015"));
	CHECK(!has_warning(&p.reps[0], "same year"));
	CHECK(p.reps[0].end <= p.reps[1].start);
	CHECK_EQ_INT(gr_parse(p.buf, p.len, &opt, test_mem(), &one, &err), GR_ERR_MULTIPLE);
}

TEST(legacy_year_only_in_title)
{
	static const char text[] =
		"丙街道2012年政府信息公开工作年度报告\n"
		"本单位全年共主动公开政府信息15条，收到政府信息公开申请0件。\n"
		"根据《条例》要求，2008年5月1日起开始开展政府信息公开工作。\n"
		"2013年将继续做好主动公开工作。\n";
	parsed		p = parse_text(text);

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	CHECK_EQ_INT(p.reps[0].year, 2012);
	CHECK_EQ_STR(p.reps[0].agency, "丙街道");
	CHECK_EQ_STR(val(&p.reps[0], "narrative", "proactive.items_total"), "15");
}

/* a title-only report, then an old-style one starting at 引言 */
TEST(legacy_title_report_then_old_style)
{
	static const char text[] =
		"戊镇人民政府2016年政府信息公开工作年度报告\n"
		"一、概述\n"
		"本镇认真落实《条例》。\n"
		"二、主动公开\n"
		"2016年，本镇共主动公开政府信息80条。\n"
		"三、依申请公开\n"
		"2016年，本镇共收到政府信息公开申请6件。\n"
		"四、复议诉讼\n"
		"无。\n"
		"五、不足\n"
		"培训不够。\n"
		"引言\n"
		"本报告由己区环卫中心编制。\n"
		"2015年度共收到政府信息公开申请2件。\n";
	parsed		p = parse_text(text);

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 2);
	CHECK_EQ_INT(p.reps[0].year, 2016);
	CHECK_EQ_STR(p.reps[0].agency, "戊镇人民政府");
	CHECK_EQ_STR(val(&p.reps[0], "narrative", "requests.received"), "6");
	/* the only year is that of the figure sentence */
	CHECK_EQ_INT(p.reps[1].year, 2015);
	CHECK_EQ_STR(val(&p.reps[1], "narrative", "requests.received"), "2");
	CHECK(has_warning(&p.reps[1], "no issuing body"));
}

/* old-style starts with and without 引言, a verbatim repeat once */
static const char old_page[] =
	"您访问的链接即将离开“某区人民政府”门户网站\n"
	"是否继续?\n"
	"本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由丁区指挥中心(以下简称中心)编制的2014年度政府信息公开年度报告。\n"
	"一、概述\n"
	"2014年度中心共收到政府信息公开申请1件,已依法依规及时、妥善回复。\n"
	"针对本机关政府信息公开的行政复议申请0件。\n"
	"引言\n"
	"本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由丁区指挥中心编制的2013年度政府信息公开年度报告。\n"
	"一、概述\n"
	"2013年度中心共收到政府信息公开申请0件。\n"
	"针对本机关政府信息公开的行政复议申请0件。\n"
	"引言\n"
	"本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由丁区指挥中心编制的2013年度政府信息公开年度报告。\n"
	"一、概述\n"
	"2013年度中心共收到政府信息公开申请0件。\n"
	"针对本机关政府信息公开的行政复议申请0件。\n"
	"您访问的链接即将离开“某区人民政府”门户网站\n"
	"是否继续?\n";

TEST(legacy_old_style_split_and_dedup)
{
	parsed		p = parse_text(old_page);

	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 2);
	CHECK_EQ_INT(p.reps[0].year, 2014);
	CHECK_EQ_INT(p.reps[1].year, 2013);
	CHECK_EQ_STR(p.reps[0].agency, "丁区指挥中心");
	CHECK_EQ_STR(p.reps[1].agency, "丁区指挥中心");
	CHECK_EQ_STR(gr_format_name(p.reps[1].format), "narrative");
	CHECK_EQ_STR(val(&p.reps[0], "narrative", "requests.answered"), "1");
	CHECK_EQ_STR(val(&p.reps[1], "narrative", "review.total"), "0");
	/* the second report starts at its 引言 */
	CHECK_EQ_INT(gr_utf8_chars(p.buf, p.reps[1].start) + 1, cpos(p.buf, "引言", 1));
}

TEST(legacy_plain_prose_is_no_report)
{
	static const char text[] =
		"关于开展社区义诊活动的通知\n"
		"本社区收到申请3件，全年共主动公开信息20条。\n"
		"请各单位于2023年5月1日前报名。\n";
	gr_report	r;
	gr_error	err;
	gr_options	opt = {0};
	parsed		p = parse_text(text);

	CHECK_EQ_INT(p.st, GR_OK);
	CHECK_EQ_INT(p.n, 0);
	CHECK_EQ_INT(gr_parse(text, strlen(text), &opt, test_mem(), &r, &err), GR_ERR_NOT_REPORT);
}

/* figures of the 2019+ 总体情况 sentences (rule R14), in a template report */
TEST(legacy_narrative_2019_sentences)
{
	static const char text[] =
		"2020年白桦区政府信息公开\n"
		"工作年度报告\n"
		"2020年，全区共收到政府信息公开申请1,092件，办结1,005件，自上年度结转136件，结转下一年度办理87件。从办理结果看：予以公开279件；部分公开35件；不予公开59件；无法提供525件；不予处理54件；其他处理53件。\n"
		"2020年全区集中开展两次政府信息公开工作集中培训。\n"
		"发出收费通知的件数和总金额以及实际收取的总金额均为0。\n";
	parsed		p = parse_text(text);
	const gr_report *r;
	const gr_cell *c;

	/* no tables, but a title and figures: a narrative report */
	REQUIRE_EQ_INT(p.st, GR_OK);
	REQUIRE_EQ_INT(p.n, 1);
	r = &p.reps[0];
	CHECK_EQ_INT(r->year, 2020);
	CHECK_EQ_STR(r->agency, "白桦区");
	check_at(&p, r, "narrative", "requests.received", "1,092", "1,092", 1);
	check_at(&p, r, "narrative", "requests.closed", "1,005", "1,005", 1);
	CHECK_EQ_STR(val(r, "narrative", "requests.carried_over"), "136");
	CHECK_EQ_STR(val(r, "narrative", "requests.carried_forward"), "87");
	CHECK_EQ_STR(val(r, "narrative", "outcome.granted"), "279");
	CHECK_EQ_STR(val(r, "narrative", "outcome.partially_granted"), "35");
	CHECK_EQ_STR(val(r, "narrative", "outcome.denied"), "59");
	CHECK_EQ_STR(val(r, "narrative", "outcome.unable"), "525");
	CHECK_EQ_STR(val(r, "narrative", "outcome.not_processed"), "54");
	CHECK_EQ_STR(val(r, "narrative", "outcome.other"), "53");
	c = cell(r, "narrative", "training.sessions");
	REQUIRE(c != NULL);
	CHECK_EQ_STR(c->value, "2");
	CHECK_EQ_STRN(p.buf + c->off, c->len, "两");
	CHECK_EQ_STR(val(r, "narrative", "fees.notices"), "0");
	CHECK_EQ_STR(val(r, "narrative", "fees.collected_yuan"), "0");
	CHECK(r->new_received.present && r->new_received.v == 1092);
	CHECK(r->processed_total.present && r->processed_total.v == 1005);
	CHECK(r->carried_over.present && r->carried_over.v == 136);
	CHECK(r->carried_forward.present && r->carried_forward.v == 87);
}

TEST(legacy_allocation_failure)
{
	/* fail the k-th allocation for many k: NOMEM or OK, never a crash */
	CHECK(parse_failing_allocations(narrative_traps, strlen(narrative_traps), 300, 3) > 0);
	CHECK(parse_failing_allocations(stats_2014, strlen(stats_2014), 300, 3) > 0);
}
