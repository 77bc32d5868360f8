/*
 * gr_tables.c - the tables of the 2019 and 2021 national templates.
 *
 * Label-driven: the readers walk the item stream, recognise row labels by
 * their NFKC+strip key, and take the values that follow a label.  Nothing
 * depends on grid positions, so rowspans that are repeated (Word), omitted
 * (scraped pages) or collapsed (markdown) read the same.  Table 4 is read
 * by position, as its labels are often truncated.
 */
#include "gr_build.h"
#include "gr_labels.h"
#include "gr_text.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

/* ----------------------------------------------------------- table 3 rows */

typedef enum
{
	T3_DATA,					/* a row with values */
	T3_GROUP,					/* a group label without values of its own */
	T3_GROUP_OR_DATA			/* "（六）其他处理": data row in 2019, group in 2021 */
} t3_kind;

typedef struct t3_row
{
	const char *key;			/* canonical row key */
	const char *label;			/* label key after numbering is stripped */
	bool		prefix;			/* label may be followed by a note */
	t3_kind		kind;
	bool		after_prev_only;	/* only right after the previous row */
} t3_row;

/* table 3's first row label: where the table starts */
#define T3_FIRST "本年新收政府信息公开申请数量"

static const t3_row t3_rows[] = {
	{"new_received", T3_FIRST, true, T3_DATA, false},
	{"carried_over", "上年结转政府信息公开申请数量", true, T3_DATA, false},
	{"granted", "予以公开", false, T3_DATA, false},
	{"partially_granted", "部分公开", true, T3_DATA, false},
	{NULL, "不予公开", false, T3_GROUP, false},
	{"denied.state_secret", "属于国家秘密", false, T3_DATA, false},
	{"denied.law_prohibited", "其他法律行政法规禁止公开", false, T3_DATA, false},
	{"denied.security_stability", "危及三安全一稳定", false, T3_DATA, false},
	{"denied.third_party_rights", "保护第三方合法权益", false, T3_DATA, false},
	{"denied.internal_affairs", "属于三类内部事务信息", false, T3_DATA, false},
	{"denied.process_info", "属于四类过程性信息", false, T3_DATA, false},
	{"denied.enforcement_file", "属于行政执法案卷", false, T3_DATA, false},
	{"denied.admin_query", "属于行政查询事项", false, T3_DATA, false},
	{NULL, "无法提供", false, T3_GROUP, false},
	{"unable.not_held", "本机关不掌握相关政府信息", false, T3_DATA, false},
	{"unable.needs_creation", "没有现成信息需要另行制作", false, T3_DATA, false},
	{"unable.unclear_after_correction", "补正后申请内容仍不明确", false, T3_DATA, false},
	{NULL, "不予处理", false, T3_GROUP, false},
	{"not_processed.petition_complaint", "信访举报投诉类申请", false, T3_DATA, false},
	{"not_processed.repeat", "重复申请", false, T3_DATA, false},
	{"not_processed.publication", "要求提供公开出版物", false, T3_DATA, false},
	{"not_processed.excessive", "无正当理由大量反复申请", false, T3_DATA, false},
	{"not_processed.confirm_reissue", "要求行政机关确认或重新出具已获取信息", false, T3_DATA, false},
	{"other", "其他处理", false, T3_GROUP_OR_DATA, false},
	{"other.no_correction", "申请人无正当理由逾期不补正", true, T3_DATA, false},
	{"other.fee_unpaid", "申请人逾期未按收费通知要求缴纳费用", true, T3_DATA, false},
	{"other.other", "其他", false, T3_DATA, true},
	{"processed_total", "总计", false, T3_DATA, true},
	{"carried_forward", "结转下年度继续办理", true, T3_DATA, false},
};

#define T3_NROWS (sizeof(t3_rows) / sizeof(t3_rows[0]))
#define T3_OTHER 23
#define T3_OTHER_OTHER 26
#define T3_PROCESSED 27
#define T3_FORWARD 28

static const char *const t3_cols7[] = {
	"natural_person", "commercial_enterprise", "research_institution",
	"social_welfare_org", "legal_service_org", "other_org", "total"
};
static const char *const t3_cols3[] = {
	"natural_person", "legal_person_subtotal", "total"
};

static const char *const t4_rows[] = {
	"review", "litigation_direct", "litigation_after_review"
};
static const char *const t4_cols[] = {
	"maintained", "corrected", "other", "pending", "total"
};

/* ----------------------------------------------------------- table 2 keys */

typedef struct kv
{
	const char *label;
	const char *key;
	int			fmt;			/* evidence: 2019, 2021 or 0 */
	bool		prefix;
} kv;

static const kv t2_rowlabels[] = {
	{"规章", "regulations", 0, false},
	{"行政规范性文件", "normative_docs", 2021, false},
	{"规范性文件", "normative_docs", 2019, false},
	{"行政许可", "licensing", 0, false},
	{"其他对外管理服务事项", "other_services", 2019, false},
	{"行政检查", "other_services.inspection", 2019, false},
	{"行政确认", "other_services.confirmation", 2019, false},
	{"行政处罚", "punishment", 0, false},
	{"行政强制", "coercion", 0, false},
	{"行政事业性收费", "admin_fees", 0, false},
	{"政府集中采购", "central_procurement", 2019, false},
	{NULL, NULL, 0, false}
};

static const kv t2_collabels[] = {
	{"本年制发件数", "issued", 2021, false},
	{"本年废止件数", "repealed", 2021, false},
	{"现行有效件数", "in_force", 2021, false},
	{"本年处理决定数量", "decisions", 2021, false},
	{"本年收费金额", "amount_10k_yuan", 2021, true},
	{"本年新制作数量", "made", 2019, false},
	{"本年新公开数量", "published", 2019, false},
	{"对外公开总数量", "published_total", 2019, false},
	{"上一年项目数量", "prev_items", 2019, false},
	{"本年增/减", "delta", 2019, true},
	{"本年增减", "delta", 2019, true},
	{"处理决定数量", "decisions", 2019, false},
	{"采购项目数量", "items", 2019, false},
	{"采购总金额", "amount_10k_yuan", 2019, true},
	{NULL, NULL, 0, false}
};

/*
 * Might key equal label or start with it?  Both start with the label's
 * first three bytes (one character): the first byte alone is E5..E9 for
 * nearly every label, so it ruled out few.  (No label is empty; a NUL of
 * key is a mismatch, nothing past it is read.)
 */
static inline bool
head_may_match(const char *key, const char *label)
{
	return key[0] == label[0] &&
		(!label[1] || (key[1] == label[1] && (!label[2] || key[2] == label[2])));
}

static const kv *
kv_find(const kv *t, const char *key)
{
	for (; t->label; t++)
		if (head_may_match(key, t->label) &&
			(t->prefix ? gr_starts(key, t->label) : strcmp(key, t->label) == 0))
			return t;
	return NULL;
}

/* Default columns of a table-2 section when its header row is missing. */
static int
t2_default_cols(int fmt, int section, const char **cols)
{
	if (section == 1)
	{
		if (fmt == 2019)
		{
			cols[0] = "made";
			cols[1] = "published";
			cols[2] = "published_total";
		}
		else
		{
			cols[0] = "issued";
			cols[1] = "repealed";
			cols[2] = "in_force";
		}
		return 3;
	}
	if (fmt == 2019)
	{
		if (section == 5 || section == 6)
		{
			cols[0] = "prev_items";
			cols[1] = "delta";
			cols[2] = "decisions";
			return 3;
		}
		if (section == 8)
		{
			cols[0] = "prev_items";
			cols[1] = "delta";
			return 2;
		}
		cols[0] = "items";
		cols[1] = "amount_10k_yuan";
		return 2;
	}
	cols[0] = section == 8 ? "amount_10k_yuan" : "decisions";
	return 1;
}

/* "第二十条第(五)项" -> 5; 0 if key is no section label */
int
gr_t2_section(const char *key)
{
	static const char pre[] = "第二十条第(";
	const unsigned char *k;

	/* every label is tested: most differ in the first byte, no call */
	if (key[0] != pre[0] || strncmp(key, pre, sizeof(pre) - 1) != 0)
		return 0;
	k = (const unsigned char *) key + sizeof(pre) - 1;

	/*
	 * A numeral 一..十 and ')': its three bytes as one key, told by a
	 * switch instead of a strncmp per numeral.  Each byte is read only
	 * when the one before is no NUL (the numerals have none).
	 */
	if (k[0] == 0 || k[1] == 0 || k[2] == 0 || k[3] != ')')
		return 0;
	return gr_cjk_numeral(k);
}

/* ------------------------------------------------------------- helpers */

static bool
is_label(gr_build *b, size_t i)
{
	const gr_item *it = &b->items->v[i];

	return it->kind == GR_ITEM_CELL && !gr_short_ascii_cell(b->buf, it) &&
		gr_classify_cell(b->buf, it) == GR_CC_LABEL;
}




/*
 * Emit one row of values; a row with too few values is all NULL.  *after
 * (if not NULL): the item after the value cells looked at, none of which
 * is a label.
 */
static bool
emit_row(gr_build *b, const char *tbl, const char *row,
		 const char *const *cols, size_t ncols, size_t label, size_t *after)
{
	size_t		idx[GR_MAX_ROW];
	size_t		next;
	size_t		n = gr_collect_values(b, label, ncols, idx, &next);
	const gr_item *lab = &b->items->v[label];

	if (after)
		*after = next;
	if (n < ncols)
	{
		char		seen[256];
		size_t		o = 0;

		seen[0] = '\0';
		for (size_t k = 0; k < n && o + 40 < sizeof(seen); k++)
		{
			const gr_item *v = &b->items->v[idx[k]];

			o += (size_t) snprintf(seen + o, sizeof(seen) - o, "%s\"%.*s\"",
								   k ? ", " : "", (int) (v->len > 24 ? 24 : v->len),
								   b->buf + v->off);
		}
		if (!gr_build_warn(b, "%s %s at line %u: %zu of %zu values (%s); which columns are missing is unknown, so the row is NULL",
						   tbl, row, lab->line, n, ncols, n ? seen : "none"))
			return false;
		for (size_t k = 0; k < ncols; k++)
			if (!gr_emit_value(b, tbl, row, cols[k], NULL, lab->off + lab->len))
				return false;
		return true;
	}
	for (size_t k = 0; k < ncols; k++)
		if (!gr_emit_value(b, tbl, row, cols[k], &b->items->v[idx[k]], 0))
			return false;
	return true;
}

#define KEY_OR_FAIL(i, key) \
	do { if (gr_item_key(b->buf, &b->items->v[(i)], (key), b->err) < 0) return b->err->status; } while (0)

/* ------------------------------------------------------------ table 3 */

/* Is key the table-3 row label new_received? */
bool
gr_is_t3_start(const char *key)
{
	return gr_contains(key, t3_rows[0].label);
}

/* Is key a table-2 section label "第二十条第(一)项"...? */
static bool
is_t2_section(const char *key)
{
	return gr_t2_section(key) > 0;
}

/*
 * Header cells of table 3: two of the five organisation columns, and the
 * legal persons' column of the local 3-column variant.
 */
#define T3_SUB_A "商业企业"
#define T3_SUB_B "科研机构"
#define T3_LEGAL "法人或其他组织"

/*
 * Table 3 from its first label (start, key holding its key).  last_sub and
 * last_legal: the last label before start that is a T3_SUB_* column, and
 * that holds T3_LEGAL (-1: none), as gr_read_template_tables saw them.
 */
static gr_status
read_t3(gr_build *b, size_t start, size_t *end, char *key, long last_sub,
		long last_legal)
{
	size_t		next_row = 0;
	long		last = -1;		/* index into t3_rows of the last data row */
	const char *const *cols = t3_cols7;
	size_t		ncols = 7;
	bool		seen_sub,
				seen_legal;
	size_t		i;
	size_t		hdr_from = start > 40 ? start - 40 : 0;
	int			prose_run = 0;

	if (hdr_from < b->from)
		hdr_from = b->from;
	/* the header, in the 40 items before: 7 columns, or the 3-column variant */
	seen_sub = last_sub >= (long) hdr_from;
	seen_legal = last_legal >= (long) hdr_from;
	if (seen_legal && !seen_sub)
	{
		cols = t3_cols3;
		ncols = 3;
		if (!gr_build_warn(b, "table 3 prints 3 applicant columns (natural person, legal persons, total): the five organisation columns are unknown"))
			return GR_ERR_NOMEM;
	}

	for (i = start; i < b->to && next_row < T3_NROWS; i++)
	{
		const gr_item *it = &b->items->v[i];
		size_t		r;
		size_t		after;
		bool		found = false;

		if (it->kind == GR_ITEM_PROSE)
		{
			/* page headers/footers may interrupt a table, prose ends it */
			if (++prose_run > 3)
				break;
			continue;
		}
		if (!is_label(b, i))
			continue;
		prose_run = 0;
		if (i != start)			/* the caller keyed start */
			KEY_OR_FAIL(i, key);
		gr_strip_numbering(key);
		for (r = next_row; r < T3_NROWS; r++)
		{
			const t3_row *d = &t3_rows[r];
			bool		m = head_may_match(key, d->label) &&
				(d->prefix ? gr_starts(key, d->label) : strcmp(key, d->label) == 0);

			if (!m)
				continue;
			if (d->after_prev_only)
			{
				if (r == T3_OTHER_OTHER && last < T3_OTHER + 1)
					continue;	/* "其他" is only 3.其他 under 其他处理 */
				if (r == T3_PROCESSED && last < 2)
					continue;	/* "总计" before the outcomes is the header */
			}
			found = true;
			break;
		}
		if (!found)
			continue;
		if (t3_rows[r].kind == T3_GROUP)
		{
			next_row = r + 1;
			continue;
		}
		if (t3_rows[r].kind == T3_GROUP_OR_DATA)
		{
			/* values follow: the 2019 data row; a label follows: 2021 group */
			if (i + 1 < b->to && is_label(b, i + 1))
			{
				b->t3_format = GR_FMT_TEMPLATE_2021;
				next_row = r + 1;
				continue;
			}
			b->t3_format = GR_FMT_TEMPLATE_2019;
		}
		if (r > T3_OTHER && r < T3_PROCESSED)
			b->t3_format = GR_FMT_TEMPLATE_2021;
		if (r == T3_PROCESSED && last == T3_OTHER)
			b->t3_format = GR_FMT_TEMPLATE_2019;
		/* rows the table skipped */
		for (size_t s = (last < 0 ? 0 : (size_t) last + 1); s < r; s++)
		{
			if (t3_rows[s].kind != T3_DATA)
				continue;
			if (s > T3_OTHER && s < T3_PROCESSED &&
				b->t3_format != GR_FMT_TEMPLATE_2021)
				continue;
			if (!gr_build_warn(b, "table 3: row %s not found", t3_rows[s].key))
				return GR_ERR_NOMEM;
		}
		if (!emit_row(b, "t3", t3_rows[r].key, cols, ncols, i, &after))
			return GR_ERR_NOMEM;
		last = (long) r;
		next_row = r + 1;
		*end = i + 1;
		if (r == T3_FORWARD)
			break;
		if ((i & 63) == 0 && gr_build_stopped(b))
			return gr_fail(b->err, GR_ERR_CANCELLED, it->off, "canceled", NULL);
		/* the row's value cells are no label: on after them */
		i = after - 1;
	}
	if (last < (long) T3_FORWARD)
	{
		if (!gr_build_warn(b, "table 3 ends early: the rows after %s are missing",
						   last >= 0 ? t3_rows[last].key : "the header"))
			return GR_ERR_NOMEM;
	}
	/* advance the end past the last row's values */
	while (*end < b->to && b->items->v[*end].kind != GR_ITEM_PROSE &&
		   !is_label(b, *end))
		(*end)++;
	b->has_t3 = true;
	return GR_OK;
}

/* ------------------------------------------------------------ table 4 */

static gr_status
read_t4(gr_build *b, size_t from, size_t *end)
{
	char		key[GR_KEY_SIZE];
	long		anchor = -1;
	size_t		i;
	size_t		first = 0;
	bool		found = false;
	int			prose = 0;
	size_t		idx[GR_MAX_ROW];
	size_t		next;
	size_t		n;

	for (i = from; i < b->to; i++)
	{
		if (b->items->v[i].kind == GR_ITEM_PROSE)
		{
			if (++prose > 8)
				break;
			continue;
		}
		if (!is_label(b, i))
			continue;
		KEY_OR_FAIL(i, key);
		gr_strip_numbering(key);
		if (gr_t2_section(key) > 0)
			break;				/* a new table 2: no table 4 here */
		if (strcmp(key, "行政复议") == 0)
		{
			anchor = (long) i;
			break;
		}
	}
	if (anchor < 0)
		return GR_OK;

	/* the data row: the first number after the header */
	prose = 0;
	for (i = (size_t) anchor + 1; i < b->to; i++)
	{
		const gr_item *it = &b->items->v[i];

		if (it->kind == GR_ITEM_PROSE)
		{
			if (++prose > 3)
				break;
			continue;
		}
		if (it->kind != GR_ITEM_CELL || is_label(b, i))
			continue;
		{
			gr_cell		probe;

			memset(&probe, 0, sizeof(probe));
			if (gr_read_number(b->buf + it->off, it->len, b->mem, &probe) == GR_NUM_OK)
			{
				gr_free_value(b->mem, probe.value);
				first = i;
				found = true;
				break;
			}
		}
	}
	if (!found)
	{
		if (!gr_build_warn(b, "table 4: no values found after its header"))
			return GR_ERR_NOMEM;
		return GR_OK;
	}
	/* leading blank cells of the same row belong to it */
	while (first > (size_t) anchor + 1)
	{
		const gr_item *p = &b->items->v[first - 1];

		if (p->kind != GR_ITEM_CELL || is_label(b, first - 1))
			break;
		first--;
	}
	n = gr_collect_values(b, first - 1, 15, idx, &next);
	b->has_t4 = true;
	*end = next;
	if (n < 15)
	{
		if (!gr_build_warn(b, "table 4 at line %u: %zu of 15 values; which are missing is unknown, so table 4 is NULL",
						   b->items->v[first].line, n))
			return GR_ERR_NOMEM;
		for (int k = 0; k < 15; k++)
			if (!gr_emit_value(b, "t4", t4_rows[k / 5], t4_cols[k % 5], NULL,
							   b->items->v[first].off))
				return GR_ERR_NOMEM;
		return GR_OK;
	}
	for (int k = 0; k < 15; k++)
		if (!gr_emit_value(b, "t4", t4_rows[k / 5], t4_cols[k % 5],
						   &b->items->v[idx[k]], 0))
			return GR_ERR_NOMEM;
	return GR_OK;
}

/* ------------------------------------------------------------ table 2 */

/*
 * A table-2 row.  Where the layout marks row ends, the row may hold more
 * cells than values (merge placeholders, "----" fillers): take the cells in
 * order when their number fits, else the cells under the header's column
 * labels (hdrpos: offsets from the header's first cell, valid when the
 * header and the row share a grid), else the non-blank ones in order.
 */
static bool
emit_t2_row(gr_build *b, const char *row, const char *const *cols,
			size_t ncols, const int *hdrpos, size_t label)
{
	size_t		cand[GR_MAX_ROW];
	size_t		ncand = 0;
	size_t		pick[GR_MAX_ROW];
	size_t		npick = 0;
	size_t		j;

	if (b->items->v[label].layout != GR_LAYOUT_TAB &&
		b->items->v[label].layout != GR_LAYOUT_MARKDOWN &&
		b->items->v[label].layout != GR_LAYOUT_HTML)
		return emit_row(b, "t2", row, cols, ncols, label, NULL);
	for (j = label + 1; j < b->to && ncand < GR_MAX_ROW; j++)
	{
		const gr_item *it = &b->items->v[j];

		if (it->kind != GR_ITEM_CELL || is_label(b, j))
			break;
		cand[ncand++] = j;
	}
	if (ncand <= ncols)
		return emit_row(b, "t2", row, cols, ncols, label, NULL);
	if (hdrpos)
	{
		bool		ok = true;

		for (size_t k = 0; k < ncols && ok; k++)
			ok = hdrpos[k] >= 1 && (size_t) hdrpos[k] <= ncand;
		if (ok)
		{
			for (size_t k = 0; k < ncols; k++)
				pick[npick++] = cand[hdrpos[k] - 1];
		}
	}
	if (npick == 0)
	{
		for (size_t k = 0; k < ncand && npick <= ncols; k++)
		{
			const gr_item *it = &b->items->v[cand[k]];
			gr_cell		probe;

			memset(&probe, 0, sizeof(probe));
			if (gr_read_number(b->buf + it->off, it->len, b->mem, &probe) != GR_NUM_BLANK)
				pick[npick++] = cand[k];
			gr_free_value(b->mem, probe.value);
		}
		if (npick != ncols)
			return emit_row(b, "t2", row, cols, ncols, label, NULL);
	}
	for (size_t k = 0; k < ncols; k++)
		if (!gr_emit_value(b, "t2", row, cols[k], &b->items->v[pick[k]], 0))
			return false;
	return true;
}

/*
 * Table 2 is read label by label while gr_read_template_tables looks for
 * table 3: the labels from the first section to table 3 (or the end) are
 * the ones both need, and each is keyed once.
 */
typedef struct t2_reader
{
	int			section;
	const char *cols[8];
	int			hdrpos[8];
	int			ncols;
	bool		header;			/* inside a section's column header row */
	long		hdr_first;		/* item index of the header row's first cell */
	int			fmt;
	long		pending;		/* other_services row waiting for the next label */
	const char *pending_row;
} t2_reader;

static void
t2_begin(t2_reader *r)
{
	r->section = 0;
	r->ncols = 0;
	r->header = false;
	r->hdr_first = -1;
	r->fmt = 0;
	r->pending = -1;
	r->pending_row = NULL;
}

/* Emit the row of label i under the columns read so far. */
static bool
t2_emit(gr_build *b, t2_reader *r, const char *row, size_t i)
{
	const char *use[8];
	int			nuse = r->ncols;

	if (nuse == 0)
		nuse = t2_default_cols(r->fmt, r->section, use);
	else
		memcpy(use, r->cols, sizeof(const char *) * (size_t) nuse);
	return emit_t2_row(b, row, use, (size_t) nuse,
					   r->ncols > 0 && r->hdr_first >= 0 ? r->hdrpos : NULL, i);
}

/*
 * "其他对外管理服务事项" followed at once by another label is the parent of
 * 行政检查 / 行政确认, not a row, unless that label is table 3's first (where
 * table 2 stops).  Which it is shows at the next label: the row waits for
 * it.  Nothing is emitted in between, so the cells come in the same order.
 */
static bool
t2_resolve(gr_build *b, t2_reader *r, long next_label, bool ends)
{
	long		p = r->pending;

	if (p < 0)
		return true;
	r->pending = -1;
	if (!ends && next_label == p + 1)
		return true;
	return t2_emit(b, r, r->pending_row, (size_t) p);
}

/* One label of table 2 (item i, key its key). */
static bool
t2_step(gr_build *b, t2_reader *r, size_t i, const char *key)
{
	const kv   *rk;
	const kv   *ck;
	int			s;

	if (!t2_resolve(b, r, (long) i, false))
		return false;
	if ((s = gr_t2_section(key)) > 0)
	{
		r->section = s;
		r->ncols = 0;
		r->header = true;
		r->hdr_first = -1;
		return true;
	}
	if (r->section == 0)
		return true;
	if (strcmp(key, "信息内容") == 0)
	{
		r->header = true;
		r->ncols = 0;
		r->hdr_first = (long) i;
		return true;
	}
	if ((ck = kv_find(t2_collabels, key)) != NULL)
	{
		if (!r->header)
		{
			r->header = true;
			r->ncols = 0;
			r->hdr_first = (long) i - 1;
		}
		if (r->ncols < 8)
		{
			r->hdrpos[r->ncols] = r->hdr_first >= 0 ? (int) ((long) i - r->hdr_first) : -1;
			r->cols[r->ncols++] = ck->key;
		}
		if (ck->fmt)
			r->fmt = ck->fmt;
		return true;
	}
	if ((rk = kv_find(t2_rowlabels, key)) != NULL)
	{
		r->header = false;
		if (rk->fmt && !r->fmt)
			r->fmt = rk->fmt;
		if (strcmp(rk->key, "other_services") == 0 && i + 1 < b->to)
		{
			r->pending = (long) i;
			r->pending_row = rk->key;
			return true;
		}
		return t2_emit(b, r, rk->key, i);
	}
	return true;
}

/* Table 2 ends (at table 3's first label or the end of the segment). */
static bool
t2_end(gr_build *b, t2_reader *r)
{
	if (!t2_resolve(b, r, -1, true))
		return false;
	b->has_t2 = true;
	b->t2_format = r->fmt == 2021 ? GR_FMT_TEMPLATE_2021 :
		r->fmt == 2019 ? GR_FMT_TEMPLATE_2019 : 0;
	return true;
}

gr_status
gr_read_template_tables(gr_build *b)
{
	char		key[GR_KEY_SIZE];
	t2_reader	r2;
	long		t3 = -1;
	long		t2 = -1;
	long		last_sub = -1;
	long		last_legal = -1;
	size_t		t3end = 0;
	size_t		t4end = 0;
	gr_status	st;

	/*
	 * Table 3 starts at the first label that is its first row; table 2 at
	 * the first section label before that, and runs up to table 3.
	 */
	for (size_t i = b->from; i < b->to; i++)
	{
		int			n;

		if (!is_label(b, i))
			continue;
		if ((n = gr_item_key(b->buf, &b->items->v[i], key, b->err)) < 0)
			return b->err->status;
		/* (a key shorter than the label cannot hold it: no strstr) */
		if (n >= (int) sizeof(T3_FIRST) - 1 && gr_is_t3_start(key))
		{
			t3 = (long) i;
			break;
		}
		/* read_t3's header tests, so that it need not key these again */
		if ((key[0] == T3_SUB_A[0] && strcmp(key, T3_SUB_A) == 0) ||
			(key[0] == T3_SUB_B[0] && strcmp(key, T3_SUB_B) == 0))
			last_sub = (long) i;
		if (n >= (int) sizeof(T3_LEGAL) - 1 && gr_contains(key, T3_LEGAL))
			last_legal = (long) i;
		if (t2 < 0)
		{
			if (!is_t2_section(key))
				continue;
			t2 = (long) i;
			t2_begin(&r2);
		}
		if (!t2_step(b, &r2, i, key))
			return GR_ERR_NOMEM;
	}
	if (t2 >= 0 && !t2_end(b, &r2))
		return GR_ERR_NOMEM;
	if (t3 >= 0)
	{
		st = read_t3(b, (size_t) t3, &t3end, key, last_sub, last_legal);
		if (st != GR_OK)
			return st;
		b->t3_end = t3end;
	}
	st = read_t4(b, t3 >= 0 ? t3end : (t2 >= 0 ? (size_t) t2 : b->from), &t4end);
	return st;
}
