/*
 * gr_stats.c - the pre-2019 statistics table (domain.md 2.4) and the
 * narrative-era annex (2.5): three cells per row, label | unit | value.
 *
 * Label driven like gr_tables.c: every cell of the segment that looks like
 * a label is keyed (NFKC+strip, outline numbering and "其中:" removed) and
 * looked up; the one or two cells after it are the unit and the value.
 * Labels that mean different things under different sections ("(二)被依法
 * 纠错数" under 四、行政复议 and 五、行政诉讼) are resolved by the section
 * the row stands under.
 */
#include "gr_legacy.h"
#include "gr_labels.h"
#include "gr_text.h"
#include "gr_util.h"

#include <string.h>

typedef struct st_row
{
	const char *label;			/* label key: numbering, "其中:" removed */
	const char *key;			/* NULL: a section row without a value */
	const char *unit;			/* the unit the national table prints */
	const char *ctx;			/* only under this section (NULL: anywhere) */
	const char *sets;			/* the section this row opens */
	const char *variant;		/* older local label: named in a warning */
	bool		prefix;			/* the label may go on with a "(...)" note */
} st_row;

static const st_row stats_rows[] = {
	/* 一、主动公开情况 */
	{"主动公开情况", NULL, NULL, NULL, "proactive", NULL, false},
	{"主动公开政府信息数", "proactive.items_total", "条", NULL, NULL, NULL, true},
	{"主动公开规范性文件数", "proactive.normative_docs_published", "条", NULL, NULL, NULL, false},
	{"制发规范性文件总数", "proactive.normative_docs_issued_total", "件", NULL, NULL, NULL, false},
	{"重点领域公开政府信息数", "proactive.key_areas_total", "条", NULL, NULL, NULL, true},
	{"主动公开财政预算决算、三公经费和行政经费信息数", "proactive.key_areas.fiscal", "条", NULL, NULL, NULL, false},
	{"主动公开保障性安居工程建设计划、项目开工和竣工情况,保障性住房的分配和退出等信息数", "proactive.key_areas.housing", "条", NULL, NULL, NULL, false},
	{"主动公开食品安全标准,食品生产经营许可、专项检查整治等信息数", "proactive.key_areas.food_safety", "条", NULL, NULL, NULL, false},
	{"主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数", "proactive.key_areas.environment", "条", NULL, NULL, NULL, false},
	{"主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数", "proactive.key_areas.tendering", "条", NULL, NULL, NULL, false},
	{"主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数", "proactive.key_areas.work_safety", "条", NULL, NULL, NULL, false},
	{"主动公开农用地转为建设用地批准、征收集体土地批准、征地公告征地补偿安置公示、集体土地征收结案等信息数", "proactive.key_areas.land", "条", NULL, NULL, NULL, false},
	{"主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数", "proactive.key_areas.pricing", "条", NULL, NULL, NULL, false},
	{"主动公开本市企业信用信息系统中的警示信息和良好信息等信息数", "proactive.key_areas.credit", "条", NULL, NULL, NULL, false},
	{"主动公开政府部门预算执行审计结果等信息数", "proactive.key_areas.audit", "条", NULL, NULL, NULL, false},
	{"主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数", "proactive.key_areas.public_enterprise_supervision", "条", NULL, NULL, NULL, false},
	{"主动公开市人民政府决定主动公开的其他信息数", "proactive.key_areas.other_city_decided", "条", NULL, NULL, NULL, false},
	{"通过不同渠道和方式公开政府信息的情况", NULL, NULL, NULL, NULL, NULL, false},
	{"政府公报公开政府信息数", "proactive.channel.gazette", "条", NULL, NULL, NULL, false},
	{"政府网站公开政府信息数", "proactive.channel.website", "条", NULL, NULL, NULL, false},
	{"政务微博公开政府信息数", "proactive.channel.weibo", "条", NULL, NULL, NULL, false},
	{"政务微信公开政府信息数", "proactive.channel.wechat", "条", NULL, NULL, NULL, false},
	{"其他方式公开政府信息数", "proactive.channel.other", "条", NULL, NULL, NULL, false},
	/* 二、回应解读情况 */
	{"回应解读情况", NULL, NULL, NULL, "response", NULL, false},
	{"回应公众关注热点或重大舆情数", "response.hot_topics", "次", NULL, NULL, NULL, true},
	{"通过不同渠道和方式回应解读的情况", NULL, NULL, NULL, NULL, NULL, false},
	{"参加或举办新闻发布会总次数", "response.press_conferences", "次", NULL, NULL, NULL, false},
	{"主要负责同志参加新闻发布会次数", "response.press_conferences.by_principal", "次", NULL, NULL, NULL, false},
	{"政府网站在线访谈次数", "response.online_interviews", "次", NULL, NULL, NULL, false},
	{"主要负责同志参加政府网站在线访谈次数", "response.online_interviews.by_principal", "次", NULL, NULL, NULL, false},
	{"政策解读稿件发布数", "response.policy_interpretations", "篇", NULL, NULL, NULL, false},
	{"微博微信回应事件数", "response.weibo_wechat_events", "次", NULL, NULL, NULL, false},
	{"其他方式回应事件数", "response.other_events", "次", NULL, NULL, NULL, false},
	/* 三、依申请公开情况 */
	{"依申请公开情况", NULL, NULL, NULL, "requests", NULL, false},
	{"收到申请数", "requests.received", "件", NULL, NULL, NULL, false},
	{"申请总数", "requests.received", "件", NULL, NULL, "申请总数", false},
	{"当面申请数", "requests.received.in_person", "件", NULL, NULL, NULL, false},
	{"传真申请数", "requests.received.fax", "件", NULL, NULL, NULL, false},
	{"网络申请数", "requests.received.online", "件", NULL, NULL, NULL, false},
	{"网上申请数", "requests.received.online", "件", NULL, NULL, "网上申请数", false},
	{"信函申请数", "requests.received.letter", "件", NULL, NULL, NULL, false},
	{"电子邮件申请数", "requests.received.email", "件", NULL, NULL, "电子邮件申请数", false},
	{"其他形式申请数", "requests.received.other", "件", NULL, NULL, "其他形式申请数", false},
	{"申请办结数", "requests.closed", "件", NULL, NULL, NULL, false},
	{"按时办结数", "requests.closed.on_time", "件", NULL, NULL, NULL, false},
	{"延期办结数", "requests.closed.extended", "件", NULL, NULL, NULL, false},
	{"申请答复数", "requests.answered", "件", NULL, NULL, NULL, false},
	{"对申请的答复总数", "requests.answered", "件", NULL, NULL, "对申请的答复总数", false},
	{"属于已主动公开范围数", "requests.answered.already_public", "件", NULL, NULL, NULL, false},
	{"同意公开答复数", "requests.answered.granted", "件", NULL, NULL, NULL, false},
	{"同意部分公开答复数", "requests.answered.partially_granted", "件", NULL, NULL, NULL, false},
	{"不同意公开答复数", "requests.answered.denied", "件", NULL, NULL, NULL, false},
	{"否决公开答复总数", "requests.answered.rejected_total", "件", NULL, NULL, "否决公开答复总数", false},
	{"涉及国家秘密", "requests.answered.denied.state_secret", "件", NULL, NULL, NULL, false},
	{"涉及商业秘密", "requests.answered.denied.commercial_secret", "件", NULL, NULL, NULL, false},
	{"涉及个人隐私", "requests.answered.denied.personal_privacy", "件", NULL, NULL, NULL, false},
	{"危及国家安全、公共安全、经济安全和社会稳定", "requests.answered.denied.security_stability", "件", NULL, NULL, NULL, false},
	{"不是《条例》所指政府信息", "requests.answered.denied.not_gov_info", "件", NULL, NULL, NULL, false},
	{"法律法规规定的其他情形", "requests.answered.denied.other_legal", "件", NULL, NULL, NULL, false},
	{"不属于本行政机关公开数", "requests.answered.not_this_agency", "件", NULL, NULL, NULL, false},
	{"申请信息不存在数", "requests.answered.not_exist", "件", NULL, NULL, NULL, false},
	{"告知作出更改补充数", "requests.answered.asked_to_amend", "件", NULL, NULL, NULL, false},
	{"告知通过其他途径办理数", "requests.answered.other_channel", "件", NULL, NULL, NULL, false},
	/* 四、行政复议 / 五、行政诉讼 */
	{"行政复议数量", "review.total", "件", NULL, "review", NULL, false},
	{"维持具体行政行为数", "review.maintained", "件", "review", NULL, NULL, false},
	{"行政诉讼数量", "litigation.total", "件", NULL, "litigation", NULL, false},
	{"维持具体行政行为或者驳回原告诉讼请求数", "litigation.maintained_or_dismissed", "件", "litigation", NULL, NULL, false},
	{"被依法纠错数", "review.corrected", "件", "review", NULL, NULL, false},
	{"被依法纠错数", "litigation.corrected", "件", "litigation", NULL, NULL, false},
	{"其他情形数", "review.other", "件", "review", NULL, NULL, false},
	{"其他情形数", "litigation.other", "件", "litigation", NULL, NULL, false},
	{"行政申诉数", "appeals.total", "件", NULL, "appeals", "行政申诉数", false},
	/* 六 - 九 */
	{"举报投诉数量", "complaints.total", "件", NULL, "complaints", NULL, false},
	{"依申请公开信息收取的费用", "fees.collected_yuan", "元", NULL, "fees", NULL, false},
	{"机构建设和保障经费情况", NULL, NULL, NULL, "org", NULL, false},
	{"政府信息公开工作专门机构数", "org.dedicated_bodies", "个", NULL, NULL, NULL, false},
	{"设置政府信息公开查阅点数", "org.reading_points", "个", NULL, NULL, NULL, false},
	{"从事政府信息公开工作人员数", "org.staff_total", "人", NULL, NULL, NULL, false},
	{"专职人员数", "org.staff_full_time", "人", NULL, NULL, NULL, true},
	{"兼职人员数", "org.staff_part_time", "人", NULL, NULL, NULL, true},
	{"政府信息公开专项经费", "org.budget_yuan", "元", NULL, NULL, NULL, true},
	{"政府信息公开会议和培训情况", NULL, NULL, NULL, "training", NULL, false},
	{"召开政府信息公开工作会议或专题会议数", "training.meetings", "次", NULL, NULL, NULL, false},
	{"举办各类培训班数", "training.courses", "次", NULL, NULL, NULL, false},
	{"接受培训人员数", "training.trainees", "人次", NULL, NULL, NULL, false},
	{NULL, NULL, NULL, NULL, NULL, NULL, false}
};

static const st_row annex_rows[] = {
	{"主动公开信息数", "proactive.items_total", "条", NULL, NULL, NULL, false},
	{"全文电子化的主动公开信息数", "proactive.full_text_electronic_items", "条", NULL, NULL, NULL, false},
	{"新增行政规范性文件数", "proactive.new_normative_docs", "条", NULL, NULL, NULL, false},
	{"新增的行政规范性文件数", "proactive.new_normative_docs", "条", NULL, NULL, NULL, false},
	{"新增规范性文件数", "proactive.new_normative_docs", "条", NULL, NULL, NULL, false},
	{NULL, NULL, NULL, NULL, NULL, NULL, false}
};

/* Units a unit cell may hold; the pointer stored in gr_cell.unit. */
static const char *const st_units[] = {
	"人次", "万元", "条", "件", "次", "篇", "元", "个", "人", "项", "%", NULL
};

static const char *
unit_of(const char *key)
{
	for (int i = 0; st_units[i]; i++)
		if (strcmp(key, st_units[i]) == 0)
			return st_units[i];
	return NULL;
}

/* Label key of item i with numbering and a leading "其中:" removed. */
static int
row_key(gr_build *b, const gr_item *it, char *key)
{
	int			n;

	if (it->len == 0 || it->len > 600)
		return 0;
	n = gr_item_key(b->buf, it, key, b->err);
	if (n < 0)
		return -1;
	gr_strip_numbering(key);
	if (gr_starts(key, "其中:"))
		memmove(key, key + strlen("其中:"), strlen(key) - strlen("其中:") + 1);
	gr_strip_numbering(key);
	return (int) strlen(key);
}

static const st_row *
lookup(const st_row *map, const char *key, const char *section)
{
	const st_row *fallback = NULL;

	for (const st_row *r = map; r->label; r++)
	{
		bool		hit;

		/*
		 * Both ways to match start with the label's first bytes: the
		 * first three (one character) rule out most rows without a call.
		 * (A NUL of key is a mismatch, nothing past it is read.)
		 */
		if (key[0] != r->label[0] ||
			(r->label[1] && (key[1] != r->label[1] ||
							 (r->label[2] && key[2] != r->label[2]))))
			continue;
		hit = strcmp(key, r->label) == 0 ||
			(r->prefix && strncmp(key, r->label, strlen(r->label)) == 0 &&
			 key[strlen(r->label)] == '(');
		if (!hit)
			continue;
		if (!r->ctx)
			return r;
		if (section && strcmp(r->ctx, section) == 0)
			return r;
		if (!fallback)
			fallback = r;
	}
	return fallback;
}

typedef struct st_ctx
{
	const char *tbl;
	const st_row *map;
	int			nrows;			/* rows read */
	bool		received;
	bool		answered;
	const char *seen[128];		/* keys read so far (rows are fewer) */
	int			nseen;
} st_ctx;

/* Was key read already?  Records it otherwise. */
static bool
key_seen(st_ctx *cx, const char *key)
{
	for (int i = 0; i < cx->nseen; i++)
		if (strcmp(cx->seen[i], key) == 0)
			return true;
	if (cx->nseen < (int) (sizeof(cx->seen) / sizeof(cx->seen[0])))
		cx->seen[cx->nseen++] = key;
	return false;
}

/* Is the cell a unit ("条", "人次") or blank?  *unit = the static unit. */
static bool
is_unit_cell(gr_build *b, const gr_item *it, const char **unit)
{
	char		key[GR_KEY_SIZE];

	*unit = NULL;
	if (it->len > 24)
		return false;
	if (gr_item_key(b->buf, it, key, b->err) < 0)
		return false;
	if (key[0] == '\0')
		return true;
	*unit = unit_of(key);
	return *unit != NULL;
}

/*
 * Read the rows of one 3-column table kind from the cells of [from, to).
 * header: the key of the header cell that opens the table ("统计指标",
 * "指标"); NULL = rows anywhere.
 */
static gr_status
read_3col(gr_build *b, st_ctx *cx, const char *header, const char *quick)
{
	char		key[GR_KEY_SIZE];
	const char *section = NULL;
	bool		open = header == NULL;
	size_t		quick_len = quick ? strlen(quick) : 0;	/* once, not per cell */
	size_t		i = b->from;

	/*
	 * The header first, in a loop of its own: most segments have no such
	 * table, and this runs over every item of each.  The rows start after
	 * the header cell.
	 */
	if (!open)
	{
		for (; i < b->to && !open; i++)
		{
			const gr_item *it = &b->items->v[i];

			/* cheap byte tests before any normalisation */
			if (it->kind != GR_ITEM_CELL || it->len < quick_len || it->len > 40 ||
				!gr_find_n(b->buf + it->off, it->len, quick, quick_len))
				continue;
			if (gr_item_key(b->buf, it, key, b->err) < 0)
				return b->err->status;
			if (strcmp(key, header) == 0)
				open = true;
		}
		if (!open)
			return GR_OK;
	}
	for (; i < b->to; i++)
	{
		const gr_item *it = &b->items->v[i];
		const st_row *row;
		size_t		cells[3];
		size_t		nc = 0;
		size_t		j;
		const char *unit = NULL;
		const gr_item *val = NULL;
		int			n;

		if (it->kind != GR_ITEM_CELL || it->len == 0)
			continue;
		if (gr_classify_cell(b->buf, it) != GR_CC_LABEL)
			continue;
		{
			const char *u;

			if (is_unit_cell(b, it, &u))
				continue;		/* "篇" is a unit cell, not a row */
			if (b->err->status != GR_OK)
				return b->err->status;
		}
		n = row_key(b, it, key);
		if (n < 0)
			return b->err->status;
		if (n == 0)
			continue;
		if (header && strcmp(key, header) == 0)
			continue;
		row = lookup(cx->map, key, section);
		/* the cells after the label: unit and value */
		for (j = i + 1; j < b->to && nc < 3; j++)
		{
			const gr_item *x = &b->items->v[j];
			const char *u;

			if (x->kind != GR_ITEM_CELL)
				break;
			if (gr_classify_cell(b->buf, x) == GR_CC_LABEL && !is_unit_cell(b, x, &u))
				break;
			if (b->err->status != GR_OK)
				return b->err->status;
			cells[nc++] = j;
		}
		if (!row)
		{
			/* an unknown row with a value: say so */
			if (nc >= 1 && gr_classify_cell(b->buf, &b->items->v[cells[nc - 1]]) == GR_CC_VALUE &&
				b->items->v[cells[nc - 1]].len > 0 &&
				!gr_build_warn(b, "%s table: row \"%.*s\" at line %u is not a known row; skipped",
							   cx->tbl, (int) (it->len > 90 ? 90 : it->len),
							   b->buf + it->off, it->line))
				return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			continue;
		}
		if (row->sets)
			section = row->sets;
		if (!row->key)
			continue;
		if (nc >= 2)
		{
			if (!is_unit_cell(b, &b->items->v[cells[0]], &unit) && b->err->status != GR_OK)
				return b->err->status;
			val = &b->items->v[cells[1]];
		}
		else if (nc == 1)
		{
			const gr_item *x = &b->items->v[cells[0]];

			if (x->len > 0 && is_unit_cell(b, x, &unit))
				val = NULL;
			else
				val = x;
		}
		if (b->err->status != GR_OK)
			return b->err->status;
		if (key_seen(cx, row->key))
		{
			if (!gr_build_warn(b, "%s table: row %s repeated at line %u; the first one is kept",
							   cx->tbl, row->key, it->line))
				return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			continue;
		}
		{
			size_t		at = nc ? b->items->v[cells[nc - 1]].off + b->items->v[cells[nc - 1]].len
				: it->off + it->len;

			if (!gr_emit_value(b, cx->tbl, row->key, NULL, val, at))
				return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			if (!val && !gr_build_warn(b, "%s %s at line %u: no value cell; read as NULL",
									   cx->tbl, row->key, it->line))
				return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
		}
		{
			gr_cell    *c = &b->r->cells[b->r->ncells - 1];

			if (!unit)
				unit = unit_of(row->unit);
			if (c->unit && unit && strcmp(c->unit, unit) != 0 &&
				!gr_build_warn(b, "%s %s at line %u: unit %s in the value cell disagrees with the unit column %s",
							   cx->tbl, row->key, it->line, c->unit, unit))
				return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
			c->unit = unit;
		}
		cx->nrows++;
		if (strcmp(row->key, "requests.received") == 0)
			cx->received = true;
		if (strcmp(row->key, "requests.answered") == 0)
			cx->answered = true;
		if (row->variant &&
			!gr_build_warn(b, "stats_table variant: older local label \"%s\" at line %u read as %s",
						   row->variant, it->line, row->key))
			return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	}
	return GR_OK;
}

gr_status
gr_read_stats_table(gr_build *b, bool *found)
{
	st_ctx		cx;
	bool		title = false;
	size_t		start,
				end;
	gr_status	st;

	*found = false;
	if (b->from >= b->to)
		return GR_OK;
	start = b->items->v[b->from].off;
	end = b->to < b->items->n ? b->items->v[b->to].off : b->len;
	/* domain.md 1.2 step 2: cheap byte tests first */
	title = gr_find(b->buf + start, end - start, "统计表") != NULL;
	if (!title && !gr_find(b->buf + start, end - start, "申请数") &&
		!gr_find(b->buf + start, end - start, "申请总数"))
		return GR_OK;
	memset(&cx, 0, sizeof(cx));
	cx.tbl = "stats";
	cx.map = stats_rows;
	st = read_3col(b, &cx, NULL, NULL);
	if (st != GR_OK)
		return st;
	*found = cx.nrows > 0 && (title || (cx.received && cx.answered));
	return GR_OK;
}

gr_status
gr_read_annex(gr_build *b)
{
	st_ctx		cx;

	memset(&cx, 0, sizeof(cx));
	cx.tbl = "annex";
	cx.map = annex_rows;
	return read_3col(b, &cx, "指标", "指");
}
