/*
 * gr_narrative.c - figures printed in running text (domain.md 5.2).
 *
 * Only prose items are read, and only around trigger phrases: one pass
 * over each prose line finds every trigger of a fixed pattern table and
 * every marker phrase at once (gr_phrases.h; no normalisation of the
 * document), and the number next to a trigger is read together with its
 * unit.  Seed 003 and the older reports are
 * half-width, the newer ones full-width: triggers hold no punctuation, and
 * punctuation is compared in both widths.
 *
 * Every match is a candidate (key, number span, priority); a number is
 * claimed by the first pattern of the table that reads it, so the specific
 * patterns come first ("现场咨询" before "咨询").  Per key the candidate of
 * the highest priority wins, then the first in the text; inferred values
 * (negative sentences) have the lowest priority.
 *
 * Traps (domain.md 5.2, truth not_gi_figures): request patterns refuse
 * sentences about hotline calls, online messages, case files, proposals
 * and petitions; a number must be followed by the pattern's unit, so
 * document numbers (〔2018〕25号), years (2018年), phone numbers and the
 * hotline name 96181 never match.
 */
#include "gr_legacy.h"
#include "gr_phrases.h"
#include "gr_text.h"
#include "gr_util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ byte text */

static bool
at(const char *s, size_t len, size_t p, const char *lit)
{
	size_t		n = strlen(lit);

	return p + n <= len && memcmp(s + p, lit, n) == 0;
}

static bool
has(const char *s, size_t from, size_t to, const char *needle)
{
	return to > from && gr_find(s + from, to - from, needle) != NULL;
}

/* Length of the UTF-8 character at s[p] (1 for stray bytes). */
static size_t
ulen(const char *s, size_t len, size_t p)
{
	unsigned char c = (unsigned char) s[p];
	size_t		n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

	return p + n <= len ? n : 1;
}

/* A digit (ASCII or full-width) at p?  Its byte length, else 0. */
static size_t
digit_at(const char *s, size_t len, size_t p)
{
	if (p < len && s[p] >= '0' && s[p] <= '9')
		return 1;
	if (p + 3 <= len && (unsigned char) s[p] == 0xEF && (unsigned char) s[p + 1] == 0xBC &&
		(unsigned char) s[p + 2] >= 0x90 && (unsigned char) s[p + 2] <= 0x99)
		return 3;
	return 0;
}

/* Sentence breakers: 。；; (and the line ends) */
static size_t
brk_len(const char *s, size_t len, size_t p, bool clause)
{
	unsigned char c = (unsigned char) s[p];

	/* the full-width marks start with E3 (。) or EF (；！？，) */
	if (c != 0xE3 && c != 0xEF && c != ';' && c != ',')
		return 0;
	if (at(s, len, p, "。") || at(s, len, p, "；") || at(s, len, p, "！") ||
		at(s, len, p, "？"))
		return 3;
	if (s[p] == ';')
		return 1;
	if (clause)
	{
		if (at(s, len, p, "，"))
			return 3;
		if (s[p] == ',')
			return 1;
	}
	return 0;
}

/*
 * Sentence (or, with clause, clause) bounds around p.  Searched at most
 * SENT_MAX bytes away, so a document without punctuation stays linear.
 */
#define SENT_MAX 1500

#ifdef GR_SSE2
/*
 * The bytes among the sixteen at p that may start a sentence break (bit k
 * for p[k]): brk_len's first-byte test, E3, EF, ';' and with clause ','.
 * Each is a character's first byte, whatever the bytes around it.
 */
static inline unsigned
brk_starts16(const char *p, bool clause)
{
	__m128i		a = _mm_loadu_si128((const __m128i *) p);
	__m128i		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xE3)),
											  _mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xEF))),
								 _mm_cmpeq_epi8(a, _mm_set1_epi8(';')));

	if (clause)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(a, _mm_set1_epi8(',')));
	return (unsigned) _mm_movemask_epi8(m);
}
#endif

static size_t
sent_start(const char *s, size_t len, size_t p, bool clause)
{
	size_t		lim = p > SENT_MAX ? p - SENT_MAX : 0;

	for (size_t i = p; i > lim;)
	{
		size_t		b;

#ifdef GR_SSE2

		/*
		 * Sixteen bytes at a time, the breaks among them from the last:
		 * the loop below tests every first byte of a character, and only
		 * those brk_starts16 finds can start a break.
		 */
		if (i - lim >= 16)
		{
			unsigned	m = brk_starts16(s + i - 16, clause);

			i -= 16;
			while (m)
			{
				unsigned	k = 31 - (unsigned) __builtin_clz(m);

				b = brk_len(s, len, i + k, clause);
				if (b && i + k + b <= p)
					return i + k + b;
				m &= ~(1u << k);
			}
			continue;
		}
#endif
		i--;
		if (((unsigned char) s[i] & 0xC0) == 0x80)
			continue;
		b = brk_len(s, len, i, clause);
		if (b && i + b <= p)
			return i + b;
	}
	while (lim > 0 && lim < len && ((unsigned char) s[lim] & 0xC0) == 0x80)
		lim++;
	return lim;
}

static size_t
sent_end(const char *s, size_t len, size_t p, bool clause)
{
	size_t		lim = len - p > SENT_MAX ? p + SENT_MAX : len;
	size_t		i = p;

	/* i is always a position that the stepping by ulen from p reaches */
	while (i < lim)
	{
#ifdef GR_SSE2

		/*
		 * Sixteen bytes at a time.  The stepping reaches every byte that
		 * is no continuation byte unless a lead byte claims it (one that
		 * is up to three bytes before it and says the character is that
		 * long: malformed text); then a step at a time, below.  Else the
		 * first byte that may start a break (brk_starts16) is reached;
		 * without one, the step from the last that is no continuation byte.
		 */
		if (i >= 3 && lim - i >= 16)
		{
			const char *q = s + i;
			__m128i		a = _mm_loadu_si128((const __m128i *) q);
			__m128i		b1 = _mm_loadu_si128((const __m128i *) (q - 1));
			__m128i		b2 = _mm_loadu_si128((const __m128i *) (q - 2));
			__m128i		b3 = _mm_loadu_si128((const __m128i *) (q - 3));
			__m128i		cont = _mm_cmplt_epi8(a, _mm_set1_epi8(-64));	/* 80..BF */
			__m128i		ge2 = _mm_cmpeq_epi8(_mm_max_epu8(b1, _mm_set1_epi8((char) 0xC0)), b1);
			__m128i		ge3 = _mm_cmpeq_epi8(_mm_max_epu8(b2, _mm_set1_epi8((char) 0xE0)), b2);
			__m128i		ge4 = _mm_cmpeq_epi8(_mm_max_epu8(b3, _mm_set1_epi8((char) 0xF0)), b3);
			unsigned	m;

			if (_mm_movemask_epi8(_mm_andnot_si128(cont, _mm_or_si128(_mm_or_si128(ge2, ge3), ge4))) == 0)
			{
				m = brk_starts16(q, clause);
				if (m)
				{
					size_t		j = i + (size_t) __builtin_ctz(m);

					if (brk_len(s, len, j, clause))
						return j;
					i = j + ulen(s, len, j);
					continue;
				}
				m = (unsigned) _mm_movemask_epi8(cont) ^ 0xFFFF;
				if (m)
				{
					size_t		x = i + 31 - (size_t) __builtin_clz(m);

					i = x + ulen(s, len, x);
					continue;
				}
			}
		}
#endif
		if (brk_len(s, len, i, clause))
			return i;
		i += ulen(s, len, i);
	}
	while (lim < len && ((unsigned char) s[lim] & 0xC0) == 0x80)
		lim++;
	return lim;
}

/*
 * The number at p: digits, grouped commas, one decimal point.  Returns its
 * end, or p when there is none.  "82510861,82510772" stops at the comma.
 */
static size_t
num_end(const char *s, size_t len, size_t p)
{
	size_t		q = p,
				d,
				first_comma = 0;
	bool		dot = false,
				comma = false,
				ok_group = true;
	int			group = 0,
				lead = 0;

	while (q < len)
	{
		if ((d = digit_at(s, len, q)) > 0)
		{
			q += d;
			group++;
			if (!comma && !dot)
				lead++;
			continue;
		}
		if (s[q] == ',' && !dot && digit_at(s, len, q + 1))
		{
			if (!comma)
			{
				first_comma = q;
				if (lead > 3)
					ok_group = false;
			}
			else if (group != 3)
				ok_group = false;
			comma = true;
			group = 0;
			q++;
			continue;
		}
		if (s[q] == '.' && !dot && digit_at(s, len, q + 1))
		{
			if (comma && group != 3)
				ok_group = false;
			dot = true;
			q++;
			continue;
		}
		break;
	}
	if (comma && !dot && group != 3)
		ok_group = false;
	if (comma && !ok_group)
		return first_comma;
	return q;
}

/* ------------------------------------------------------------- patterns */

enum
{
	K_FWD,						/* trigger, gap, number, unit */
	K_BACK,						/* number, trigger (the unit is in the trigger) */
	K_SUB						/* "主办N件" under the last proposals figure */
};

enum
{
	C_NONE = 0,
	C_REQ,						/* not in sentences about calls, messages, proposals */
	C_HOT,						/* only in the hotline call sentence */
	C_TRAIN						/* only in sentences about training */
};

typedef const char *(*classify_fn) (const char *s, size_t len, size_t cstart,
									size_t sstart, size_t pos);

typedef struct npat
{
	const char *trig;
	const char *key;			/* NULL: fn decides */
	classify_fn fn;
	int			gap;			/* characters allowed between trigger and number */
	const char *units;			/* "件", "个|条"; for K_BACK the unit */
	int			kind;
	int			prio;
	int			cls;
	const char *need;			/* the sentence must hold this */
	const char *after;			/* text right after the unit */
	const char *not_before;		/* the trigger must not follow this */
	bool		cjk;			/* 两/三… count as numbers */
	bool		pct;			/* a share "，占N%" may follow */
} npat;

static const char *
cls_proactive(const char *s, size_t len, size_t cstart, size_t sstart, size_t pos)
{
	(void) sstart;
	(void) len;
	if (has(s, cstart, pos, "大厅"))
		return "proactive.hall";
	if (has(s, cstart, pos, "外网网站"))
		return "proactive.external_website";
	if (has(s, cstart, pos, "今日头条"))
		return "proactive.toutiao";
	if (has(s, cstart, pos, "微博"))
		return "proactive.weibo";
	if (has(s, cstart, pos, "微信"))
		return "proactive.wechat";
	if (has(s, cstart, pos, "客户端"))
		return "proactive.app";
	if (has(s, cstart, pos, "网站"))
		return "proactive.website";
	return "proactive.items_total";
}

static const char *
cls_push(const char *s, size_t len, size_t cstart, size_t sstart, size_t pos)
{
	(void) sstart;
	(void) len;
	if (has(s, cstart, pos, "微博"))
		return "proactive.weibo";
	if (has(s, cstart, pos, "微信"))
		return "proactive.wechat";
	return NULL;
}

static const char *
cls_video(const char *s, size_t len, size_t cstart, size_t sstart, size_t pos)
{
	(void) sstart;
	(void) len;
	if (has(s, cstart, pos, "快手"))
		return "proactive.kuaishou_videos";
	if (has(s, cstart, pos, "抖音"))
		return "proactive.douyin_videos";
	return NULL;
}

static const char *
cls_fee(const char *s, size_t len, size_t cstart, size_t sstart, size_t pos)
{
	(void) cstart;
	(void) len;
	if (has(s, sstart, pos, "诉讼"))
		return "fees.litigation_cost_yuan";
	if (has(s, sstart, pos, "减免") || has(s, sstart, pos, "免收") ||
		has(s, sstart, pos, "免除"))
		return "fees.waived_yuan";
	if (has(s, sstart, pos, "收取") || has(s, sstart, pos, "收费"))
		return "fees.collected_yuan";
	return NULL;
}

#define FWD(t, k, g, u, c) {t, k, NULL, g, u, K_FWD, 2, c, NULL, NULL, NULL, false, false}
#define FWDP(t, k, g, u, c) {t, k, NULL, g, u, K_FWD, 2, c, NULL, NULL, NULL, false, true}

static const npat pats[] = {
	/* requests (2019+ wording first) */
	FWD("新收政府信息公开申请", "requests.new_received", 3, "件", C_REQ),
	FWD("上年结转", "requests.carried_over", 12, "件", C_REQ),
	FWD("自上年度结转", "requests.carried_over", 0, "件", C_REQ),
	FWD("上年度结转", "requests.carried_over", 0, "件", C_REQ),
	FWD("结转下", "requests.carried_forward", 6, "件", C_REQ),
	FWD("收到政府信息公开申请", "requests.received", 2, "件", C_REQ),
	FWD("受理政府信息公开申请", "requests.received", 2, "件", C_REQ),
	FWD("收到申请", "requests.received", 0, "件", C_REQ),
	{"办结", "requests.closed", NULL, 0, "件", K_FWD, 2, C_REQ, "申请", NULL, NULL, false, false},
	FWD("已经答复的", "requests.answered", 0, "件", C_REQ),
	{"件申请", "requests.answered", NULL, 0, "件", K_BACK, 2, C_REQ, "答复", NULL, NULL, false, false},
	/* channels */
	FWDP("通过互联网提交申请有", "requests.received.online", 0, "件", C_REQ),
	FWDP("以信函形式申请", "requests.received.letter", 0, "件", C_REQ),
	FWDP("网络申请", "requests.received.online", 1, "件", C_REQ),
	FWDP("网上申请", "requests.received.online", 1, "件", C_REQ),
	FWDP("当面申请", "requests.received.in_person", 1, "件", C_REQ),
	FWDP("信函申请", "requests.received.letter", 1, "件", C_REQ),
	FWDP("传真申请", "requests.received.fax", 1, "件", C_REQ),
	FWDP("电子邮件申请", "requests.received.email", 1, "件", C_REQ),
	/* old answer types (2008-2018 wording) */
	FWDP("同意公开答复数", "requests.answered.granted", 0, "件", C_REQ),
	FWDP("同意部分公开", "requests.answered.partially_granted", 4, "件", C_REQ),
	FWDP("不同意公开", "requests.answered.denied", 4, "件", C_REQ),
	FWDP("非政府信息", "requests.answered.not_gov_info", 3, "件", C_REQ),
	FWDP("信息不存在", "requests.answered.not_exist", 3, "件", C_REQ),
	FWDP("非本单位掌握", "requests.answered.not_this_agency", 3, "件", C_REQ),
	FWDP("不属于本机关", "requests.answered.not_this_agency", 6, "件", C_REQ),
	FWDP("申请内容不明确", "requests.answered.unclear", 3, "件", C_REQ),
	/* outcome groups (2019+) */
	{"予以公开", "outcome.granted", NULL, 0, "件", K_FWD, 2, C_REQ, NULL, NULL, "不", false, true},
	{"部分公开", "outcome.partially_granted", NULL, 0, "件", K_FWD, 2, C_REQ, NULL, NULL, "同意", false, true},
	FWDP("不予公开", "outcome.denied", 0, "件", C_REQ),
	FWDP("无法提供", "outcome.unable", 0, "件", C_REQ),
	FWDP("不予处理", "outcome.not_processed", 0, "件", C_REQ),
	FWDP("其他处理", "outcome.other", 0, "件", C_REQ),
	/* review, litigation, complaints */
	FWD("行政复议申请", "review.total", 0, "件", C_NONE),
	FWD("行政诉讼案", "litigation.total", 0, "件", C_NONE),
	FWD("申诉案", "complaints.total", 0, "件", C_NONE),
	/* fees */
	FWD("收费通知的件数", "fees.notices", 0, "件", C_NONE),
	FWD("实际收取的总金额", "fees.collected_yuan", 0, "元", C_NONE),
	FWD("总金额", "fees.notices_amount_yuan", 0, "元", C_NONE),
	FWD("与诉讼有关的费用支出共计", "fees.litigation_cost_yuan", 0, "元", C_NONE),
	{"共计", NULL, cls_fee, 0, "元", K_FWD, 2, C_NONE, "费", NULL, NULL, false, false},
	/* staff */
	FWD("专职干部", "staff.full_time", 1, "人", C_NONE),
	FWD("专职人员", "staff.full_time", 1, "人", C_NONE),
	FWD("专职工作人员", "staff.full_time", 1, "人", C_NONE),
	FWD("全职人员", "staff.full_time", 1, "人", C_NONE),
	FWD("全职工作人员", "staff.full_time", 1, "人", C_NONE),
	FWD("兼职干部", "staff.part_time", 1, "人", C_NONE),
	FWD("兼职人员", "staff.part_time", 1, "人", C_NONE),
	FWD("兼职工作人员", "staff.part_time", 1, "人", C_NONE),
	{"名全职工作人员", "staff.full_time", NULL, 0, "人", K_BACK, 1, C_NONE, NULL, NULL, NULL, false, false},
	{"名专职工作人员", "staff.full_time", NULL, 0, "人", K_BACK, 1, C_NONE, NULL, NULL, NULL, false, false},
	{"名兼职工作人员", "staff.part_time", NULL, 0, "人", K_BACK, 1, C_NONE, NULL, NULL, NULL, false, false},
	{"个专门的信息申请受理点", "org.reception_points", NULL, 0, "个", K_BACK, 1, C_NONE, NULL, NULL, NULL, false, false},
	{"个专门的信息公开申请受理点", "org.reception_points", NULL, 0, "个", K_BACK, 1, C_NONE, NULL, NULL, NULL, false, false},
	/* consultations */
	FWDP("现场咨询", "consultations.on_site", 0, "人次", C_NONE),
	FWDP("电话咨询", "consultations.phone", 0, "人次", C_NONE),
	FWDP("网上咨询", "consultations.online", 0, "人次", C_NONE),
	FWD("咨询", "consultations.total", 0, "人次", C_NONE),
	/* proactive disclosure */
	FWD("全文电子化率", "proactive.full_text_electronic_rate_pct", 3, "%|％", C_NONE),
	FWD("政府信息公开大厅为", "proactive.hall", 0, "条", C_NONE),
	FWD("大厅主动公开信息为", "proactive.hall_note", 0, "条", C_NONE),
	FWD("累计达到", "proactive.all_channels_note", 0, "条", C_NONE),
	{"共计", "proactive.hall_note_total", NULL, 0, "条", K_FWD, 2, C_NONE, "大厅数据", NULL, NULL, false, false},
	{"主动公开政府信息的", "proactive.growth_factor_vs_", NULL, 0, "倍", K_FWD, 2, C_NONE, NULL, NULL, NULL, false, false},
	{"主动公开", NULL, cls_proactive, 4, "条", K_FWD, 2, C_NONE, NULL, NULL, NULL, false, false},
	{"推送更新", NULL, cls_push, 0, "条", K_FWD, 2, C_NONE, NULL, NULL, NULL, false, false},
	{"发布视频", NULL, cls_video, 0, "个|条", K_FWD, 2, C_NONE, NULL, NULL, NULL, false, false},
	FWD("网站更新信息共计", "proactive.website_articles", 0, "篇", C_NONE),
	FWD("微信公众号制作发布信息", "proactive.wechat_articles", 0, "篇", C_NONE),
	FWD("发布新闻报道", "media_reports", 0, "篇", C_NONE),
	/* categories of proactively disclosed information */
	FWDP("机构职能类", "proactive.category.org_functions", 24, "条", C_NONE),
	FWDP("法规文件类", "proactive.category.regulations_docs", 24, "条", C_NONE),
	FWDP("规划计划类", "proactive.category.planning", 24, "条", C_NONE),
	FWDP("行政职责类", "proactive.category.admin_duties", 24, "条", C_NONE),
	FWDP("业务动态类", "proactive.category.business_news", 24, "条", C_NONE),
	FWDP("工作动态类", "proactive.category.work_news", 24, "条", C_NONE),
	FWDP("统计信息类", "proactive.category.statistics", 24, "条", C_NONE),
	FWDP("人事信息类", "proactive.category.personnel", 24, "条", C_NONE),
	FWDP("财政信息类", "proactive.category.fiscal", 24, "条", C_NONE),
	FWDP("企业常见问题选登", "proactive.category.enterprise_faq", 0, "条", C_NONE),
	FWDP("政策法规", "proactive.category.policies", 0, "条", C_NONE),
	FWDP("来信选登", "proactive.category.letters", 0, "条", C_NONE),
	/* other figures used by checks */
	FWD("专栏访问量为", "column_visits", 0, "次", C_NONE),
	{"举办了", "training.sessions", NULL, 0, "次", K_FWD, 2, C_TRAIN, NULL, NULL, NULL, true, false},
	{"开展", "training.sessions", NULL, 0, "次", K_FWD, 2, C_TRAIN, NULL, NULL, NULL, true, false},
	{"名干部参加", "training.participants", NULL, 0, "人", K_BACK, 2, C_TRAIN, NULL, NULL, NULL, false, false},
	{"名工作人员参加", "training.participants", NULL, 0, "人", K_BACK, 2, C_TRAIN, NULL, NULL, NULL, false, false},
	FWD("接到市政协提案", "proposals.city_cppcc", 0, "件", C_NONE),
	FWD("接到市人大代表建议", "proposals.city_npc", 0, "件", C_NONE),
	FWD("接到区人大代表建议", "proposals.district_npc", 0, "件", C_NONE),
	FWD("接到区政协提案", "proposals.district_cppcc", 0, "件", C_NONE),
	{"主办", ".lead", NULL, 0, "件", K_SUB, 2, C_NONE, NULL, NULL, NULL, false, false},
	{"会办", ".assist", NULL, 0, "件", K_SUB, 2, C_NONE, NULL, NULL, NULL, false, false},
	{"承担", "proposals.cppcc", NULL, 0, "件", K_FWD, 2, C_NONE, NULL, "委员提案", NULL, false, false},
	/* the hotline call sentence (003-2008): recorded, never requests */
	FWD("共接收各种来电", "hotline.calls_total", 0, "件", C_HOT),
	FWD("区便民电话", "hotline.district_service_phone", 1, "件", C_HOT),
	FWD("市非应急救助系统公文", "hotline.city_nonemergency_docs", 1, "件", C_HOT),
	FWD("电话登记单", "hotline.phone_register", 1, "件", C_HOT),
	FWD("城市管理广播", "hotline.city_mgmt_broadcast", 1, "件", C_HOT),
	FWD("政风行风热线", "hotline.conduct_hotline", 1, "件", C_HOT),
	FWD("中心网站", "hotline.center_website", 1, "件", C_HOT),
	FWD("12319系统", "hotline.12319", 1, "件", C_HOT),
	FWD("分拣", "hotline.sorted", 1, "件", C_HOT),
	FWD("办理结案及时率", "hotline.timely_rate_pct", 0, "%|％", C_HOT),
	FWD("结案率", "hotline.closure_rate_pct", 0, "%|％", C_HOT),
};

#define NPATS (sizeof(pats) / sizeof(pats[0]))
#define NPATW ((NPATS + 63) / 64)

/* Words of sentences whose counts are not GI requests (domain.md 5.2). */
static const char *const req_traps[] = {
	"留言", "热线", "来电", "提案", "案卷", "代表建议", "诉求", "来信", "呼叫",
	"信访", "投诉", NULL
};

static const char *const units_static[] = {
	"人次", "件", "条", "人", "元", "次", "篇", "个", "倍", "%", NULL
};

static const char *
static_unit(const char *u, size_t n)
{
	if (n == 3 && memcmp(u, "％", 3) == 0)
		return "%";
	for (int i = 0; units_static[i]; i++)
		if (strlen(units_static[i]) == n && memcmp(units_static[i], u, n) == 0)
			return units_static[i];
	return NULL;
}

/* ----------------------------------------------------------- candidates */

enum
{
	SUF_NONE, SUF_APPROX, SUF_PCT, SUF_YEAR, SUF_SAME
};

typedef struct cand
{
	const char *key;
	int			suffix;
	int			year;			/* SUF_YEAR */
	size_t		noff;			/* number (absolute byte offsets) */
	size_t		nlen;
	size_t		poff;			/* printed span */
	size_t		plen;
	const char *vtext;			/* value text when not read from the span */
	const char *unit;
	uint32_t	flags;
	int			prio;
	uint32_t	line;
	bool		dead;
} cand;

/* Words that negate a topic (scan_negative); "无" is the strict one. */
static const char *const neg_markers[] = {
	"未收到", "未产生", "未发生", "未接到", "没有", "无"
};
#define N_NEG_MARKERS (sizeof(neg_markers) / sizeof(neg_markers[0]))

/* "every request was answered" (scan_markers) */
static const char *const answered_phrases[] = {
	"已依法依规及时、妥善回复", "已依法依规及时,妥善回复", "按流程完成回复"
};
#define N_ANSWERED (sizeof(answered_phrases) / sizeof(answered_phrases[0]))

/* Figures one prose line may yield; beyond that it is no report text. */
#define MAX_LINE_CANDS 2000

/*
 * Every phrase searched for in a prose line: the triggers, then the rest,
 * with the id gr_phrases_add gave each.  The set depends on the static
 * tables only, so it is built once per process (pthread_once, in case a
 * caller ever parses in several threads) instead of per report: building
 * it (a ~15 KB memset and ~150 additions) cost more than scanning a short
 * report.  Read-only once built.
 */
typedef struct nphrases
{
	gr_phrases	ph;
	int			pat_id[NPATS];
	/* per phrase id: bit p of the patterns whose trigger it is */
	uint64_t	pat_mask[GR_PHRASES_MAX][NPATW];
	int			neg_id[N_NEG_MARKERS];
	int			answered_id[N_ANSWERED];
	int			natural_id;
	int			all_zero_id;
	int			same_id;
	bool		sieve_ok;		/* line_may_yield's assumptions hold */
} nphrases;

static bool sieve_plan_holds(void);

static nphrases nphr;
static pthread_once_t nphr_once = PTHREAD_ONCE_INIT;

static void
nphr_build(void)
{
	gr_phrases_init(&nphr.ph);
	for (size_t p = 0; p < NPATS; p++)
	{
		nphr.pat_id[p] = gr_phrases_add(&nphr.ph, pats[p].trig);
		if (nphr.pat_id[p] >= 0)
			nphr.pat_mask[nphr.pat_id[p]][p / 64] |= (uint64_t) 1 << (p % 64);
	}
	for (size_t m = 0; m < N_NEG_MARKERS; m++)
		nphr.neg_id[m] = gr_phrases_add(&nphr.ph, neg_markers[m]);
	for (size_t i = 0; i < N_ANSWERED; i++)
		nphr.answered_id[i] = gr_phrases_add(&nphr.ph, answered_phrases[i]);
	nphr.natural_id = gr_phrases_add(&nphr.ph, "类别均为自然人");
	nphr.all_zero_id = gr_phrases_add(&nphr.ph, "均为0");
	nphr.same_id = gr_phrases_add(&nphr.ph, "同上年持平");
	nphr.sieve_ok = sieve_plan_holds();
}

typedef struct nctx
{
	gr_build   *b;
	cand	   *v;
	size_t		n;
	size_t		cap;
	size_t		line_first;		/* first candidate of the current line */
	size_t		answered_all;	/* offset + 1 of "已依法依规…回复" */
	size_t		natural_all;	/* offset + 1 of "类别均为自然人" */

	/* the best candidate of each key so far: x->v[0..n) before a line */
	int		   *best;			/* open addressing: index + 1, 0 = empty */
	size_t		best_cap;		/* slots, a power of two (or 0) */

	/* every phrase searched for in a line (nphrases, shared) */
	const struct nphrases *ph;

	/* occurrences in the current line, chained per phrase in text order */
	struct
	{
		size_t		pos;
		int			next;
	}		   *hv;
	size_t		nh;
	size_t		hcap;
	int			hhead[GR_PHRASES_MAX];
	int			htail[GR_PHRASES_MAX];
	int			hcount[GR_PHRASES_MAX];
	uint8_t		touched[GR_PHRASES_MAX];
	int			ntouched;

	/* the last sentence trap_sentence was asked about, and its answer */
	const char *trap_s;
	size_t		trap_ss;
	size_t		trap_se;
	bool		trap;
} nctx;

/*
 * Occurrences kept per phrase and line: above any reader's own limit
 * (MAX_LINE_CANDS, 200 negations), so the cap never changes a result.
 */
#define MAX_LINE_HITS (2 * MAX_LINE_CANDS)

static bool
on_hit(void *ctx, int id, size_t pos)
{
	nctx	   *x = ctx;
	int			h;

	if (x->hcount[id] >= MAX_LINE_HITS)
		return true;
	if (!gr_grow(x->b->mem, (void **) &x->hv, &x->hcap, x->nh + 1, sizeof(*x->hv)))
		return false;			/* out of memory: the scan stops */
	h = (int) x->nh++;
	x->hv[h].pos = pos;
	x->hv[h].next = -1;
	if (x->hcount[id]++ == 0)
	{
		x->hhead[id] = h;
		x->touched[x->ntouched++] = (uint8_t) id;
	}
	else
		x->hv[x->htail[id]].next = h;
	x->htail[id] = h;
	return true;
}

/* Find every phrase in the prose line it; false when out of memory. */
static bool
index_line(nctx *x, const gr_item *it)
{
	for (int i = 0; i < x->ntouched; i++)
	{
		x->hcount[x->touched[i]] = 0;
		x->hhead[x->touched[i]] = -1;
	}
	x->ntouched = 0;
	x->nh = 0;
	return gr_phrases_scan(&x->ph->ph, x->b->buf + it->off, it->len, on_hit, x);
}

/* First occurrence of phrase id in the current line, or SIZE_MAX. */
static size_t
first_hit(const nctx *x, int id)
{
	return id >= 0 && x->hhead[id] >= 0 ? x->hv[x->hhead[id]].pos : SIZE_MAX;
}

static bool
add(nctx *x, const cand *c)
{
	if (!gr_grow(x->b->mem, (void **) &x->v, &x->cap, x->n + 1, sizeof(cand)))
		return false;
	x->v[x->n++] = *c;
	return true;
}

static bool
claimed(nctx *x, size_t noff)
{
	for (size_t i = x->line_first; i < x->n; i++)
		if (!x->v[i].dead && x->v[i].nlen && x->v[i].noff == noff &&
			!(x->v[i].flags & GR_CELL_INFERRED))
			return true;
	return false;
}

static const char *const cjk_num[] = {
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", NULL
};
static const char *const cjk_val[] = {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "2", NULL
};

/* Match one of the '|'-separated units at q; its length, 0 if none. */
static size_t
unit_at(const char *s, size_t len, size_t q, const char *units, const char **u)
{
	const char *p = units;

	while (*p)
	{
		const char *e = strchr(p, '|');
		size_t		n = e ? (size_t) (e - p) : strlen(p);

		if (q + n <= len && memcmp(s + q, p, n) == 0)
		{
			/* "人" is not "人次" */
			if (n == 3 && memcmp(p, "人", 3) == 0 && at(s, len, q + 3, "次"))
				return 0;
			*u = static_unit(p, n);
			return n;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* A share "，占总数的33%" / ",约占65.4%" right after a figure ending at q. */
static bool
try_pct(nctx *x, const char *s, size_t len, size_t q, size_t base, const cand *fig)
{
	size_t		p = q,
				ps,
				ne;
	uint32_t	flags = GR_CELL_PERCENT;
	cand		c;
	int			chars = 0;

	/* a note in brackets may stand between: "1条(内容可具体描述),占…" */
	if (at(s, len, p, "(") || at(s, len, p, "（"))
	{
		size_t		e = p;

		while (e < len && !at(s, len, e, ")") && !at(s, len, e, "）") &&
			   !brk_len(s, len, e, true) && e - p < 90)
			e += ulen(s, len, e);
		if (at(s, len, e, ")"))
			p = e + 1;
		else if (at(s, len, e, "）"))
			p = e + 3;
	}
	if (at(s, len, p, "，"))
		p += 3;
	else if (p < len && s[p] == ',')
		p++;
	ps = p;
	if (at(s, len, p, "约"))
	{
		flags |= GR_CELL_APPROX;
		p += 3;
	}
	if (!at(s, len, p, "占"))
		return true;
	p += 3;
	while (p < len && !digit_at(s, len, p) && chars < 10)
	{
		if (brk_len(s, len, p, true))
			return true;
		p += ulen(s, len, p);
		chars++;
	}
	ne = num_end(s, len, p);
	if (ne == p)
		return true;
	if (at(s, len, ne, "%"))
		q = ne + 1;
	else if (at(s, len, ne, "％"))
		q = ne + 3;
	else
		return true;
	if (claimed(x, base + p))
		return true;
	memset(&c, 0, sizeof(c));
	c.key = fig->key;
	c.suffix = SUF_PCT;
	c.noff = base + p;
	c.nlen = ne - p;
	c.poff = (flags & GR_CELL_APPROX) ? base + ps : base + p;
	c.plen = base + q - c.poff;
	c.unit = "%";
	c.flags = flags;
	c.prio = fig->prio;
	c.line = fig->line;
	return add(x, &c);
}

static bool
trap_sentence(const char *s, size_t ss, size_t se)
{
	for (int i = 0; req_traps[i]; i++)
		if (has(s, ss, se, req_traps[i]))
			return true;
	return false;
}

/* All matches of pattern pt in one prose line. */
static bool
scan_pattern(nctx *x, const npat *pt, int id, const gr_item *it)
{
	const char *s = x->b->buf + it->off;
	size_t		len = it->len;
	size_t		tl = strlen(pt->trig);
	size_t		base = it->off;
	size_t		from = 0;
	int			hits = 0;

	/* the occurrences that do not overlap, from the left */
	for (int h = x->hhead[id]; h >= 0; h = x->hv[h].next)
	{
		size_t		pos = x->hv[h].pos;
		size_t		tend = pos + tl;
		size_t		ss,
					se,
					cs;
		size_t		np = 0,
					ne = 0,
					q,
					un = 0;
		const char *unit = NULL;
		const char *vtext = NULL;
		const char *key = pt->key;
		uint32_t	flags = 0;
		cand		c;

		if (pos < from)
			continue;
		if (x->n - x->line_first >= MAX_LINE_CANDS || hits++ >= MAX_LINE_CANDS)
			break;
		from = tend;
		if (pt->not_before)
		{
			size_t		nb = strlen(pt->not_before);

			if (pos >= nb && memcmp(s + pos - nb, pt->not_before, nb) == 0)
				continue;
		}
		/* sentence bounds only where a test needs them */
		ss = cs = pos;
		se = len;
		if (pt->cls != C_NONE || pt->need || pt->kind == K_SUB)
		{
			ss = sent_start(s, len, pos, false);
			se = sent_end(s, len, tend, false);
		}
		if (pt->fn || pt->kind == K_SUB || strcmp(pt->trig, "主动公开政府信息的") == 0)
		{
			if (ss == pos)
				ss = sent_start(s, len, pos, false);
			cs = sent_start(s, len, pos, true);
		}
		if (pt->cls == C_REQ)
		{
			/*
			 * The request patterns of a sentence ("新收…12件，上年结转1件，
			 * 办结12件…") ask about the same sentence: its answer is kept.
			 */
			if (x->trap_s != s || x->trap_ss != ss || x->trap_se != se)
			{
				x->trap_s = s;
				x->trap_ss = ss;
				x->trap_se = se;
				x->trap = trap_sentence(s, ss, se);
			}
			if (x->trap)
				continue;
		}
		if (pt->cls == C_HOT && !has(s, ss, se, "来电"))
			continue;
		if (pt->cls == C_TRAIN && !has(s, ss, se, "培训"))
			continue;
		if (pt->need && !has(s, ss, se, pt->need))
			continue;

		if (pt->kind == K_BACK)
		{
			size_t		p = pos;

			if (p >= 3 && memcmp(s + p - 3, "余", 3) == 0)
			{
				flags |= GR_CELL_APPROX;
				p -= 3;
			}
			ne = p;
			while (p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9')
				p--;
			np = p;
			if (np == ne || (np > 0 && (s[np - 1] == '.' || s[np - 1] == ',')))
				continue;
			unit = static_unit(pt->units, strlen(pt->units));
			q = tend;
		}
		else
		{
			size_t		p = tend;
			int			chars = 0;
			int			depth = 0;
			bool		ok = false;

			for (;;)
			{
				if (p >= se)
					break;
				if (digit_at(s, len, p))
				{
					ok = true;
					break;
				}
				if (pt->cjk)
				{
					int			k;

					for (k = 0; cjk_num[k]; k++)
						if (at(s, len, p, cjk_num[k]))
							break;
					if (cjk_num[k] && unit_at(s, len, p + 3, pt->units, &unit))
					{
						vtext = cjk_val[k];
						ok = true;
						break;
					}
				}
				if (chars >= pt->gap)
					break;
				if (at(s, len, p, "(") || at(s, len, p, "（"))
					depth++;
				else if ((at(s, len, p, ")") || at(s, len, p, "）")) && depth > 0)
					depth--;
				else if (brk_len(s, len, p, true) ||
						 (depth == 0 && at(s, len, p, "、")))
					break;
				p += ulen(s, len, p);
				chars++;
			}
			if (!ok)
				continue;
			np = p;
			if (vtext)
				ne = p + 3;
			else
			{
				ne = num_end(s, len, p);
				if (ne == np)
					continue;
			}
			q = ne;
			if (!vtext && at(s, len, q, "余"))
			{
				flags |= GR_CELL_APPROX;
				q += 3;
			}
			while (q < len && s[q] == ' ')
				q++;
			un = unit_at(s, len, q, pt->units, &unit);
			if (!un)
				continue;
			q += un;
			if (pt->after && !at(s, len, q, pt->after))
				continue;
		}
		if (claimed(x, base + np))
			continue;
		if (pt->kind == K_SUB)
		{
			/* the proposals figure this "主办N件" belongs to */
			const cand *parent = NULL;

			for (size_t i = x->n; i > x->line_first; i--)
			{
				const cand *pc = &x->v[i - 1];

				if (pc->line == it->line && pc->suffix == SUF_NONE &&
					strncmp(pc->key, "proposals.", 10) == 0 &&
					strchr(pc->key + 10, '.') == NULL &&
					pc->noff < base + pos && pc->noff >= base + ss)
				{
					parent = pc;
					break;
				}
			}
			if (!parent)
				continue;
			key = gr_printf(x->b->mem, "%s%s", parent->key, pt->key);
			if (!key)
				return false;
		}
		else if (!key && pt->fn)
			key = pt->fn(s, len, cs, ss, pos);
		if (!key)
			continue;
		memset(&c, 0, sizeof(c));
		c.key = key;
		c.suffix = (flags & GR_CELL_APPROX) ? SUF_APPROX : SUF_NONE;
		if (strcmp(key, "proactive.growth_factor_vs_") == 0)
		{
			/* "是2009年主动公开政府信息的18倍" */
			size_t		y = cs;

			c.suffix = SUF_YEAR;
			c.year = 0;
			for (; y + 7 <= pos; y++)
				if (digit_at(s, len, y) == 1 && y + 4 < len && at(s, len, y + 4, "年") &&
					(y == 0 || !digit_at(s, len, y - 1)))
				{
					int			v = 0;
					bool		good = true;

					for (int k = 0; k < 4; k++)
						if (s[y + k] >= '0' && s[y + k] <= '9')
							v = v * 10 + (s[y + k] - '0');
						else
							good = false;
					if (good)
						c.year = v;
				}
			if (!c.year)
				continue;
		}
		c.noff = base + np;
		c.nlen = ne - np;
		c.poff = base + np;
		c.plen = (flags & GR_CELL_APPROX) ? (ne - np) + 3 : ne - np;
		if (unit && strcmp(unit, "%") == 0 && pt->kind != K_BACK)
			c.plen = q - np;	/* "100%": the sign is printed with it */
		c.vtext = vtext;
		c.unit = unit;
		c.flags = flags | (unit && strcmp(unit, "%") == 0 ? GR_CELL_PERCENT : 0);
		c.prio = pt->prio;
		c.line = it->line;
		if (!add(x, &c))
			return false;
		if (pt->pct && pt->kind == K_FWD &&
			!try_pct(x, s, len, q, base, &x->v[x->n - 1]))
			return false;
	}
	return true;
}

/* ---------------------------------------------------- inferred values */

/*
 * A value no digit of its own prints: flags GR_CELL_INFERRED for a
 * negative sentence; 0 for "…的件数和总金额…均为0", where one printed 0
 * states three quantities (printed "" at the phrase, not inferred).
 */
static bool
add_implied(nctx *x, const char *key, size_t off, const char *unit,
			uint32_t line, const char *vtext, uint32_t flags)
{
	cand		c;

	memset(&c, 0, sizeof(c));
	c.key = key;
	c.poff = off;
	c.plen = 0;
	c.vtext = vtext;
	c.unit = unit;
	c.flags = flags;
	c.prio = flags & GR_CELL_INFERRED ? 0 : 1;
	c.line = line;
	return add(x, &c);
}

static bool
add_inferred(nctx *x, const char *key, size_t off, const char *unit,
			 uint32_t line, const char *vtext)
{
	return add_implied(x, key, off, unit, line, vtext, GR_CELL_INFERRED);
}

/* Does s[p..) start with a count (digits followed by 件 or 元)? */
static bool
count_in(const char *s, size_t from, size_t to)
{
	for (size_t p = from; p < to; p++)
		if (s[p] >= '0' && s[p] <= '9')
		{
			size_t		e = num_end(s, to, p);

			if (at(s, to, e, "件") || at(s, to, e, "元") || at(s, to, e, "人次"))
				return true;
			p = e;
		}
	return false;
}

typedef struct topic
{
	const char *word;
	const char *key;
	const char *unit;
} topic;

static const topic topics[] = {
	{"依申请公开", "requests.received", "件"},
	{"政府信息公开申请", "requests.received", "件"},
	{"政府信息公开的申请", "requests.received", "件"},
	{"行政复议、行政诉讼案件", "review_and_litigation.total", "件"},
	{"行政复议", "review.total", "件"},
	{"行政诉讼", "litigation.total", "件"},
	{"申诉", "complaints.total", "件"},
	{"免除费用", "fees.waived_yuan", "元"},
	{"减免", "fees.waived_yuan", "元"},
	{"收费", "fees.collected_yuan", "元"},
	{NULL, NULL, NULL}
};

/*
 * Negative sentences: "我单位无依申请公开…情况", "未收到…行政复议申请、
 * 行政诉讼案", "未产生…行政复议、行政诉讼案件".  For "无" the topic must
 * follow at once ("无申请行政复议、提起行政诉讼、收费…"), so "无法提供",
 * "无形成许可、处罚、收费等" and the like are no negations.
 */
static bool
scan_negative(nctx *x, const gr_item *it)
{
	const char *s = x->b->buf + it->off;
	size_t		len = it->len;

	for (size_t m = 0; m < N_NEG_MARKERS; m++)
	{
		size_t		from = 0;
		int			hits = 0;
		int			id = x->ph->neg_id[m];

		for (int h = id >= 0 ? x->hhead[id] : -1; h >= 0; h = x->hv[h].next)
		{
			size_t		pos = x->hv[h].pos;
			size_t		p = pos + strlen(neg_markers[m]);
			size_t		se = sent_end(s, len, p, false);
			size_t		end = se;
			bool		loose = m < N_NEG_MARKERS - 1;
			bool		review_joint = false;

			if (pos < from)
				continue;
			if (hits++ >= 200)
				break;
			from = p;
			if (m == N_NEG_MARKERS - 1 && pos >= 3 && (at(s, len, pos - 3, "未") || at(s, len, pos - 3, "没") ||
									   at(s, len, pos - 3, "并")))
				continue;
			if (count_in(s, p, se))
				continue;
			if (!loose)
			{
				/* "无" + optional 申请/依法 + a topic, then a list */
				size_t		q = p;
				bool		first = false;

				if (at(s, len, q, "申请") && !at(s, len, q, "申请公开"))
					q += 6;
				for (int t = 0; topics[t].word; t++)
					if (at(s, len, q, topics[t].word))
						first = true;
				if (!first)
					continue;
				end = sent_end(s, len, p, true);	/* up to the next comma */
			}
			for (int t = 0; topics[t].word; t++)
			{
				const char *w = gr_find(s + p, end - p, topics[t].word);

				if (!w)
					continue;
				if (strcmp(topics[t].key, "review_and_litigation.total") == 0)
					review_joint = true;
				if (review_joint && (strcmp(topics[t].key, "review.total") == 0 ||
									 strcmp(topics[t].key, "litigation.total") == 0))
					continue;
				/* "收费" inside "免除费用"? no; "减免收费" counts once */
				if (strcmp(topics[t].key, "fees.collected_yuan") == 0 &&
					w >= s + 6 && memcmp(w - 6, "减免", 6) == 0)
					continue;
				if (strcmp(topics[t].key, "requests.received") == 0)
				{
					bool		dup = false;

					for (size_t i = x->line_first; i < x->n; i++)
						if (x->v[i].line == it->line && (x->v[i].flags & GR_CELL_INFERRED) &&
							strcmp(x->v[i].key, "requests.received") == 0)
							dup = true;
					if (dup)
						continue;
				}
				if (!add_inferred(x, topics[t].key, it->off + pos, topics[t].unit,
								  it->line, "0"))
					return false;
			}
		}
	}
	return true;
}

/* "发出收费通知的件数和总金额以及实际收取的总金额均为0" */
static bool
scan_all_zero(nctx *x, const gr_item *it)
{
	const char *s = x->b->buf + it->off;
	size_t		len = it->len;
	size_t		pos = first_hit(x, x->ph->all_zero_id),
				ss,
				st;
	const char *n;

	if (pos == SIZE_MAX)
		return true;
	if (digit_at(s, len, pos + strlen("均为0")))
		return true;
	ss = sent_start(s, len, pos, false);
	n = gr_find(s + ss, pos - ss, "收费通知");
	if (!n)
		return true;
	st = (size_t) (n - s);
	if (st >= 6 && memcmp(s + st - 6, "发出", 6) == 0)
		st -= 6;
	if (gr_find(s + ss, pos - ss, "件数") &&
		!add_implied(x, "fees.notices", it->off + st, "件", it->line, "0", 0))
		return false;
	if (gr_find(s + ss, pos - ss, "总金额"))
	{
		const char *a = gr_find(s + ss, pos - ss, "实际收取");

		if (!add_implied(x, "fees.notices_amount_yuan", it->off + st, "元", it->line, "0", 0))
			return false;
		if (a && !add_implied(x, "fees.collected_yuan", it->off + st, "元", it->line, "0", 0))
			return false;
	}
	return true;
}

/*
 * "兼职人员共1人,同上年持平": the figure before the phrase equals last
 * year's (N5); kept as <key>_same_as_last_year, inferred, at the phrase.
 */
static bool
scan_same(nctx *x, const gr_item *it)
{
	const char *s = x->b->buf + it->off;
	size_t		hp = first_hit(x, x->ph->same_id);
	const char *h;
	const cand *fig = NULL;
	cand		c;

	if (hp == SIZE_MAX)
		return true;
	h = s + hp;
	for (size_t i = x->line_first; i < x->n; i++)
	{
		const cand *k = &x->v[i];

		if (k->line == it->line && k->nlen && !(k->flags & GR_CELL_INFERRED) &&
			k->suffix == SUF_NONE && k->noff < it->off + (size_t) (h - s) &&
			(!fig || k->noff > fig->noff))
			fig = k;
	}
	if (!fig)
		return true;
	c = *fig;
	c.suffix = SUF_SAME;
	c.poff = it->off + (size_t) (h - s);
	c.plen = 0;
	c.flags = GR_CELL_INFERRED;
	c.prio = 0;
	return add(x, &c);
}

static void
scan_markers(nctx *x, const gr_item *it)
{
	const char *s = x->b->buf + it->off;

	for (size_t i = 0; i < N_ANSWERED; i++)
	{
		size_t		p = first_hit(x, x->ph->answered_id[i]);

		if (p != SIZE_MAX && !x->answered_all)
			x->answered_all = it->off + p + 1;
	}
	{
		size_t		p = first_hit(x, x->ph->natural_id);

		if (p != SIZE_MAX && !x->natural_all)
		{
			/* the phrase starts at "新收" when printed */
			size_t		ss = sent_start(s, it->len, p, false);
			const char *nh = gr_find(s + ss, p - ss, "新收");

			x->natural_all = it->off + (nh ? (size_t) (nh - s) : ss) + 1;
		}
	}
}

/* ------------------------------------------------------------- emitting */

static const char *
full_key(nctx *x, const cand *c)
{
	switch (c->suffix)
	{
		case SUF_APPROX:
			return gr_printf(x->b->mem, "%s_approx", c->key);
		case SUF_PCT:
			return gr_printf(x->b->mem, "%s.pct", c->key);
		case SUF_YEAR:
			return gr_printf(x->b->mem, "%s%d", c->key, c->year);
		case SUF_SAME:
			return gr_printf(x->b->mem, "%s_same_as_last_year", c->key);
		default:
			return c->key;
	}
}

static bool
same_key(const cand *a, const cand *b)
{
	return a->suffix == b->suffix && a->year == b->year && strcmp(a->key, b->key) == 0;
}

/* key, then the better candidate first: higher priority, earlier text */
static int
cmp_cand(const void *pa, const void *pb)
{
	const cand *a = pa,
			   *b = pb;
	int			c = strcmp(a->key, b->key);

	if (c)
		return c;
	if (a->suffix != b->suffix)
		return a->suffix < b->suffix ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->prio != b->prio)
		return a->prio > b->prio ? -1 : 1;
	if (a->poff != b->poff)
		return a->poff < b->poff ? -1 : 1;
	return 0;
}

static bool
emit(nctx *x, const cand *c)
{
	gr_build   *b = x->b;
	gr_cell    *cell;
	gr_num_kind k;
	const char *key = full_key(x, c);

	if (!key)
		return false;
	if (!gr_grow(b->mem, (void **) &b->r->cells, &b->cells_cap,
				 b->r->ncells + 1, sizeof(gr_cell)))
		return false;
	cell = &b->r->cells[b->r->ncells];
	memset(cell, 0, sizeof(*cell));
	if (c->vtext)
		k = gr_read_number(c->vtext, strlen(c->vtext), b->mem, cell);
	else
		k = gr_read_number(b->buf + c->noff, c->nlen, b->mem, cell);
	if (k == GR_NUM_NOMEM)
		return false;
	if (k != GR_NUM_OK)
		return true;			/* cannot happen: spans are digits */
	b->r->ncells++;
	cell->tbl = "narrative";
	cell->row_key = key;
	cell->col_key = NULL;
	cell->unit = c->unit;
	cell->flags |= c->flags;
	/* the comparison text may have moved (HTML): back to the input */
	{
		size_t		off,
					len;

		gr_items_to_input(b->items, c->poff, c->plen, &off, &len);
		cell->off = (uint32_t) off;
		cell->len = (uint32_t) len;
	}
	if (!(c->flags & GR_CELL_PERCENT))
		cell->flags &= ~(uint32_t) GR_CELL_PERCENT;
	return true;
}

static bool
is_figure_key(const char *k)
{
	static const char *const pre[] = {
		"requests.", "outcome.", "proactive.", "review", "litigation",
		"complaints.", "fees.", "staff.", "consultations.", NULL
	};

	for (int i = 0; pre[i]; i++)
		if (strncmp(k, pre[i], strlen(pre[i])) == 0)
			return true;
	return false;
}

/* Hash of a candidate's key, suffix and year (what same_key compares). */
static size_t
cand_hash(const cand *c)
{
	uint64_t	h = 1469598103934665603u;

	for (const unsigned char *p = (const unsigned char *) c->key; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ (uint64_t) c->suffix) * 1099511628211u;
	h = (h ^ (uint64_t) (uint32_t) c->year) * 1099511628211u;
	return (size_t) h;
}

/* Slot of c's key in x->best: where it is, or the empty slot it would take. */
static size_t
best_slot(const nctx *x, const cand *c)
{
	size_t		mask = x->best_cap - 1;
	size_t		h = cand_hash(c) & mask;

	while (x->best[h] && !same_key(&x->v[x->best[h] - 1], c))
		h = (h + 1) & mask;
	return h;
}

/*
 * After a line: keep only the best candidate of each key, as the final
 * sort would choose it (cmp_cand; the earlier one among equals), so that
 * figure-dense text holds one candidate per key instead of one per figure.
 * Candidates only refer to those of their own line, which is done.
 */
static bool
keep_best(nctx *x)
{
	size_t		kept = x->line_first;

	if (x->n == x->line_first)
		return true;
	if (x->best_cap < 2 * x->n)
	{
		size_t		cap = 64;

		while (cap < 4 * x->n)
			cap *= 2;
		gr_free(x->b->mem, x->best);
		x->best = gr_alloc_array(x->b->mem, cap, sizeof(int));
		if (!x->best)
			return false;
		x->best_cap = cap;
		for (size_t i = 0; i < x->line_first; i++)
			x->best[best_slot(x, &x->v[i])] = (int) i + 1;
	}
	for (size_t i = x->line_first; i < x->n; i++)
	{
		size_t		h = best_slot(x, &x->v[i]);

		if (!x->best[h])
		{
			x->v[kept] = x->v[i];
			x->best[h] = (int) ++kept;
		}
		else if (cmp_cand(&x->v[i], &x->v[x->best[h] - 1]) < 0)
			x->v[x->best[h] - 1] = x->v[i];
	}
	x->n = kept;
	x->line_first = kept;
	return true;
}

/* ------------------------------------------------------------ the sieve */

/*
 * Nearly all prose is text without a figure: of the lines of the 280
 * generated reports, 98 % of the bytes are in lines that hold no digit.
 * Such a line yields nothing but what needs no digit, which a look at the
 * code above shows to be:
 *
 * - a negation (scan_negative): one of neg_markers, and for "无" a topic
 *   right after it, or after "无申请";
 * - a marker (scan_markers): one of answered_phrases or "类别均为自然人";
 * - a figure in CJK numerals: only the patterns with cjk, all of whose
 *   units are "次", after a numeral of cjk_num ("开展两次");
 *   scan_same needs such a figure on the line.
 *
 * Every other pattern reads digits: K_FWD and K_SUB a digit (digit_at:
 * ASCII or full-width) after the trigger, K_BACK ASCII digits before it;
 * "均为0" holds one.  So a line without a digit, without a character of
 * sieve_chars below where its test holds, is skipped before the phrase
 * scan: sixteen bytes at a time with SSE2, each test against the whole
 * character's last two bytes (about one character in 250 of the fixtures'
 * prose is one of them), the rest only where one is found.  sieve_plan_holds checks
 * these assumptions against the tables when the phrase set is built; if
 * one of them is edited so that they no longer hold, every line is
 * scanned as before.
 */
enum
{
	SV_WU,						/* 无: a topic after it (or after 无申请) */
	SV_MEI,						/* 没: 没有 */
	SV_WEI,						/* 未: one of the markers 未收到… */
	SV_CI,						/* 次: after a CJK numeral */
	SV_HUI,						/* 回: in one of answered_phrases */
	SV_BIE,						/* 别: in 类别均为自然人 */
	SV_FW,						/* EF BC 90..99: a full-width digit */
	SV_N
};

static const char *const sieve_chars[SV_N - 1] = {
	"无", "没", "未", "次", "回", "别"
};

/*
 * The second and third bytes of each of sieve_chars (constants for the
 * SSE2 compares; sieve_plan_holds checks them), then the second byte of a
 * full-width digit.
 */
static const unsigned char sieve_second[SV_N] = {
	0x97, 0xB2, 0x9C, 0xAC, 0x9B, 0x88, 0xBC
};
static const unsigned char sieve_third[SV_N - 1] = {
	0xA0, 0xA1, 0xAA, 0xA1, 0x9E, 0xAB
};

/*
 * The third bytes of all of them but 回 with the lowest bit cleared
 * (sieve_block tests them so; sieve_plan_holds checks it).
 */
#define SV_THIRD_A	0xA0
#define SV_THIRD_B	0xAA

/*
 * The same as a table for the portable loop: 2 for those second bytes, 1
 * for the ASCII digits.
 */
static const uint8_t sieve_class[256] = {
	['0'] = 1,['1'] = 1,['2'] = 1,['3'] = 1,['4'] = 1,
	['5'] = 1,['6'] = 1,['7'] = 1,['8'] = 1,['9'] = 1,
	[0x97] = 2,[0x9C] = 2,[0xB2] = 2,[0xAC] = 2,[0x9B] = 2,
	[0x88] = 2,[0xBC] = 2
};

/*
 * Lengths of neg_markers and answered_phrases, and the offset of "回" in
 * each of the latter (set with the phrase set, read-only after).
 */
static size_t sieve_neg_len[N_NEG_MARKERS];
static size_t sieve_ans_len[N_ANSWERED];
static size_t sieve_ans_off[N_ANSWERED];

/* Does the phrase ph of n bytes stand at s[at - off..) in s[0..len)? */
static inline bool
sieve_in(const char *s, size_t len, size_t at, const char *ph, size_t n, size_t off)
{
	return at >= off && at - off + n <= len && memcmp(s + at - off, ph, n) == 0;
}

/*
 * Is q the second byte of a character of sieve_chars (or of a full-width
 * digit) whose test holds?  q >= 1, q + 1 < len.  Told apart by their
 * second bytes, which differ; each test starts with what is quickest to
 * refute (回 is common in prose: "回应").
 */
static bool
sieve_hit(const char *s, size_t len, size_t q)
{
	const unsigned char *u = (const unsigned char *) s;
	int			k;

	if (u[q] == 0xBC)
		return u[q - 1] == 0xEF && u[q + 1] >= 0x90 && u[q + 1] <= 0x99;
	for (k = 0; k < SV_N - 1 && u[q] != sieve_second[k]; k++)
		;
	if (k == SV_N - 1 || u[q - 1] != (unsigned char) sieve_chars[k][0] ||
		u[q + 1] != sieve_third[k])
		return false;
	switch (k)
	{
		case SV_WU:
			{
				/* "无法", "无纸化"...: the first character before the rest */
				size_t		p = q + 2;

				if (at(s, len, p, "申请"))
					p += 6;
				for (int t = 0; topics[t].word; t++)
					if ((q + 5 <= len && memcmp(s + q + 2, topics[t].word, 3) == 0 &&
						 at(s, len, q + 2, topics[t].word)) ||
						(p + 3 <= len && memcmp(s + p, topics[t].word, 3) == 0 &&
						 at(s, len, p, topics[t].word)))
						return true;
				return false;
			}
		case SV_MEI:
		case SV_WEI:
			/* ("尚未", "未来"...: the second character before the rest) */
			for (size_t m = 0; m < N_NEG_MARKERS; m++)
				if ((sieve_neg_len[m] < 6 ||
					 (q + 5 <= len && memcmp(s + q + 2, neg_markers[m] + 3, 3) == 0)) &&
					sieve_in(s, len, q - 1, neg_markers[m], sieve_neg_len[m], 0))
					return true;
			return false;
		case SV_CI:
			for (int n = 0; q >= 4 && cjk_num[n]; n++)
				if (memcmp(s + q - 4, cjk_num[n], 3) == 0)
					return true;
			return false;
		case SV_HUI:
			/* each of them holds 回复 (sieve_plan_holds) */
			if (!at(s, len, q + 2, "复"))
				return false;
			for (size_t i = 0; i < N_ANSWERED; i++)
				if (sieve_in(s, len, q - 1, answered_phrases[i], sieve_ans_len[i],
							 sieve_ans_off[i]))
					return true;
			return false;
		case SV_BIE:
			/* "类别" is common: 均 after it first */
			return at(s, len, q + 2, "均") &&
				sieve_in(s, len, q - 1, "类别均为自然人", strlen("类别均为自然人"), 3);
		default:
			return false;
	}
}

#ifdef GR_SSE2
/*
 * Bit i for s[i] (i < 16; s[0..17) readable): an ASCII digit, or the
 * second byte of one of the characters with its third, or BC then 90..99.
 */
static inline unsigned
sieve_block(const char *s)
{
	__m128i		a = _mm_loadu_si128((const __m128i *) s);
	__m128i		c = _mm_loadu_si128((const __m128i *) (s + 1));
	__m128i		m;

	/* '0'..'9', and BC then 90..99, by signed compares after a shift */
	m = _mm_cmplt_epi8(_mm_sub_epi8(a, _mm_set1_epi8((char) ('0' + 0x80))),
					   _mm_set1_epi8((char) (0x80 + 10)));
	m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char) 0xBC)),
									  _mm_cmplt_epi8(_mm_sub_epi8(c, _mm_set1_epi8((char) (0x90 + 0x80))),
													 _mm_set1_epi8((char) (0x80 + 10)))));
	/*
	 * The characters but 回: their second bytes, then their third bytes by
	 * pairs that differ only in the lowest bit (A0/A1, AA/AB), tested as a
	 * whole.  A superset of the five pairs (a second byte of one with the
	 * third of another passes too), which sieve_hit then refutes as it does
	 * any place with another lead; sieve_plan_holds checks the pairing.  Five
	 * fewer operations a block than a pair at a time.  (Written out: a loop
	 * over k left the constants built each time.)
	 */
	{
		__m128i		s2 = _mm_or_si128(_mm_or_si128(
			_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_WU])),
			_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_MEI]))),
			_mm_or_si128(_mm_or_si128(
				_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_WEI])),
				_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_CI]))),
				_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_BIE]))));
		__m128i		c2 = _mm_and_si128(c, _mm_set1_epi8((char) 0xFE));
		__m128i		s3 = _mm_or_si128(
			_mm_cmpeq_epi8(c2, _mm_set1_epi8((char) SV_THIRD_A)),
			_mm_cmpeq_epi8(c2, _mm_set1_epi8((char) SV_THIRD_B)));

		m = _mm_or_si128(m, _mm_and_si128(s2, s3));
	}
	m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char) sieve_second[SV_HUI])),
									  _mm_cmpeq_epi8(c, _mm_set1_epi8((char) sieve_third[SV_HUI]))));
	return (unsigned) _mm_movemask_epi8(m);
}
#endif

/*
 * May the prose line s[0..len) yield a figure, a negation or a marker?
 * False only when it certainly does not (see above).
 */
static bool
line_may_yield(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		q = 0;

#ifdef GR_SSE2

	/*
	 * Sixteen places at a time, each found then tested whole, as below;
	 * the last block ends at the line's last byte but one (it may look at
	 * places again, which changes nothing), and that byte is tested alone.
	 */
	if (len >= 17)
	{
		for (;; q += 16)
		{
			unsigned	bits;

			if (q + 17 > len)
				q = len - 17;
			bits = sieve_block(s + q);
			while (bits)
			{
				size_t		k = q + (size_t) __builtin_ctz(bits);

				if ((u[k] >= '0' && u[k] <= '9') || (k >= 1 && sieve_hit(s, len, k)))
					return true;
				bits &= bits - 1;
			}
			if (q + 17 == len)
				break;
		}
		return u[len - 1] >= '0' && u[len - 1] <= '9';
	}
#endif

	/*
	 * Without SSE2 (and on short lines): a character at a time where it is
	 * a well-formed three-byte one, whose second byte is then the only
	 * place that can pass (its lead has no class, and its third byte
	 * follows no lead), else a byte at a time.
	 */
	while (q + 4 <= len)
	{
		if ((gr_load_le32(u + q) & 0xC0C0F0) == 0x8080E0)
		{
			if (sieve_class[u[q + 1]] && sieve_hit(s, len, q + 1))
				return true;
			q += 3;
			continue;
		}
		if (sieve_class[u[q]] &&
			(sieve_class[u[q]] == 1 || (q >= 1 && sieve_hit(s, len, q))))
			return true;
		q++;
	}
	for (; q < len; q++)
		if (sieve_class[u[q]] &&
			(sieve_class[u[q]] == 1 || (q >= 1 && q + 1 < len && sieve_hit(s, len, q))))
			return true;
	return false;
}

/*
 * The assumptions of the sieve, checked against the tables (once, when the
 * phrase set is built).
 */
static bool
sieve_plan_holds(void)
{
	for (size_t p = 0; p < NPATS; p++)
		if (pats[p].cjk && strcmp(pats[p].units, "次") != 0)
			return false;
	/* "无" the strict marker (the last), the others loose */
	for (size_t m = 0; m < N_NEG_MARKERS; m++)
		if ((strcmp(neg_markers[m], "无") == 0) != (m == N_NEG_MARKERS - 1) ||
			(m < N_NEG_MARKERS - 1 && strcmp(neg_markers[m], "没有") != 0 &&
			 strncmp(neg_markers[m], "未", 3) != 0))
			return false;
	for (size_t m = 0; m < N_NEG_MARKERS; m++)
		sieve_neg_len[m] = strlen(neg_markers[m]);
	for (size_t i = 0; i < N_ANSWERED; i++)
	{
		const char *h = strstr(answered_phrases[i], "回复");

		if (!h)
			return false;
		sieve_ans_len[i] = strlen(answered_phrases[i]);
		sieve_ans_off[i] = (size_t) (h - answered_phrases[i]);
	}
	for (int t = 0; topics[t].word; t++)
		if (strlen(topics[t].word) < 3)
			return false;
	for (int k = 0; k < SV_N; k++)
		if (sieve_class[sieve_second[k]] != 2)
			return false;
	for (int k = 0; k < SV_N - 1; k++)
		if (strlen(sieve_chars[k]) != 3 ||
			(unsigned char) sieve_chars[k][1] != sieve_second[k] ||
			(unsigned char) sieve_chars[k][2] != sieve_third[k])
			return false;
	for (int k = 0; k < SV_N - 1; k++)
		if (k != SV_HUI && (sieve_third[k] & 0xFE) != SV_THIRD_A &&
			(sieve_third[k] & 0xFE) != SV_THIRD_B)
			return false;
	return true;
}

gr_status
gr_read_narrative(gr_build *b, size_t *nfig)
{
	nctx	   *x;
	gr_status	st = GR_OK;
	const gr_item *iv;
	size_t		to;

	*nfig = 0;
	/*
	 * The context holds the per-phrase occurrence lists (~3.5 KB): not on
	 * the stack.  It comes back zeroed (gr_mem's contract), no memset.
	 */
	x = gr_alloc(b->mem, sizeof(nctx));
	if (!x)
		return gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
	x->b = b;
	pthread_once(&nphr_once, nphr_build);
	x->ph = &nphr;
	for (int i = 0; i < GR_PHRASES_MAX; i++)
		x->hhead[i] = -1;
	/*
	 * Every item of the segment, most of them cells: the array and the
	 * bound in locals, not loaded through b again for each after the calls
	 * of the previous one (the readers never change the items).
	 */
	iv = b->items->v;
	to = b->to;
	for (size_t i = b->from; i < to; i++)
	{
		const gr_item *it = &iv[i];

		if (it->kind != GR_ITEM_PROSE || it->len < 4)
			continue;
		if ((i & 63) == 0 && gr_build_stopped(b))
		{
			st = gr_fail(b->err, GR_ERR_CANCELLED, 0, "canceled", NULL);
			goto done;
		}
		x->line_first = x->n;
		if (x->ph->sieve_ok && !line_may_yield(b->buf + it->off, it->len))
			continue;
		if (!index_line(x, it))
			goto nomem;
		if (x->nh == 0)
			continue;
		/*
		 * The patterns whose trigger the line holds, in their order: the
		 * union of the masks of the phrases it holds (a pattern's trigger
		 * is found exactly when its phrase is touched), not a test of
		 * each of the patterns.
		 */
		{
			uint64_t	m[NPATW] = {0};

			for (int t = 0; t < x->ntouched; t++)
				for (size_t w = 0; w < NPATW; w++)
					m[w] |= x->ph->pat_mask[x->touched[t]][w];
			for (size_t w = 0; w < NPATW; w++)
				while (m[w])
				{
					size_t		p = w * 64 + (size_t) __builtin_ctzll(m[w]);

					m[w] &= m[w] - 1;
					if (!scan_pattern(x, &pats[p], x->ph->pat_id[p], it))
						goto nomem;
				}
		}
		if (!scan_same(x, it) || !scan_negative(x, it) || !scan_all_zero(x, it))
			goto nomem;
		scan_markers(x, it);
		if (!keep_best(x))
			goto nomem;
	}

	/* one candidate per key: the best after sorting by key */
	if (x->n > 1)
		qsort(x->v, x->n, sizeof(cand), cmp_cand);
	for (size_t i = 1; i < x->n; i++)
		if (same_key(&x->v[i], &x->v[i - 1]))
			x->v[i].dead = true;
	for (size_t i = 0; i < x->n; i++)
	{
		if (x->v[i].dead)
			continue;
		if (!emit(x, &x->v[i]))
			goto nomem;
		if (is_figure_key(x->v[i].key))
			(*nfig)++;
	}

	/* values implied by other figures */
	if (x->answered_all)
	{
		const gr_cell *rc = gr_report_find(b->r, "narrative", "requests.received", NULL);

		if (rc && rc->has_value && !(rc->flags & GR_CELL_INFERRED) &&
			!gr_report_find(b->r, "narrative", "requests.answered", NULL))
		{
			cand		c;
			const char *v = gr_strdup(b->mem, rc->value);

			if (!v)
				goto nomem;
			memset(&c, 0, sizeof(c));
			c.key = "requests.answered";
			c.poff = x->answered_all - 1;
			c.vtext = v;
			c.unit = "件";
			c.flags = GR_CELL_INFERRED;
			if (!emit(x, &c))
				goto nomem;
		}
	}
	if (x->natural_all)
	{
		const gr_cell *nc = gr_report_find(b->r, "narrative", "requests.new_received", NULL);

		if (nc && nc->has_value)
		{
			cand		c;
			const char *v = gr_strdup(b->mem, nc->value);

			if (!v)
				goto nomem;
			memset(&c, 0, sizeof(c));
			c.key = "requests.new_received.natural_person";
			c.poff = x->natural_all - 1;
			c.vtext = v;
			c.unit = "件";
			c.flags = GR_CELL_INFERRED;
			if (!emit(x, &c))
				goto nomem;
		}
	}
	goto done;

nomem:
	st = gr_fail(b->err, GR_ERR_NOMEM, 0, "out of memory", NULL);
done:
	gr_free(b->mem, x->v);
	gr_free(b->mem, x->hv);
	gr_free(b->mem, x->best);
	gr_free(b->mem, x);
	return st;
}

/* ------------------------------------------------------ report markers */

bool
gr_has_report_marker(gr_build *b)
{
	for (size_t i = b->from; i < b->to; i++)
	{
		const gr_item *it = &b->items->v[i];
		const char *s = b->buf + it->off;
		size_t		n = it->len;

		if (it->kind != GR_ITEM_PROSE)
			continue;
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		if ((n == 6 && memcmp(s, "引言", 6) == 0) ||
			(n == 7 && memcmp(s, "引 言", 7) == 0) ||
			(n == 9 && memcmp(s, "引　言", 9) == 0))
			return true;
		if (gr_find(s, n, "编制") && gr_find(s, n, "报告") &&
			(gr_find(s, n, "政府信息公开条例") || gr_find(s, n, "年度报告")))
			return true;
		if (n < 240 && n >= 12 && memcmp(s + n - 12, "年度报告", 12) == 0 &&
			gr_find(s, n, "政府信息公开"))
			return true;
		if (n < 120 && i + 1 < b->to && b->items->v[i + 1].kind == GR_ITEM_PROSE &&
			gr_find(s, n, "政府信息公开"))
		{
			const gr_item *nx = &b->items->v[i + 1];
			const char *t = b->buf + nx->off;
			size_t		m = nx->len;

			while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == '\r'))
				m--;
			if (m >= 12 && m < 60 && memcmp(t + m - 12, "年度报告", 12) == 0)
				return true;
		}
	}
	return false;
}
