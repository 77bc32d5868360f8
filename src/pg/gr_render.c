/*
 * gr_render.c - govreport_render(govreport): the report's tables drawn as
 * text in the layout of the national templates, for a person reviewing a
 * report on a fixed-width terminal.
 *
 * The report is read back with gr_pg_report_from_datum() and checked with
 * gr_check() (through gr_pg_check), so the marks are exactly the strict
 * violations govreport_violations() lists.  Everything is built as UTF-8
 * and converted to the server encoding at the end.
 *
 * Conventions (README, "Rendering"):
 *   - width: East Asian Wide/Fullwidth characters count 2 columns, every
 *     other character 1 (ambiguous-width characters such as "—" count 1,
 *     as in a non-CJK locale);
 *   - a blank cell (present, value NULL) is shown as "—", a cell the
 *     report does not have at all as "∅";
 *   - a cell that takes part in a failing strict rule is followed by "*";
 *     the legend under the tables lists every failing rule with its
 *     message (strict first, then plausibility, which are not marked).
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "govreport.h"
#include "gr_check.h"
#include "gr_rules.h"

#define LABEL_MAX_COLS	40		/* labels wider than this wrap */
#define BLANK_MARK		"—"		/* cell present, value NULL */
#define ABSENT_MARK		"∅"		/* cell not in the report */
#define FAIL_MARK		"*"

/* ------------------------------------------------------------ width */

/* East Asian Wide / Fullwidth code points (a compact approximation of UAX #11). */
static bool
cp_wide(uint32 c)
{
	return (c >= 0x1100 && c <= 0x115F) ||
		(c >= 0x2E80 && c <= 0x303E) ||
		(c >= 0x3041 && c <= 0x33FF) ||
		(c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x4E00 && c <= 0x9FFF) ||
		(c >= 0xA000 && c <= 0xA4CF) ||
		(c >= 0xAC00 && c <= 0xD7A3) ||
		(c >= 0xF900 && c <= 0xFAFF) ||
		(c >= 0xFE30 && c <= 0xFE4F) ||
		(c >= 0xFF00 && c <= 0xFF60) ||
		(c >= 0xFFE0 && c <= 0xFFE6) ||
		(c >= 0x20000 && c <= 0x3FFFD);
}

/* Decode one UTF-8 sequence at s (NUL-terminated); *len = its byte length. */
static uint32
utf8_next(const char *s, int *len)
{
	const unsigned char *u = (const unsigned char *) s;

	if (u[0] < 0x80)
	{
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0 && u[1])
	{
		*len = 2;
		return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2])
	{
		*len = 3;
		return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3])
	{
		*len = 4;
		return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
			((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

/* Display width of a UTF-8 string in terminal columns. */
static int
str_width(const char *s)
{
	int			w = 0;

	while (*s)
	{
		int			l;
		uint32		c = utf8_next(s, &l);

		if (c >= 0x0300 && c <= 0x036F)
			;					/* combining marks take no column */
		else
			w += cp_wide(c) ? 2 : 1;
		s += l;
	}
	return w;
}

static void
pad(StringInfo b, int n)
{
	for (int i = 0; i < n; i++)
		appendStringInfoChar(b, ' ');
}

/* s left-aligned in width columns (never truncated). */
static void
put_left(StringInfo b, const char *s, int width)
{
	appendStringInfoString(b, s);
	pad(b, width - str_width(s));
}

static void
put_right(StringInfo b, const char *s, int width)
{
	pad(b, width - str_width(s));
	appendStringInfoString(b, s);
}

static void
put_center(StringInfo b, const char *s, int width)
{
	int			room = width - str_width(s);
	int			left = room > 0 ? room / 2 : 0;

	pad(b, left);
	appendStringInfoString(b, s);
	pad(b, room - left);
}

/* Drop trailing spaces of the line being built, then end it. */
static void
end_line(StringInfo b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	appendStringInfoChar(b, '\n');
}

/*
 * Split s into pieces of at most width columns (at character boundaries).
 * Returns the number of pieces; pieces[] are palloc'd.
 */
static int
wrap(const char *s, int width, char ***pieces)
{
	int			cap = 4,
				n = 0;
	const char *p = s;

	*pieces = palloc(sizeof(char *) * cap);
	do
	{
		const char *start = p;
		int			w = 0;

		while (*p)
		{
			int			l;
			uint32		c = utf8_next(p, &l);
			int			cw = cp_wide(c) ? 2 : 1;

			if (w + cw > width && w > 0)
				break;
			w += cw;
			p += l;
		}
		if (n == cap)
		{
			cap *= 2;
			*pieces = repalloc(*pieces, sizeof(char *) * cap);
		}
		(*pieces)[n++] = pnstrdup(start, p - start);
	} while (*p);
	return n;
}

/* ------------------------------------------------------------ marks */

typedef struct Render
{
	const gr_report *r;
	const gr_violation *v;
	size_t		nv;
	bool	   *drawn;			/* per cell: shown in a table */
	/* cells that take part in a failing strict rule */
	const char **mtbl;
	const char **mrow;
	const char **mcol;			/* NULL: any column */
	int			nmarks;
	int			capmarks;
} Render;

static void
add_mark(Render *rd, const char *tbl, const char *row, const char *col)
{
	if (rd->nmarks == rd->capmarks)
	{
		rd->capmarks = rd->capmarks ? rd->capmarks * 2 : 32;
		rd->mtbl = repalloc(rd->mtbl, sizeof(char *) * rd->capmarks);
		rd->mrow = repalloc(rd->mrow, sizeof(char *) * rd->capmarks);
		rd->mcol = repalloc(rd->mcol, sizeof(char *) * rd->capmarks);
	}
	rd->mtbl[rd->nmarks] = tbl;
	rd->mrow[rd->nmarks] = row;
	rd->mcol[rd->nmarks] = col;
	rd->nmarks++;
}

static bool
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
is_marked(const Render *rd, const char *tbl, const char *row, const char *col)
{
	for (int i = 0; i < rd->nmarks; i++)
		if (streq(rd->mtbl[i], tbl) && streq(rd->mrow[i], row) &&
			(rd->mcol[i] == NULL || streq(rd->mcol[i], col)))
			return true;
	return false;
}

static const char *const t3_cols[] = {
	"natural_person", "commercial_enterprise", "research_institution",
	"social_welfare_org", "legal_service_org", "other_org", "total"
};

#define N_T3_COLS ((int) lengthof(t3_cols))

/* The cells each failing strict rule is about (gr_rules.h, "Scopes"). */
static void
collect_marks(Render *rd)
{
	rd->capmarks = 32;
	rd->mtbl = palloc(sizeof(char *) * rd->capmarks);
	rd->mrow = palloc(sizeof(char *) * rd->capmarks);
	rd->mcol = palloc(sizeof(char *) * rd->capmarks);

	for (size_t i = 0; i < rd->nv; i++)
	{
		const gr_violation *v = &rd->v[i];
		const char *id = v->rule;
		const char *sc = v->scope ? v->scope : "";

		if (v->kind != GR_RULE_STRICT)
			continue;
		if (strcmp(id, "R1") == 0)
		{
			add_mark(rd, "t3", "new_received", sc);
			add_mark(rd, "t3", "carried_over", sc);
			add_mark(rd, "t3", "processed_total", sc);
			add_mark(rd, "t3", "carried_forward", sc);
		}
		else if (strcmp(id, "R2") == 0)
			add_mark(rd, "t3", "processed_total", sc);
		else if (strcmp(id, "R3") == 0)
			add_mark(rd, "t3", sc, "total");
		else if (strcmp(id, "R5") == 0)
			add_mark(rd, "t3", sc, "legal_person_subtotal");
		else if (strcmp(id, "R6") == 0 || strcmp(id, "R7") == 0 ||
				 strcmp(id, "R8") == 0)
			add_mark(rd, "t4", sc, "total");
		else if (strcmp(id, "R4") == 0 || strcmp(id, "R9") == 0)
		{
			/* "group/column" or "tbl/row/column" */
			char	   *s = pstrdup(sc);
			char	   *a = s,
					   *b = strchr(a, '/'),
					   *c = NULL;

			if (b)
			{
				*b++ = '\0';
				c = strchr(b, '/');
				if (c)
					*c++ = '\0';
			}
			if (strcmp(id, "R4") == 0 && b)
				add_mark(rd, "t3", a, b);
			else if (b && c)
				add_mark(rd, a, b, *c ? c : NULL);
		}
		else
		{
			/* S1-S7 and anything else: the cell whose row key is the scope */
			for (size_t k = 0; k < rd->r->ncells; k++)
			{
				const gr_cell *cell = &rd->r->cells[k];

				if (streq(cell->row_key, sc))
					add_mark(rd, cell->tbl, cell->row_key, cell->col_key);
			}
		}
	}
}

/* ------------------------------------------------------------ values */

/* Index of the first cell with these keys, or -1. */
static int
find_cell(const gr_report *r, const char *tbl, const char *row, const char *col)
{
	const gr_cell *c = gr_report_find(r, tbl, row, col);

	return c ? (int) (c - r->cells) : -1;
}

/* The text of one cell: value, "—" (blank), "∅" (absent), plus "*". */
static char *
cell_text(Render *rd, const char *tbl, const char *row, const char *col)
{
	int			i = find_cell(rd->r, tbl, row, col);
	bool		marked = is_marked(rd, tbl, row, col);
	const char *s;

	if (i < 0)
		s = ABSENT_MARK;
	else
	{
		rd->drawn[i] = true;
		s = rd->r->cells[i].has_value && rd->r->cells[i].value ?
			rd->r->cells[i].value : BLANK_MARK;
	}
	if (marked)
		return psprintf("%s%s", s, FAIL_MARK);
	return psprintf("%s ", s);	/* keeps the digits of a column aligned */
}

static bool
has_row(const gr_report *r, const char *tbl, const char *row)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (streq(r->cells[i].tbl, tbl) && streq(r->cells[i].row_key, row))
			return true;
	return false;
}

/* ------------------------------------------------------------ table 2 */

typedef struct T2Row
{
	const char *key;
	const char *label;
	int			show;			/* 0 always, 1 only when present, 2 unless the
								 * inspection/confirmation split is present */
} T2Row;

typedef struct T2Section
{
	const char *label;
	const char *cols[4];
	const char *col_labels[4];
	T2Row		rows[4];
} T2Section;

static const T2Section t2_2021[] = {
	{"第二十条第（一）项",
		{"issued", "repealed", "in_force"},
		{"本年制发件数", "本年废止件数", "现行有效件数"},
	{{"regulations", "规章", 0}, {"normative_docs", "行政规范性文件", 0}}},
	{"第二十条第（五）项",
		{"decisions"}, {"本年处理决定数量"},
	{{"licensing", "行政许可", 0}}},
	{"第二十条第（六）项",
		{"decisions"}, {"本年处理决定数量"},
	{{"punishment", "行政处罚", 0}, {"coercion", "行政强制", 0}}},
	{"第二十条第（八）项",
		{"amount_10k_yuan"}, {"本年收费金额（单位：万元）"},
	{{"admin_fees", "行政事业性收费", 0}}},
};

static const T2Section t2_2019[] = {
	{"第二十条第（一）项",
		{"made", "published", "published_total"},
		{"本年新制作数量", "本年新公开数量", "对外公开总数量"},
	{{"regulations", "规章", 0}, {"normative_docs", "规范性文件", 0}}},
	{"第二十条第（五）项",
		{"prev_items", "delta", "decisions"},
		{"上一年项目数量", "本年增/减", "处理决定数量"},
		{{"licensing", "行政许可", 0},
			{"other_services", "其他对外管理服务事项", 2},
			{"other_services.inspection", "其他对外管理服务事项：行政检查", 1},
	{"other_services.confirmation", "其他对外管理服务事项：行政确认", 1}}},
	{"第二十条第（六）项",
		{"prev_items", "delta", "decisions"},
		{"上一年项目数量", "本年增/减", "处理决定数量"},
	{{"punishment", "行政处罚", 0}, {"coercion", "行政强制", 0}}},
	{"第二十条第（八）项",
		{"prev_items", "delta"},
		{"上一年项目数量", "本年增/减"},
	{{"admin_fees", "行政事业性收费", 0}}},
	{"第二十条第（九）项",
		{"items", "amount_10k_yuan"},
		{"采购项目数量", "采购总金额（万元，保留四位小数）"},
	{{"central_procurement", "政府集中采购", 0}}},
};

static bool
t2_row_shown(const gr_report *r, const T2Row *row)
{
	switch (row->show)
	{
		case 1:
			return has_row(r, "t2", row->key);
		case 2:
			return has_row(r, "t2", row->key) ||
				!has_row(r, "t2", "other_services.inspection");
		default:
			return true;
	}
}

static void
render_t2(StringInfo b, Render *rd, const T2Section *secs, int nsecs)
{
	int			lw = str_width("信息内容");

	/* one label width for the whole table */
	for (int s = 0; s < nsecs; s++)
		for (int k = 0; k < 4 && secs[s].rows[k].key; k++)
			lw = Max(lw, str_width(secs[s].rows[k].label));
	lw += 2;

	appendStringInfoString(b, "二、主动公开政府信息情况\n");
	for (int s = 0; s < nsecs; s++)
	{
		const T2Section *sec = &secs[s];
		int			ncol = 0;
		int			cw[4];
		char	   *vals[4][4];

		CHECK_FOR_INTERRUPTS();
		while (ncol < 4 && sec->cols[ncol])
			ncol++;
		for (int c = 0; c < ncol; c++)
			cw[c] = str_width(sec->col_labels[c]);
		for (int k = 0; k < 4 && sec->rows[k].key; k++)
		{
			if (!t2_row_shown(rd->r, &sec->rows[k]))
				continue;
			for (int c = 0; c < ncol; c++)
			{
				vals[k][c] = cell_text(rd, "t2", sec->rows[k].key, sec->cols[c]);
				cw[c] = Max(cw[c], str_width(vals[k][c]));
			}
		}

		appendStringInfoString(b, sec->label);
		end_line(b);
		pad(b, 2);
		put_left(b, "信息内容", lw);
		for (int c = 0; c < ncol; c++)
		{
			pad(b, 2);
			put_right(b, sec->col_labels[c], cw[c]);
		}
		end_line(b);
		for (int k = 0; k < 4 && sec->rows[k].key; k++)
		{
			if (!t2_row_shown(rd->r, &sec->rows[k]))
				continue;
			pad(b, 2);
			put_left(b, sec->rows[k].label, lw);
			for (int c = 0; c < ncol; c++)
			{
				pad(b, 2);
				put_right(b, vals[k][c], cw[c]);
			}
			end_line(b);
		}
	}
	appendStringInfoChar(b, '\n');
}

/* ------------------------------------------------------------ table 3 */

#define F19 0x01
#define F21 0x02

typedef struct T3Row
{
	const char *key;			/* NULL: a label without values */
	const char *label;
	int			indent;
	int			formats;
} T3Row;

static const T3Row t3_rows[] = {
	{"new_received", "一、本年新收政府信息公开申请数量", 0, F19 | F21},
	{"carried_over", "二、上年结转政府信息公开申请数量", 0, F19 | F21},
	{NULL, "三、本年度办理结果", 0, F19 | F21},
	{"granted", "（一）予以公开", 1, F19 | F21},
	{"partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, F19 | F21},
	{NULL, "（三）不予公开", 1, F19 | F21},
	{"denied.state_secret", "1.属于国家秘密", 2, F19 | F21},
	{"denied.law_prohibited", "2.其他法律行政法规禁止公开", 2, F19 | F21},
	{"denied.security_stability", "3.危及“三安全一稳定”", 2, F19 | F21},
	{"denied.third_party_rights", "4.保护第三方合法权益", 2, F19 | F21},
	{"denied.internal_affairs", "5.属于三类内部事务信息", 2, F19 | F21},
	{"denied.process_info", "6.属于四类过程性信息", 2, F19 | F21},
	{"denied.enforcement_file", "7.属于行政执法案卷", 2, F19 | F21},
	{"denied.admin_query", "8.属于行政查询事项", 2, F19 | F21},
	{NULL, "（四）无法提供", 1, F19 | F21},
	{"unable.not_held", "1.本机关不掌握相关政府信息", 2, F19 | F21},
	{"unable.needs_creation", "2.没有现成信息需要另行制作", 2, F19 | F21},
	{"unable.unclear_after_correction", "3.补正后申请内容仍不明确", 2, F19 | F21},
	{NULL, "（五）不予处理", 1, F19 | F21},
	{"not_processed.petition_complaint", "1.信访举报投诉类申请", 2, F19 | F21},
	{"not_processed.repeat", "2.重复申请", 2, F19 | F21},
	{"not_processed.publication", "3.要求提供公开出版物", 2, F19 | F21},
	{"not_processed.excessive", "4.无正当理由大量反复申请", 2, F19 | F21},
	{"not_processed.confirm_reissue", "5.要求行政机关确认或重新出具已获取信息", 2, F19 | F21},
	{"other", "（六）其他处理", 1, F19},
	{NULL, "（六）其他处理", 1, F21},
	{"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2, F21},
	{"other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2, F21},
	{"other.other", "3.其他", 2, F21},
	{"processed_total", "（七）总计", 1, F19 | F21},
	{"carried_forward", "四、结转下年度继续办理", 0, F19 | F21},
};

static const char *const t3_col_labels[] = {
	"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"
};

static void
render_t3(StringInfo b, Render *rd, int fmt)
{
	int			nrows = lengthof(t3_rows);
	char	 ***vals = palloc0(sizeof(char **) * nrows);
	int			cw[N_T3_COLS];
	int			lw = 0;
	int			orgw;

	for (int c = 0; c < N_T3_COLS; c++)
		cw[c] = str_width(t3_col_labels[c]);
	for (int i = 0; i < nrows; i++)
	{
		const T3Row *row = &t3_rows[i];

		if (!(row->formats & fmt))
			continue;
		lw = Max(lw, Min(row->indent * 2 + str_width(row->label), LABEL_MAX_COLS));
		if (row->key == NULL)
			continue;
		vals[i] = palloc(sizeof(char *) * N_T3_COLS);
		for (int c = 0; c < N_T3_COLS; c++)
		{
			vals[i][c] = cell_text(rd, "t3", row->key, t3_cols[c]);
			cw[c] = Max(cw[c], str_width(vals[i][c]));
		}
	}

	appendStringInfoString(b, "三、收到和处理政府信息公开申请情况\n");
	/* header: 申请人情况 / 自然人 | 法人或其他组织 (five) | 总计 */
	orgw = 0;
	for (int c = 1; c <= 5; c++)
		orgw += 2 + cw[c];
	orgw -= 2;
	{
		int			all = 0;

		for (int c = 0; c < N_T3_COLS; c++)
			all += 2 + cw[c];
		pad(b, lw);
		put_center(b, "申请人情况", all);
		end_line(b);
	}
	put_left(b, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0);
	end_line(b);
	pad(b, lw);
	pad(b, 2);
	put_right(b, t3_col_labels[0], cw[0]);
	pad(b, 2);
	put_center(b, "法人或其他组织", orgw);
	pad(b, 2);
	put_right(b, t3_col_labels[6], cw[6]);
	end_line(b);
	pad(b, lw);
	for (int c = 0; c < N_T3_COLS; c++)
	{
		pad(b, 2);
		if (c >= 1 && c <= 5)
			put_right(b, t3_col_labels[c], cw[c]);
		else
			pad(b, cw[c]);
	}
	end_line(b);

	for (int i = 0; i < nrows; i++)
	{
		const T3Row *row = &t3_rows[i];
		char	  **pieces;
		int			np;
		int			avail;

		if (!(row->formats & fmt))
			continue;
		CHECK_FOR_INTERRUPTS();
		avail = lw - row->indent * 2;
		np = wrap(row->label, avail, &pieces);
		for (int p = 0; p < np; p++)
		{
			pad(b, row->indent * 2);
			put_left(b, pieces[p], avail);
			if (p == 0 && vals[i])
				for (int c = 0; c < N_T3_COLS; c++)
				{
					pad(b, 2);
					put_right(b, vals[i][c], cw[c]);
				}
			end_line(b);
		}
	}
	appendStringInfoChar(b, '\n');
}

/* ------------------------------------------------------------ table 4 */

static void
render_t4(StringInfo b, Render *rd)
{
	static const char *const groups[] = {"review", "litigation_direct", "litigation_after_review"};
	static const char *const parts[] = {"maintained", "corrected", "other", "pending", "total"};
	static const char *const part_labels[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
	char	   *vals[15];
	int			cw[15];
	int			gw[3];
	int			sep = 2;

	for (int g = 0; g < 3; g++)
	{
		gw[g] = 0;
		for (int p = 0; p < 5; p++)
		{
			int			k = g * 5 + p;

			vals[k] = cell_text(rd, "t4", groups[g], parts[p]);
			cw[k] = Max(str_width(part_labels[p]), str_width(vals[k]));
			gw[g] += cw[k] + (p ? sep : 0);
		}
	}

	appendStringInfoString(b, "四、政府信息公开行政复议、行政诉讼情况\n");
	/* row 1: 行政复议 | 行政诉讼 */
	put_center(b, "行政复议", gw[0]);
	appendStringInfoString(b, " | ");
	put_center(b, "行政诉讼", gw[1] + 3 + gw[2]);
	end_line(b);
	/* row 2: (blank) | 未经复议直接起诉 | 复议后起诉 */
	pad(b, gw[0]);
	appendStringInfoString(b, " | ");
	put_center(b, "未经复议直接起诉", gw[1]);
	appendStringInfoString(b, " | ");
	put_center(b, "复议后起诉", gw[2]);
	end_line(b);
	/* row 3: the five parts three times, then the values */
	for (int line = 0; line < 2; line++)
	{
		for (int g = 0; g < 3; g++)
		{
			if (g)
				appendStringInfoString(b, " | ");
			for (int p = 0; p < 5; p++)
			{
				int			k = g * 5 + p;

				if (p)
					pad(b, sep);
				put_right(b, line == 0 ? part_labels[p] : vals[k], cw[k]);
			}
		}
		end_line(b);
	}
	appendStringInfoChar(b, '\n');
}

/* ------------------------------------------------------------ lists */

/* Cells not drawn in a table, as "tbl  row_key[/col_key]  value". */
static void
render_list(StringInfo b, Render *rd, const char *title, bool skip_prose)
{
	int			kw = 0;
	int			n = 0;
	int			nprose = 0;

	for (size_t i = 0; i < rd->r->ncells; i++)
	{
		const gr_cell *c = &rd->r->cells[i];
		char	   *k;

		if (rd->drawn[i])
			continue;
		if (skip_prose && (streq(c->tbl, "narrative") || streq(c->tbl, "annex")))
		{
			nprose++;
			continue;
		}
		k = psprintf("%s %s%s%s", c->tbl ? c->tbl : "?", c->row_key ? c->row_key : "?",
					 c->col_key ? "/" : "", c->col_key ? c->col_key : "");
		kw = Max(kw, str_width(k));
		n++;
	}
	if (n > 0)
	{
		appendStringInfo(b, "%s\n", title);
		for (size_t i = 0; i < rd->r->ncells; i++)
		{
			const gr_cell *c = &rd->r->cells[i];
			char	   *k;
			char	   *v;

			if (rd->drawn[i])
				continue;
			if (skip_prose && (streq(c->tbl, "narrative") || streq(c->tbl, "annex")))
				continue;
			CHECK_FOR_INTERRUPTS();
			k = psprintf("%s %s%s%s", c->tbl ? c->tbl : "?", c->row_key ? c->row_key : "?",
						 c->col_key ? "/" : "", c->col_key ? c->col_key : "");
			rd->drawn[i] = true;
			v = psprintf("%s%s", c->has_value && c->value ? c->value : BLANK_MARK,
						 is_marked(rd, c->tbl, c->row_key, c->col_key) ? FAIL_MARK : "");
			pad(b, 2);
			put_left(b, k, kw);
			pad(b, 2);
			appendStringInfoString(b, v);
			if (c->unit)
				appendStringInfo(b, " %s", c->unit);
			end_line(b);
		}
		appendStringInfoChar(b, '\n');
	}
	if (nprose > 0)
		appendStringInfo(b, "(%d narrative and annex cells not shown: govreport_cells() lists them)\n\n",
						 nprose);
}

/* ------------------------------------------------------------ legend */

static void
render_legend(StringInfo b, Render *rd)
{
	int			nstrict = 0,
				nplaus = 0;

	for (size_t i = 0; i < rd->nv; i++)
	{
		if (rd->v[i].kind == GR_RULE_STRICT)
			nstrict++;
		else
			nplaus++;
	}
	if (nstrict == 0)
		appendStringInfoString(b, "Strict rules: all hold (blank operands are indeterminate).\n");
	else
	{
		appendStringInfo(b, "%s = cell in a failing strict rule. Strict rules failing (%d):\n",
						 FAIL_MARK, nstrict);
		for (size_t i = 0; i < rd->nv; i++)
			if (rd->v[i].kind == GR_RULE_STRICT)
				appendStringInfo(b, "  %s %s: %s\n", rd->v[i].rule,
								 rd->v[i].scope ? rd->v[i].scope : "",
								 rd->v[i].message ? rd->v[i].message : "");
	}
	if (nplaus > 0)
	{
		appendStringInfo(b, "Plausibility rules failing (%d, not marked):\n", nplaus);
		for (size_t i = 0; i < rd->nv; i++)
			if (rd->v[i].kind != GR_RULE_STRICT)
				appendStringInfo(b, "  %s %s: %s\n", rd->v[i].rule,
								 rd->v[i].scope ? rd->v[i].scope : "",
								 rd->v[i].message ? rd->v[i].message : "");
	}
	appendStringInfo(b, "%s = blank cell (NULL), %s = cell not in the report.\n",
					 BLANK_MARK, ABSENT_MARK);
}

/* ------------------------------------------------------------ function */

static char *
opt_i64(const gr_opt_i64 *o)
{
	return o->present ? psprintf(INT64_FORMAT, (int64) o->v) : pstrdup(BLANK_MARK);
}

PG_FUNCTION_INFO_V1(govreport_render);

/*
 * govreport_render(r govreport) RETURNS text
 *
 * The tables of a report as fixed-width text, failing strict rules marked.
 */
Datum
govreport_render(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	gr_report	r;
	gr_violation *v;
	size_t		nv;
	Render		rd;
	StringInfoData b;
	const char *fmt;

	gr_pg_report_from_datum(rec, &r);
	gr_pg_check(&r, &v, &nv);

	memset(&rd, 0, sizeof(rd));
	rd.r = &r;
	rd.v = v;
	rd.nv = nv;
	rd.drawn = palloc0(sizeof(bool) * Max(r.ncells, 1));
	collect_marks(&rd);

	fmt = gr_format_name(r.format);
	initStringInfo(&b);
	appendStringInfo(&b, "%s  %s  %s",
					 r.agency ? r.agency : "(agency not named)",
					 r.year ? psprintf("%d", r.year) : "(year unknown)",
					 fmt ? fmt : "(format unknown)");
	if (gr_layout_name(r.layout))
		appendStringInfo(&b, " (%s)", gr_layout_name(r.layout));
	appendStringInfoChar(&b, '\n');
	appendStringInfo(&b, "new_received %s  carried_over %s  processed_total %s  carried_forward %s  cells %zu  warnings %zu\n\n",
					 opt_i64(&r.new_received), opt_i64(&r.carried_over),
					 opt_i64(&r.processed_total), opt_i64(&r.carried_forward),
					 r.ncells, r.nwarnings);

	if (r.format == GR_FMT_TEMPLATE_2021 || r.format == GR_FMT_TEMPLATE_2019)
	{
		bool		y21 = r.format == GR_FMT_TEMPLATE_2021;

		if (y21)
			render_t2(&b, &rd, t2_2021, lengthof(t2_2021));
		else
			render_t2(&b, &rd, t2_2019, lengthof(t2_2019));
		render_t3(&b, &rd, y21 ? F21 : F19);
		render_t4(&b, &rd);
		render_list(&b, &rd, "Other table cells:", true);
	}
	else
		render_list(&b, &rd, "Cells (table row/column, value):", false);

	render_legend(&b, &rd);

	PG_RETURN_TEXT_P(cstring_to_text(gr_pg_from_utf8_lossy(b.data, b.len)));
}
