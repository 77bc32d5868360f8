/*
 * gr_rules.c - the reconciliation rules of domain.md section 4.
 *
 * Each rule collects its two sides as lists of cells, evaluates them with
 * exact gr_dec arithmetic (overflow-checked; an overflow makes the rule
 * indeterminate) and, only when the rule fails, formats a message that
 * names the cells and shows the arithmetic.  See gr_rules.h for the rule
 * selection per format, scopes and the percentage convention.
 */
#include "gr_rules.h"
#include "gr_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEC_ONE ((gr_dec) 1000000)	/* 10^GR_DEC_SCALE */

/* ------------------------------------------------------------- catalogue */

#define T21 GR_FMT_BIT(GR_FMT_TEMPLATE_2021)
#define T19 GR_FMT_BIT(GR_FMT_TEMPLATE_2019)
#define TPL GR_FMTS_TEMPLATES
#define STS GR_FMT_BIT(GR_FMT_STATS_PRE2019)
#define NAR GR_FMT_BIT(GR_FMT_NARRATIVE)
#define ALL GR_FMTS_ALL
#define STRICT GR_RULE_STRICT
#define PLAUS GR_RULE_PLAUSIBILITY

static const gr_rule gr_catalogue[] = {
	{"R1", STRICT, TPL, false, true,
		"T3[new_received][c] + T3[carried_over][c] = T3[processed_total][c] + T3[carried_forward][c], for every applicant column c",
		"表三每一列：本年新收申请数加上年结转申请数，等于本年度办理结果总计加结转下年度继续办理数（第一项加第二项之和，等于第三项加第四项之和）",
		"Table 3, every applicant column: new requests plus requests carried over from last year equal requests processed plus requests carried forward to next year."},
	{"R2", STRICT, TPL, false, true,
		"T3[processed_total][c] = granted + partially_granted + sum(denied.*) + sum(unable.*) + sum(not_processed.*) + other (2019) | sum(other.*) (2021), for every column c",
		"表三每一列：（七）总计等于予以公开、部分公开、不予公开、无法提供、不予处理、其他处理各项之和",
		"Table 3, every applicant column: the processed total (（七）总计) equals the sum of all outcome rows."},
	{"R3", STRICT, TPL, false, true,
		"T3[r][total] = sum of the six applicant columns, for every row r",
		"表三每一行：总计列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他各列之和",
		"Table 3, every row: the total column equals the sum of the six applicant columns."},
	{"R4", STRICT, TPL, false, true,
		"printed group subtotal (denied / unable / not_processed / other) = sum of its reasons, for every column",
		"表三中印出的分组小计（不予公开、无法提供、不予处理、其他处理）等于其各项原因之和",
		"Table 3: a printed group subtotal (不予公开, 无法提供, 不予处理, 其他处理) equals the sum of its reason rows (only where the subtotal is printed)."},
	{"R5", STRICT, TPL, false, true,
		"legal_person_subtotal = commercial_enterprise + research_institution + social_welfare_org + legal_service_org + other_org",
		"表三中印出的法人或其他组织小计等于商业企业、科研机构、社会公益组织、法律服务机构、其他之和",
		"Table 3: a printed legal-person subtotal column equals the sum of the five organisation columns (only where it is printed)."},
	{"R6", STRICT, TPL, false, true,
		"T4[review][total] = maintained + corrected + other + pending",
		"表四行政复议：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
		"Table 4, administrative review: the total equals maintained + corrected + other + pending."},
	{"R7", STRICT, TPL, false, true,
		"T4[litigation_direct][total] = maintained + corrected + other + pending",
		"表四未经复议直接起诉的行政诉讼：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
		"Table 4, litigation without prior review: the total equals maintained + corrected + other + pending."},
	{"R8", STRICT, TPL, false, true,
		"T4[litigation_after_review][total] = maintained + corrected + other + pending",
		"表四复议后起诉的行政诉讼：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
		"Table 4, litigation after review: the total equals maintained + corrected + other + pending."},
	{"R9", STRICT, TPL, false, true,
		"every T3/T4 cell is an integer >= 0; T2 counts are integers >= 0 except the signed 2019 delta; amounts are decimals >= 0",
		"表二、表三、表四的数值为非负整数（2019版“本年增/减”可为负数，金额可为小数）",
		"Tables 2-4: every count is a non-negative integer (only the 2019 table-2 change column may be negative; amounts may have decimals but are non-negative)."},
	{"R10", PLAUS, T19, false, true,
		"T2[r][published] <= T2[r][published_total], per row",
		"2019版表二：本年新公开数量不超过对外公开总数量",
		"2019 table 2: documents published this year do not exceed the total ever published."},
	{"R11", PLAUS, T21, true, true,
		"T2[r][in_force](Y) = T2[r][in_force](Y-1) + T2[r][issued](Y) - T2[r][repealed](Y), rows regulations and normative_docs",
		"2021版表二（跨年）：现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数",
		"2021 table 2 (cross-year): documents in force equal last year's documents in force plus those issued minus those repealed this year."},
	{"R12", PLAUS, T19, true, true,
		"T2[r][prev_items](Y) = T2[r][prev_items](Y-1) + T2[r][delta](Y-1), per row",
		"2019版表二（跨年）：上一年项目数量等于上年报告的上一年项目数量加其本年增/减",
		"2019 table 2 (cross-year): the previous-year item count equals last year's previous-year count plus last year's change."},
	{"R13", PLAUS, TPL, true, true,
		"T3[carried_over][c](Y) = T3[carried_forward][c](Y-1), for every applicant column c (same issuing body)",
		"表三（跨年）：本年上年结转申请数等于上年报告的结转下年度继续办理数（每一申请人类别）",
		"Table 3 (cross-year): requests carried over this year equal the requests carried forward in last year's report of the same body, in every applicant column."},
	{"R14", PLAUS, TPL, false, true,
		"narrative figures = table figures: 新收, 上年结转, 办结, 结转下年度, outcome groups; 收到 N 件 = new_received (literal) or new_received + carried_over (inclusive)",
		"总体情况中的申请数字与表三、表四一致（“收到”可能指本年新收，也可能指新收加上年结转，两种理解都要核对）",
		"The request figures in the narrative agree with tables 3 and 4; \"received N\" may mean new requests or new plus carried-over requests, and both readings are checked."},
	{"R15", PLAUS, TPL, false, true,
		"printed percentage p (d decimals) = round_half_up(100*part/whole, d) or truncate(100*part/whole, d)",
		"叙述中的百分比与其分子、分母一致（按所印位数四舍五入或截断）",
		"A printed percentage agrees with its part and whole, rounded half-up or truncated at the printed precision."},
	{"R16", PLAUS, ALL, false, true,
		"year >= 2021 => template_2021; 2020 => template_2019; 2019 => any; year <= 2018 => stats_table_pre2019 or narrative",
		"报告格式与报告年度相符（2021年起用2021版格式，2020年用2019版格式，2018年及以前为旧统计表或叙述式）",
		"The report format matches the report year (2021 template from 2021, 2019 template for 2020, old statistics table or narrative up to 2018)."},
	{"R17", PLAUS, T21, false, true,
		"T3[other.fee_unpaid][total] <= fee notices issued (六、其他需要报告的事项)",
		"2021版：逾期未缴费不再处理的申请数不超过发出收费通知的件数",
		"2021 template: requests dropped because a fee was not paid do not exceed the fee notices issued (section 六)."},
	{"S1", STRICT, STS, false, true,
		"requests.received = in_person + fax + online + letter (+ other channels printed)",
		"收到申请数等于当面、传真、网络、信函（及其他渠道）申请数之和",
		"Requests received equal the sum of the channels (in person, fax, online, letter, and any other printed channel)."},
	{"S2", STRICT, STS, false, true,
		"requests.closed = on_time + extended",
		"申请办结数等于按时办结数加延期办结数",
		"Requests closed equal those closed on time plus those closed after an extension."},
	{"S3", STRICT, STS, false, true,
		"requests.answered = already_public + granted + partially_granted + denied + not_this_agency + not_exist + asked_to_amend + other_channel",
		"申请答复数等于八类答复之和",
		"Requests answered equal the sum of the eight answer types."},
	{"S4", STRICT, STS, false, true,
		"answered.denied = state_secret + commercial_secret + personal_privacy + security_stability + not_gov_info + other_legal",
		"不同意公开答复数等于六类理由之和",
		"Refusals equal the sum of the six refusal reasons."},
	{"S5", STRICT, STS, false, true,
		"review.total = maintained + corrected + other",
		"行政复议数量等于维持、纠错、其他情形之和",
		"Administrative reviews equal maintained + corrected + other."},
	{"S6", STRICT, STS, false, true,
		"litigation.total = maintained_or_dismissed + corrected + other",
		"行政诉讼数量等于维持或驳回、纠错、其他情形之和",
		"Lawsuits equal maintained-or-dismissed + corrected + other."},
	{"S7", STRICT, STS, false, true,
		"org.staff_total = org.staff_full_time + org.staff_part_time",
		"从事政府信息公开工作人员数等于专职人员数加兼职人员数",
		"Staff equal full-time plus part-time staff."},
	{"S8", PLAUS, STS, false, true,
		"\"其中\" items <= their parent: normative_docs_published <= items_total; sum(key_areas.*) <= key_areas_total; *.by_principal <= parent",
		"“其中”项不超过其上级项",
		"An \"of which\" item does not exceed its parent."},
	{"S9", PLAUS, STS, false, true,
		"sum(proactive.channel.*) >= proactive.items_total",
		"各渠道公开信息数之和不少于主动公开政府信息数（同一信息多渠道公开时总数只计一次）",
		"The channel counts add up to at least the proactive total (an item published on several channels counts once in the total)."},
	{"S10", PLAUS, STS, false, true,
		"requests.answered = requests.closed",
		"申请答复数等于申请办结数",
		"Requests answered equal requests closed."},
	{"S11", PLAUS, STS, false, true,
		"requests.closed <= requests.received",
		"申请办结数不超过收到申请数（该表无上年结转行）",
		"Requests closed do not exceed requests received (the table has no carry-in row)."},
	{"S12", PLAUS, STS, false, true,
		"narrative figures = statistics-table figures (received, channels, answered and its types, staff, training, fees, review, litigation)",
		"叙述中的数字与统计表一致",
		"The figures in the narrative agree with the statistics table."},
	{"N1", PLAUS, ALL, false, true,
		"a total followed by an exhaustive \"其中\" list equals the sum of the list (a single listed part does not exceed the total)",
		"叙述中的总数等于其后“其中”所列各项之和",
		"A total in the narrative equals the sum of the parts listed after it."},
	{"N2", PLAUS, ALL, false, true,
		"proactive total = sum(proactive.category.*) when the list is exhaustive; >= otherwise",
		"主动公开总数等于（或不少于）所列各类信息数之和",
		"The proactive-disclosure total equals (or is at least) the sum of the listed categories."},
	{"N3", PLAUS, STS | NAR, false, true,
		"printed percentage p (d decimals) = round_half_up(100*part/whole, d) or truncate(100*part/whole, d)",
		"叙述中的百分比与其分子、分母一致（按所印位数四舍五入或截断）",
		"A printed percentage agrees with its part and whole, rounded half-up or truncated at the printed precision."},
	{"N4", PLAUS, ALL, false, true,
		"requests.received = sum of the channels listed",
		"收到申请数等于所列各渠道申请数之和",
		"Requests received equal the sum of the channels listed in the narrative."},
	{"N5", PLAUS, ALL, true, true,
		"explicit year-over-year claims (\"是2009年的18倍\", \"同上年持平\") agree with the other year's report",
		"叙述中的跨年比较（倍数、持平）与上年报告一致",
		"Explicit comparisons with another year (\"18 times the 2009 figure\", \"same as last year\") agree with that year's report."},
	{"N6", PLAUS, ALL, false, true,
		"annex figure = narrative figure for the same channel; full-text electronic items = items when the rate is 100%; repeated figures agree",
		"附表数字与叙述一致；全文电子化率为100%时全文电子化信息数等于主动公开信息数",
		"The annex agrees with the narrative; with a 100% full-text electronic rate the electronic count equals the total; a figure repeated in the text is the same."},
};

#undef T21
#undef T19
#undef TPL
#undef STS
#undef NAR
#undef ALL
#undef STRICT
#undef PLAUS

const gr_rule *
gr_rules(size_t *n)
{
	*n = sizeof(gr_catalogue) / sizeof(gr_catalogue[0]);
	return gr_catalogue;
}

const gr_rule *
gr_rule_find(const char *id)
{
	size_t		n;
	const gr_rule *r = gr_rules(&n);

	/*
	 * The first two bytes before strcmp ("R1", "R14", "S3", "N1": most
	 * differ there; no id is empty, so id[1] is read only after a match
	 * on a byte that is no NUL).
	 */
	for (size_t i = 0; i < n; i++)
		if (r[i].id[0] == id[0] && r[i].id[1] == id[1] && strcmp(r[i].id, id) == 0)
			return &r[i];
	return NULL;
}

const char *
gr_rule_kind_name(gr_rule_kind k)
{
	return k == GR_RULE_STRICT ? "strict" : "plausibility";
}

/* --------------------------------------------------------------- decimals */

bool
gr_dec_from_text(const char *s, size_t len, gr_dec *out)
{
	size_t		i = 0;
	bool		neg = false;
	bool		any = false;
	int			frac = -1;		/* digits after the point; -1: no point */
	gr_dec		v = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < len; i++)
	{
		char		c = s[i];

		if (c == '.')
		{
			if (frac >= 0)
				return false;
			frac = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return false;
		any = true;
		if (frac >= GR_DEC_SCALE)
		{
			if (c != '0')
				return false;	/* not exact at scale 6 */
			continue;
		}
		if (__builtin_mul_overflow(v, (gr_dec) 10, &v) ||
			__builtin_add_overflow(v, (gr_dec) (c - '0'), &v))
			return false;
		if (frac >= 0)
			frac++;
	}
	if (!any)
		return false;
	for (int k = frac < 0 ? 0 : frac; k < GR_DEC_SCALE; k++)
		if (__builtin_mul_overflow(v, (gr_dec) 10, &v))
			return false;
	*out = neg ? -v : v;
	return true;
}

static const char *
dstr(char *buf, gr_dec v)
{
	gr_dec_format(v, buf, 48);
	return buf;
}

static gr_dec
dabs(gr_dec v)
{
	return v < 0 ? -v : v;
}

static bool
is_integer(gr_dec v)
{
	return v % DEC_ONE == 0;
}

static gr_dec
pow10_dec(int k)
{
	gr_dec		p = 1;

	while (k-- > 0)
		p *= 10;
	return p;
}

/* ---------------------------------------------------------- string builder */

typedef struct sb
{
	gr_mem	   *mem;
	char	   *s;
	size_t		len;
	size_t		cap;
	bool		oom;
} sb;

static void
sb_add(sb *b, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
sb_add(sb *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 ||
		!gr_grow(b->mem, (void **) &b->s, &b->cap, b->len + (size_t) n + 1, 1))
	{
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t) n;
}

static void
sb_dec(sb *b, gr_dec v)
{
	char		buf[48];

	sb_add(b, "%s", dstr(buf, v));
}

/* ------------------------------------------------------------- the checker */

typedef struct chk
{
	gr_mem	   *mem;
	gr_violation *v;
	size_t		n;
	size_t		cap;
	bool		oom;
} chk;

/* Record a failing rule; msg is a finished builder (its buffer is taken). */
static void
add_violation(chk *k, const char *rule, const char *scope,
			  bool has_lhs, gr_dec lhs, bool has_rhs, gr_dec rhs, sb *msg)
{
	const gr_rule *def = gr_rule_find(rule);
	gr_violation *v;
	char	   *sc;

	if (k->oom || msg->oom || !msg->s)
	{
		k->oom = true;
		return;
	}
	sc = gr_strdup(k->mem, scope);
	if (!sc || !gr_grow(k->mem, (void **) &k->v, &k->cap, k->n + 1,
						sizeof(gr_violation)))
	{
		k->oom = true;
		return;
	}
	v = &k->v[k->n++];
	v->rule = def ? def->id : rule;
	v->kind = def ? def->kind : GR_RULE_PLAUSIBILITY;
	v->scope = sc;
	v->has_lhs = has_lhs;
	v->lhs = has_lhs ? lhs : 0;
	v->has_rhs = has_rhs;
	v->rhs = has_rhs ? rhs : 0;
	v->message = msg->s;
}

static void
msg_init(chk *k, sb *b)
{
	memset(b, 0, sizeof(*b));
	b->mem = k->mem;
}

/* ------------------------------------------------------------ cell access */

static bool
key_eq(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

/* Equal strings; the first byte and the pointers answer most calls. */
static inline bool
streq(const char *a, const char *b)
{
	return a && b && (a == b || (a[0] == b[0] && strcmp(a, b) == 0));
}

/* strcmp of two keys (NULL as ""); a differing first byte answers most calls. */
static inline int
key_cmp(const char *a, const char *b)
{
	if (a == b)
		return 0;
	a = a ? a : "";
	b = b ? b : "";
	if (a[0] != b[0])
		return (unsigned char) a[0] - (unsigned char) b[0];
	return strcmp(a, b);
}

/*
 * A report with an index of its cells sorted by (tbl, row_key, col_key,
 * position), so that every lookup is a binary search and the checker stays
 * O(n log n) however many cells a document yields.  NULL keys sort as "".
 */
typedef struct rv
{
	const gr_report *r;
	const gr_cell **idx;		/* r->ncells pointers, sorted */
	const gr_cell **hash;		/* first cell of each key, open addressing */
	uint64_t   *hkey;			/* the key hash of each slot */
	bool	   *first;			/* per cell: the first of its keys? */
	size_t		hmask;			/* hash slots - 1 */
	uint64_t	h_t3;			/* part_hash("t3"), for the table-3 rules */
	struct hcache *hc;			/* part hashes by address, see part_hash_kept */
} rv;

/* Mix the string s (NULL as "") into h, eight bytes at a time. */
static uint64_t
mix_str(uint64_t h, const char *s)
{
	size_t		n = s ? strlen(s) : 0;
	uint64_t	w = 0;

	for (; n >= 8; s += 8, n -= 8)
	{
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	w = 0;
	if (n)
		memcpy(&w, s, n);
	h = (h ^ w ^ ((uint64_t) n << 59)) * 0x9E3779B97F4A7C15u;	/* the length ends it */
	return h ^ (h >> 32);
}

/*
 * Hash of one key part.  The key hash combines the three parts, so a rule
 * that looks up many cells of one row (or one column) hashes that part once.
 */
static uint64_t
part_hash(const char *s)
{
	return mix_str(0x243F6A8885A308D3u, s);
}

static uint64_t
rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/*
 * Part hashes by the address of the string: a report's few dozen key
 * strings are hashed over and over (the index of every cell, each rule's
 * lookups), at ~65 instructions a string.  Only for strings that stay put
 * while the rv lives, literals and the keys of its cells: some rules look
 * up keys they build in a buffer, whose address holds other text later.
 */
#define HCACHE_SLOTS 256

typedef struct hcache
{
	const char *s[HCACHE_SLOTS];
	uint64_t	h[HCACHE_SLOTS];	/* part_hash(s) */
	uint64_t	pre[HCACHE_SLOTS];	/* key_prefix(s), for sorting the index */
} hcache;

/*
 * The first eight bytes of s (NULL as ""), big-endian and zero-padded, as
 * one integer: two strings whose integers differ compare as strcmp would
 * (at the first byte that differs; a string's end is a zero byte).
 */
static uint64_t
key_prefix(const char *s)
{
	uint64_t	k = 0;

	for (int i = 0; s && i < 8 && s[i]; i++)
		k |= (uint64_t) (unsigned char) s[i] << (56 - 8 * i);
	return k;
}

/* The slot of s in r's cache, filled if s is not there. */
static inline size_t
hcache_slot(const rv *r, const char *s)
{
	size_t		i = ((uintptr_t) s >> 3 ^ (uintptr_t) s >> 11) & (HCACHE_SLOTS - 1);

	if (r->hc->s[i] != s)
	{
		r->hc->s[i] = s;
		r->hc->h[i] = part_hash(s);
		r->hc->pre[i] = key_prefix(s);
	}
	return i;
}

static inline uint64_t
part_hash_kept(const rv *r, const char *s)
{
	if (!s)
		return part_hash(NULL);
	return r->hc->h[hcache_slot(r, s)];
}

static inline uint64_t
key_prefix_kept(const rv *r, const char *s)
{
	if (!s)
		return 0;
	return r->hc->pre[hcache_slot(r, s)];
}

/* Hash of the three keys of a cell, from the hashes of its parts. */
static uint64_t
key_hash3(uint64_t ht, uint64_t hr, uint64_t hc)
{
	uint64_t	h = (ht ^ rotl64(hr, 21) ^ rotl64(hc, 43)) * 0xBF58476D1CE4E5B9u;

	return h ^ (h >> 31);
}

/* Free what rv_init allocated. */
static void
rv_free(rv *v, gr_mem *mem)
{
	gr_free(mem, v->idx);
	gr_free(mem, v->hash);
	gr_free(mem, v->hkey);
	gr_free(mem, v->first);
	gr_free(mem, v->hc);
	v->idx = NULL;
	v->hash = NULL;
	v->hkey = NULL;
	v->first = NULL;
	v->hc = NULL;
}

static int
cmp_keys(const char *t1, const char *r1, const char *c1,
		 const char *t2, const char *r2, const char *c2)
{
	int			d = key_cmp(t1, t2);

	if (d == 0)
		d = key_cmp(r1, r2);
	if (d == 0)
		d = key_cmp(c1, c2);
	return d;
}

/*
 * The index is sorted by cmp_keys, then by address (document order among
 * equal keys), on keys made first: each key part's key_prefix, compared as
 * integers, and key_cmp only where those are equal.  qsort's call per
 * comparison and strcmp on pointers were a third of a check.  A total
 * order (the address breaks ties), so the result is the one qsort gave.
 */
typedef struct skey
{
	uint64_t	t,
				r,
				c;				/* prefixes of tbl, row_key, col_key */
	const gr_cell *p;
} skey;

static inline int
skey_cmp(const skey *x, const skey *y)
{
	int			d;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if ((d = key_cmp(x->p->tbl, y->p->tbl)) != 0)
		return d;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if ((d = key_cmp(x->p->row_key, y->p->row_key)) != 0)
		return d;
	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	if ((d = key_cmp(x->p->col_key, y->p->col_key)) != 0)
		return d;
	return (x->p > y->p) - (x->p < y->p);
}

/* Sort a[0..n) by skey_cmp: runs of eight by insertion, then merges. */
#define SORT_RUN 8

static void
sort_skeys(skey *a, skey *tmp, size_t n)
{
	skey	   *src = a,
			   *dst = tmp;

	for (size_t lo = 0; lo < n; lo += SORT_RUN)
	{
		size_t		hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;

		for (size_t i = lo + 1; i < hi; i++)
		{
			skey		x = a[i];
			size_t		j = i;

			while (j > lo && skey_cmp(&a[j - 1], &x) > 0)
			{
				a[j] = a[j - 1];
				j--;
			}
			a[j] = x;
		}
	}
	for (size_t w = SORT_RUN; w < n; w *= 2)
	{
		for (size_t lo = 0; lo < n; lo += 2 * w)
		{
			size_t		mid = lo + w < n ? lo + w : n,
						hi = lo + 2 * w < n ? lo + 2 * w : n,
						i = lo,
						j = mid,
						o = lo;

			while (i < mid && j < hi)
				dst[o++] = skey_cmp(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		{
			skey	   *t = src;

			src = dst;
			dst = t;
		}
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
}

static bool
rv_init(rv *v, const gr_report *r, gr_mem *mem)
{
	size_t		slots = 16;
	const char *pt = NULL,		/* the key parts last hashed */
			   *pr = NULL,
			   *pc = NULL;
	uint64_t	ht = 0,
				hr = 0,
				hc = 0;
	bool		hashed = false;

	memset(v, 0, sizeof(*v));
	v->r = r;
	v->h_t3 = part_hash("t3");
	while (slots < 2 * r->ncells)
		slots *= 2;
	v->hmask = slots - 1;
	v->idx = gr_alloc_array(mem, r->ncells ? r->ncells : 1, sizeof(gr_cell *));
	v->hash = gr_alloc_array(mem, slots, sizeof(gr_cell *));
	v->hkey = gr_alloc_array(mem, slots, sizeof(uint64_t));
	v->first = gr_alloc_array(mem, r->ncells ? r->ncells : 1, sizeof(bool));
	v->hc = gr_alloc(mem, sizeof(hcache));	/* zeroed: every slot empty */
	if (!v->idx || !v->hash || !v->hkey || !v->first || !v->hc)
	{
		rv_free(v, mem);
		return false;
	}
	for (size_t i = 0; i < r->ncells; i++)
		v->idx[i] = &r->cells[i];
	if (r->ncells > 1)
	{
		skey		stack[2 * 256];
		skey	   *keys = r->ncells <= 256 ? stack :
			gr_alloc_array(mem, 2 * r->ncells, sizeof(skey));

		if (!keys)
		{
			rv_free(v, mem);
			return false;
		}
		for (size_t i = 0; i < r->ncells; i++)
		{
			const gr_cell *c = &r->cells[i];

			keys[i].t = key_prefix_kept(v, c->tbl);
			keys[i].r = key_prefix_kept(v, c->row_key);
			keys[i].c = key_prefix_kept(v, c->col_key);
			keys[i].p = c;
		}
		sort_skeys(keys, keys + r->ncells, r->ncells);
		for (size_t i = 0; i < r->ncells; i++)
			v->idx[i] = keys[i].p;
		if (keys != stack)
			gr_free(mem, keys);
	}

	/*
	 * The rules look up a few hundred single cells per report: a hash of
	 * the keys answers those, the sorted index the row scans.  Cells go in
	 * sorted order, so each slot keeps the first cell of its key in
	 * document order, as the binary search did; that cell is marked first.
	 */
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = v->idx[i];
		uint64_t	kh;
		size_t		h;

		if (!c->tbl || !c->row_key)
			continue;
		/* sorted cells share their key strings: a part is hashed once per run */
		if (!hashed || c->tbl != pt)
			ht = part_hash_kept(v, pt = c->tbl);
		if (!hashed || c->row_key != pr)
			hr = part_hash_kept(v, pr = c->row_key);
		if (!hashed || c->col_key != pc)
			hc = part_hash_kept(v, pc = c->col_key);
		hashed = true;
		kh = key_hash3(ht, hr, hc);
		for (h = kh & v->hmask; v->hash[h]; h = (h + 1) & v->hmask)
			if (v->hkey[h] == kh &&
				cmp_keys(v->hash[h]->tbl, v->hash[h]->row_key, v->hash[h]->col_key,
						 c->tbl, c->row_key, c->col_key) == 0)
				break;
		if (!v->hash[h])
		{
			v->hash[h] = c;
			v->hkey[h] = kh;
			v->first[c - r->cells] = true;
		}
	}
	return true;
}

/* First index position whose keys are >= (tbl, row, col). */
static size_t
lower_bound(const rv *v, const char *tbl, const char *row, const char *col)
{
	size_t		lo = 0,
				hi = v->r->ncells;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		const gr_cell *c = v->idx[mid];

		if (cmp_keys(c->tbl, c->row_key, c->col_key, tbl, row, col) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First cell with these keys, whose key hash is kh. */
static const gr_cell *
cell_find_h(const rv *r, uint64_t kh, const char *tbl, const char *row,
			const char *col)
{
	for (size_t h = kh & r->hmask; r->hash[h]; h = (h + 1) & r->hmask)
	{
		const gr_cell *c = r->hash[h];

		if (r->hkey[h] == kh &&
			cmp_keys(c->tbl, c->row_key, c->col_key, tbl, row, col) == 0)
			return c;
	}
	return NULL;
}

/*
 * First cell with these keys (col NULL matches a NULL/empty column key).
 * tbl is always a literal or a cell's key; row and col may be a buffer.
 */
static const gr_cell *
cell_find(const rv *r, const char *tbl, const char *row, const char *col)
{
	if (!tbl || !row)
		return NULL;
	return cell_find_h(r, key_hash3(part_hash_kept(r, tbl), part_hash(row), part_hash(col)),
					   tbl, row, col);
}

/* cell_find for keys that are all literals or keys of r's cells. */
static const gr_cell *
cell_find_kept(const rv *r, const char *tbl, const char *row, const char *col)
{
	if (!tbl || !row)
		return NULL;
	return cell_find_h(r, key_hash3(part_hash_kept(r, tbl), part_hash_kept(r, row),
									part_hash_kept(r, col)),
					   tbl, row, col);
}

static bool
usable(const gr_cell *c)
{
	return c && c->has_value && c->num_ok;
}

static bool
cell_val(const rv *r, const char *tbl, const char *row,
		 const char *col, gr_dec *v)
{
	const gr_cell *c = cell_find(r, tbl, row, col);

	if (!usable(c))
		return false;
	*v = c->num;
	return true;
}

/* Is r->r->cells[i] the first cell with its tbl/row/col? */
static bool
first_of_key(const rv *r, size_t i)
{
	return r->first[i];
}

static bool
has_row(const rv *r, const char *tbl, const char *row)
{
	size_t		i = lower_bound(r, tbl, row, "");

	return i < r->r->ncells && streq(r->idx[i]->tbl, tbl) &&
		streq(r->idx[i]->row_key, row);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		a = strlen(s);
	size_t		b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A percentage share (key "x.pct") or a rate ("x_pct"): never a count. */
static bool
is_pct_key(const gr_cell *c)
{
	return ends_with(c->row_key, ".pct") || ends_with(c->row_key, "_pct") ||
		(c->flags & GR_CELL_PERCENT) != 0;
}

static bool
is_approx(const gr_cell *c)
{
	return (c->flags & GR_CELL_APPROX) != 0 || ends_with(c->row_key, "_approx");
}

static bool
units_compatible(const gr_cell *a, const gr_cell *b)
{
	return !a->unit || !b->unit || !*a->unit || !*b->unit ||
		strcmp(a->unit, b->unit) == 0;
}

/* ------------------------------------------------------------------ sides */

#define GR_MAX_TERMS 48

typedef struct term
{
	const char *label;
	const char *group;			/* consecutive terms of one group print as one */
	const gr_cell *c;
	int			sign;			/* +1 / -1 */
} term;

typedef struct side
{
	int			n;
	bool		full;			/* too many terms: indeterminate */
	bool		approx;			/* some term is a lower bound */
	term		t[GR_MAX_TERMS];
} side;

static void
side_init(side *s)
{
	s->n = 0;
	s->full = false;
	s->approx = false;
}

static void
side_add(side *s, const char *label, const char *group, const gr_cell *c,
		 int sign)
{
	if (s->n >= GR_MAX_TERMS)
	{
		s->full = true;
		return;
	}
	s->t[s->n].label = label;
	s->t[s->n].group = group;
	s->t[s->n].c = c;
	s->t[s->n].sign = sign;
	if (c && is_approx(c))
		s->approx = true;
	s->n++;
}

static void
side_cell(side *s, const rv *r, const char *tbl, const char *row,
		  const char *col, const char *label, const char *group)
{
	side_add(s, label ? label : row, group, cell_find(r, tbl, row, col), 1);
}

/* side_cell for keys that are all literals or keys of r's cells. */
static void
side_cell_kept(side *s, const rv *r, const char *tbl, const char *row,
			   const char *col, const char *label, const char *group)
{
	side_add(s, label ? label : row, group, cell_find_kept(r, tbl, row, col), 1);
}

/* Sum of the side; false when a term is absent, blank, inexact or overflows. */
static bool
side_eval(const side *s, gr_dec *sum)
{
	gr_dec		acc = 0;

	if (s->full || s->n == 0)
		return false;
	for (int i = 0; i < s->n; i++)
	{
		const gr_cell *c = s->t[i].c;
		gr_dec		v;

		if (!usable(c))
			return false;
		v = s->t[i].sign < 0 ? -c->num : c->num;
		if (__builtin_add_overflow(acc, v, &acc))
			return false;
	}
	*sum = acc;
	return true;
}

static gr_dec
group_sum(const side *s, int from, int to)
{
	gr_dec		g = 0;

	for (int i = from; i < to; i++)
		g += s->t[i].sign < 0 ? -s->t[i].c->num : s->t[i].c->num;
	return g;
}

/* "label v + label v - group g (a + b)" (only after side_eval succeeded) */
static void
side_text(sb *b, const side *s)
{
	int			i = 0;

	while (i < s->n)
	{
		const term *t = &s->t[i];

		if (i > 0)
			sb_add(b, " %s ", t->sign < 0 ? "-" : "+");
		else if (t->sign < 0)
			sb_add(b, "-");
		if (t->group)
		{
			int			j = i;

			while (j < s->n && s->t[j].group && strcmp(s->t[j].group, t->group) == 0)
				j++;
			sb_add(b, "%s ", t->group);
			sb_dec(b, group_sum(s, i, j));
			sb_add(b, " (");
			for (int m = i; m < j; m++)
			{
				if (m > i)
					sb_add(b, " + ");
				sb_dec(b, s->t[m].c->num);
			}
			sb_add(b, ")");
			i = j;
			continue;
		}
		sb_add(b, "%s ", t->label);
		sb_dec(b, t->c->num);
		i++;
	}
}

/* ------------------------------------------------------------ key tables */

static const char *const C6[] = {
	"natural_person", "commercial_enterprise", "research_institution",
	"social_welfare_org", "legal_service_org", "other_org"
};
static const char *const ORG5[] = {
	"commercial_enterprise", "research_institution", "social_welfare_org",
	"legal_service_org", "other_org"
};
/* columns checked by R1/R2/R13, in table order */
static const char *const T3_COLS[] = {
	"natural_person", "commercial_enterprise", "research_institution",
	"social_welfare_org", "legal_service_org", "other_org",
	"legal_person_subtotal", "total"
};
static const char *const DENIED[] = {
	"denied.state_secret", "denied.law_prohibited", "denied.security_stability",
	"denied.third_party_rights", "denied.internal_affairs",
	"denied.process_info", "denied.enforcement_file", "denied.admin_query"
};
static const char *const UNABLE[] = {
	"unable.not_held", "unable.needs_creation", "unable.unclear_after_correction"
};
static const char *const NOTPROC[] = {
	"not_processed.petition_complaint", "not_processed.repeat",
	"not_processed.publication", "not_processed.excessive",
	"not_processed.confirm_reissue"
};
static const char *const OTHER21[] = {
	"other.no_correction", "other.fee_unpaid", "other.other"
};
static const char *const OTHER19[] = {"other"};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

typedef struct group_def
{
	const char *name;
	const char *const *reasons;
	size_t		n;
} group_def;

/* 2021 "other" reasons in use?  (the 2019 "other" is a data row) */
static bool
uses_other21(const rv *r)
{
	for (size_t i = 0; i < NELEM(OTHER21); i++)
		if (has_row(r, "t3", OTHER21[i]))
			return true;
	return r->r->format == GR_FMT_TEMPLATE_2021 && !has_row(r, "t3", "other");
}

/* The outcome groups; "other" is a group only in the 2021 template. */
static size_t
outcome_groups(const rv *r, group_def *g)
{
	g[0] = (group_def) {"denied", DENIED, NELEM(DENIED)};
	g[1] = (group_def) {"unable", UNABLE, NELEM(UNABLE)};
	g[2] = (group_def) {"not_processed", NOTPROC, NELEM(NOTPROC)};
	if (uses_other21(r))
		g[3] = (group_def) {"other", OTHER21, NELEM(OTHER21)};
	else
		g[3] = (group_def) {"other", OTHER19, NELEM(OTHER19)};
	return 4;
}

/* "... (off by N)" */
static void
off_by(sb *b, gr_dec l, gr_dec r)
{
	sb_add(b, " (off by ");
	sb_dec(b, dabs(l - r));
	sb_add(b, ")");
}

/* ------------------------------------------------------------ R1 - R10 */

static void
rule_r1(chk *k, const rv *r)
{
	for (size_t i = 0; i < NELEM(T3_COLS); i++)
	{
		const char *c = T3_COLS[i];
		side		L,
					R;
		gr_dec		l,
					rr;
		sb			m;

		side_init(&L);
		side_init(&R);
		side_cell_kept(&L, r, "t3", "new_received", c, NULL, NULL);
		side_cell_kept(&L, r, "t3", "carried_over", c, NULL, NULL);
		side_cell_kept(&R, r, "t3", "processed_total", c, NULL, NULL);
		side_cell_kept(&R, r, "t3", "carried_forward", c, NULL, NULL);
		if (!side_eval(&L, &l) || !side_eval(&R, &rr) || l == rr)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 3, column %s: ", c);
		side_text(&m, &L);
		sb_add(&m, " = ");
		sb_dec(&m, l);
		sb_add(&m, ", but ");
		side_text(&m, &R);
		sb_add(&m, " = ");
		sb_dec(&m, rr);
		off_by(&m, l, rr);
		add_violation(k, "R1", c, true, l, true, rr, &m);
	}
}

static void
outcome_side(side *s, const rv *r, const char *col)
{
	group_def	g[4];
	size_t		ng = outcome_groups(r, g);
	uint64_t	hc = part_hash_kept(r, col);

	side_init(s);
	side_add(s, "granted", NULL,
			 cell_find_h(r, key_hash3(r->h_t3, part_hash_kept(r, "granted"), hc), "t3", "granted", col), 1);
	side_add(s, "partially_granted", NULL,
			 cell_find_h(r, key_hash3(r->h_t3, part_hash_kept(r, "partially_granted"), hc),
						 "t3", "partially_granted", col), 1);
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < g[i].n; j++)
		{
			const char *row = g[i].reasons[j];

			side_add(s, row, g[i].n > 1 ? g[i].name : NULL,
					 cell_find_h(r, key_hash3(r->h_t3, part_hash_kept(r, row), hc), "t3", row, col), 1);
		}
}

static void
rule_r2(chk *k, const rv *r)
{
	for (size_t i = 0; i < NELEM(T3_COLS); i++)
	{
		const char *c = T3_COLS[i];
		side		R;
		const gr_cell *pt = cell_find_kept(r, "t3", "processed_total", c);
		gr_dec		rr;
		sb			m;

		outcome_side(&R, r, c);
		if (!usable(pt) || !side_eval(&R, &rr) || pt->num == rr)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 3, column %s: processed_total is ", c);
		sb_dec(&m, pt->num);
		sb_add(&m, ", but the outcome rows add up to ");
		sb_dec(&m, rr);
		sb_add(&m, ": ");
		side_text(&m, &R);
		off_by(&m, pt->num, rr);
		add_violation(k, "R2", c, true, pt->num, true, rr, &m);
	}
}

/* The six applicant columns of a row, or natural_person + the printed
 * legal-person subtotal when the organisation columns are not printed. */
static void
applicant_side(side *s, const rv *r, const char *tbl, const char *row)
{
	bool		orgs = false;
	uint64_t	ht = part_hash_kept(r, tbl),
				hr = part_hash_kept(r, row);
	const gr_cell *c6[NELEM(C6)];
	const gr_cell *lps;

	/* C6 is natural_person followed by ORG5 */
	for (size_t i = 0; i < NELEM(C6); i++)
	{
		c6[i] = cell_find_h(r, key_hash3(ht, hr, part_hash_kept(r, C6[i])), tbl, row, C6[i]);
		if (i > 0 && c6[i])
			orgs = true;
	}
	side_init(s);
	if (!orgs &&
		(lps = cell_find_h(r, key_hash3(ht, hr, part_hash_kept(r, "legal_person_subtotal")),
						   tbl, row, "legal_person_subtotal")) != NULL)
	{
		side_add(s, "natural_person", NULL, c6[0], 1);
		side_add(s, "legal_person_subtotal", NULL, lps, 1);
		return;
	}
	for (size_t i = 0; i < NELEM(C6); i++)
		side_add(s, C6[i], NULL, c6[i], 1);
}

static void
rule_r3(chk *k, const rv *r)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *c = &r->r->cells[i];
		side		R;
		gr_dec		rr;
		sb			m;

		/* one check per printed row: at its total cell */
		if (!streq(c->tbl, "t3") || !streq(c->col_key, "total") ||
			!first_of_key(r, i))
			continue;
		applicant_side(&R, r, "t3", c->row_key);
		if (!usable(c) || !side_eval(&R, &rr) || c->num == rr)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 3, row %s: the total column is ", c->row_key);
		sb_dec(&m, c->num);
		sb_add(&m, ", but the applicant columns add up to ");
		sb_dec(&m, rr);
		sb_add(&m, ": ");
		side_text(&m, &R);
		off_by(&m, c->num, rr);
		add_violation(k, "R3", c->row_key, true, c->num, true, rr, &m);
	}
}

static void
rule_r4(chk *k, const rv *r)
{
	group_def	g[4];
	size_t		ng = outcome_groups(r, g);

	for (size_t gi = 0; gi < ng; gi++)
	{
		if (g[gi].n < 2)
			continue;			/* the 2019 "other" row is data, not a subtotal */
		for (size_t ci = 0; ci < NELEM(T3_COLS); ci++)
		{
			const char *col = T3_COLS[ci];
			const gr_cell *sub = cell_find_kept(r, "t3", g[gi].name, col);
			side		R;
			gr_dec		rr;
			sb			m;
			char	   *scope;

			if (!sub)
				continue;
			side_init(&R);
			for (size_t j = 0; j < g[gi].n; j++)
				side_cell_kept(&R, r, "t3", g[gi].reasons[j], col, NULL, NULL);
			if (!usable(sub) || !side_eval(&R, &rr) || sub->num == rr)
				continue;
			msg_init(k, &m);
			sb_add(&m, "table 3, column %s: the printed %s subtotal is ", col, g[gi].name);
			sb_dec(&m, sub->num);
			sb_add(&m, ", but its reason rows add up to ");
			sb_dec(&m, rr);
			sb_add(&m, ": ");
			side_text(&m, &R);
			off_by(&m, sub->num, rr);
			scope = gr_printf(k->mem, "%s/%s", g[gi].name, col);
			if (!scope)
			{
				k->oom = true;
				return;
			}
			add_violation(k, "R4", scope, true, sub->num, true, rr, &m);
			gr_free(k->mem, scope);
		}
	}
}

static void
rule_r5(chk *k, const rv *r)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *c = &r->r->cells[i];
		side		R;
		gr_dec		rr;
		sb			m;

		if (!streq(c->tbl, "t3") || !streq(c->col_key, "legal_person_subtotal") ||
			!first_of_key(r, i))
			continue;
		side_init(&R);
		for (size_t j = 0; j < NELEM(ORG5); j++)
			side_cell(&R, r, "t3", c->row_key, ORG5[j], ORG5[j], NULL);
		if (!usable(c) || !side_eval(&R, &rr) || c->num == rr)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 3, row %s: the legal_person_subtotal column is ", c->row_key);
		sb_dec(&m, c->num);
		sb_add(&m, ", but the five organisation columns add up to ");
		sb_dec(&m, rr);
		sb_add(&m, ": ");
		side_text(&m, &R);
		off_by(&m, c->num, rr);
		add_violation(k, "R5", c->row_key, true, c->num, true, rr, &m);
	}
}

static void
rule_t4(chk *k, const rv *r, const char *rule, const char *row,
		const char *zh)
{
	static const char *const parts[] = {"maintained", "corrected", "other", "pending"};
	const gr_cell *tot = cell_find(r, "t4", row, "total");
	side		R;
	gr_dec		rr;
	sb			m;

	side_init(&R);
	for (size_t i = 0; i < NELEM(parts); i++)
		side_cell(&R, r, "t4", row, parts[i], parts[i], NULL);
	if (!usable(tot) || !side_eval(&R, &rr) || tot->num == rr)
		return;
	msg_init(k, &m);
	sb_add(&m, "table 4, %s (%s): the total is ", row, zh);
	sb_dec(&m, tot->num);
	sb_add(&m, ", but ");
	side_text(&m, &R);
	sb_add(&m, " = ");
	sb_dec(&m, rr);
	off_by(&m, tot->num, rr);
	add_violation(k, rule, row, true, tot->num, true, rr, &m);
}

static const char *
table_name(const char *tbl)
{
	if (streq(tbl, "t2"))
		return "table 2";
	if (streq(tbl, "t3"))
		return "table 3";
	if (streq(tbl, "t4"))
		return "table 4";
	return tbl;
}

static void
rule_r9(chk *k, const rv *r)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *c = &r->r->cells[i];
		bool		t2 = streq(c->tbl, "t2");
		bool		amount,
					signed_ok;
		const char *why = NULL;
		sb			m;
		char	   *scope;

		if (!(t2 || streq(c->tbl, "t3") || streq(c->tbl, "t4")) || !usable(c))
			continue;
		amount = t2 && c->col_key && strstr(c->col_key, "amount") != NULL;
		signed_ok = t2 && streq(c->col_key, "delta");
		if (!amount && !is_integer(c->num))
			why = "is not a whole number";
		else if (!signed_ok && c->num < 0)
			why = "is negative";
		if (!why)
			continue;
		msg_init(k, &m);
		sb_add(&m, "%s, row %s, column %s: the value ", table_name(c->tbl),
			   c->row_key ? c->row_key : "?", c->col_key ? c->col_key : "?");
		sb_dec(&m, c->num);
		sb_add(&m, " %s; %s", why,
			   amount ? "amounts must not be negative" :
			   signed_ok ? "the change column must hold whole numbers" :
			   "counts must be whole numbers >= 0");
		scope = gr_printf(k->mem, "%s/%s/%s", c->tbl,
						  c->row_key ? c->row_key : "",
						  c->col_key ? c->col_key : "");
		if (!scope)
		{
			k->oom = true;
			return;
		}
		add_violation(k, "R9", scope, true, c->num, false, 0, &m);
		gr_free(k->mem, scope);
	}
}

static void
rule_r10(chk *k, const rv *r)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *c = &r->r->cells[i];
		gr_dec		tot;
		sb			m;

		if (!streq(c->tbl, "t2") || !streq(c->col_key, "published") ||
			!first_of_key(r, i) || !usable(c) ||
			!cell_val(r, "t2", c->row_key, "published_total", &tot) ||
			c->num <= tot)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 2, row %s: published this year ", c->row_key);
		sb_dec(&m, c->num);
		sb_add(&m, " exceeds published_total ");
		sb_dec(&m, tot);
		sb_add(&m, " (by ");
		sb_dec(&m, c->num - tot);
		sb_add(&m, ")");
		add_violation(k, "R10", c->row_key, true, c->num, true, tot, &m);
	}
}

/* ------------------------------------------------------------------- R14 */

static bool
is_c6(const char *s)
{
	for (size_t i = 0; i < NELEM(C6); i++)
		if (strcmp(s, C6[i]) == 0)
			return true;
	return false;
}

/*
 * The table side of a narrative figure; false when the key has no table
 * counterpart.  *what names the table figure in the message.
 */
static bool
r14_table_side(const rv *r, const char *key, side *s, const char **what)
{
	static const char *const flows[] = {
		"new_received", "carried_over", "carried_forward", "processed_total"
	};
	const char *rest;

	side_init(s);
	if (starts_with(key, "requests."))
	{
		char		flow[64];
		const char *col = "total";
		const char *dot;

		rest = key + strlen("requests.");
		dot = strchr(rest, '.');
		if (dot)
		{
			if (!is_c6(dot + 1) || (size_t) (dot - rest) >= sizeof(flow))
				return false;
			col = dot + 1;
			memcpy(flow, rest, (size_t) (dot - rest));
			flow[dot - rest] = '\0';
		}
		else
			snprintf(flow, sizeof(flow), "%s", rest);
		if (strcmp(flow, "closed") == 0 || strcmp(flow, "answered") == 0)
			snprintf(flow, sizeof(flow), "processed_total");
		for (size_t i = 0; i < NELEM(flows); i++)
			if (strcmp(flow, flows[i]) == 0)
			{
				side_add(s, flows[i], NULL, cell_find(r, "t3", flows[i], col), 1);
				*what = col;
				return true;
			}
		return false;
	}
	if (starts_with(key, "outcome."))
	{
		group_def	g[4];
		size_t		ng = outcome_groups(r, g);

		rest = key + strlen("outcome.");
		for (size_t i = 0; i < ng; i++)
			if (strcmp(rest, g[i].name) == 0)
			{
				for (size_t j = 0; j < g[i].n; j++)
					side_cell(s, r, "t3", g[i].reasons[j], "total", NULL, NULL);
				*what = "total";
				return true;
			}
		if (has_row(r, "t3", rest))
		{
			side_cell(s, r, "t3", rest, "total", NULL, NULL);
			*what = "total";
			return true;
		}
		return false;
	}
	if (strcmp(key, "review.total") == 0 ||
		strcmp(key, "review_and_litigation.total") == 0)
		side_cell(s, r, "t4", "review", "total", "review", NULL);
	if (strcmp(key, "litigation.total") == 0 ||
		strcmp(key, "review_and_litigation.total") == 0)
	{
		side_cell(s, r, "t4", "litigation_direct", "total", "litigation_direct", NULL);
		side_cell(s, r, "t4", "litigation_after_review", "total", "litigation_after_review", NULL);
	}
	*what = "table 4";
	return s->n > 0;
}

static void
r14_received(chk *k, const rv *r, const gr_cell *n)
{
	const gr_cell *nw = cell_find(r, "t3", "new_received", "total");
	const gr_cell *co = cell_find(r, "t3", "carried_over", "total");
	gr_dec		inc;
	sb			m;

	if (!usable(n) || !usable(nw))
		return;
	if (n->num == nw->num)
		return;					/* literal reading holds */
	if (!usable(co) || __builtin_add_overflow(nw->num, co->num, &inc))
		return;					/* the inclusive reading cannot be judged */
	msg_init(k, &m);
	sb_add(&m, "narrative \"收到\" requests.received ");
	sb_dec(&m, n->num);
	sb_add(&m, " does not equal table 3 new_received total ");
	sb_dec(&m, nw->num);
	sb_add(&m, " (literal reading, off by ");
	sb_dec(&m, dabs(n->num - nw->num));
	if (n->num == inc)
	{
		sb_add(&m, "); it holds only under the inclusive reading: received ");
		sb_dec(&m, n->num);
		sb_add(&m, " = new_received ");
		sb_dec(&m, nw->num);
		sb_add(&m, " + carried_over ");
		sb_dec(&m, co->num);
		sb_add(&m, ", so the narrative counts the carried-over requests as received");
	}
	else
	{
		sb_add(&m, "), nor new_received ");
		sb_dec(&m, nw->num);
		sb_add(&m, " + carried_over ");
		sb_dec(&m, co->num);
		sb_add(&m, " = ");
		sb_dec(&m, inc);
		sb_add(&m, " (inclusive reading, off by ");
		sb_dec(&m, dabs(n->num - inc));
		sb_add(&m, "): neither reading holds");
	}
	add_violation(k, "R14", n->row_key, true, n->num, true, nw->num, &m);
}

static void
rule_r14(chk *k, const rv *r)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *n = &r->r->cells[i];
		side		T;
		gr_dec		t;
		const char *what = NULL;
		sb			m;

		if (!streq(n->tbl, "narrative") || !n->row_key || !first_of_key(r, i) ||
			is_pct_key(n))
			continue;
		if (strcmp(n->row_key, "requests.received") == 0)
		{
			r14_received(k, r, n);
			continue;
		}
		if (!r14_table_side(r, n->row_key, &T, &what))
			continue;
		if (!usable(n) || !side_eval(&T, &t))
			continue;
		if (is_approx(n) ? n->num <= t : n->num == t)
			continue;
		msg_init(k, &m);
		sb_add(&m, "narrative %s ", n->row_key);
		sb_dec(&m, n->num);
		sb_add(&m, is_approx(n) ? " (a lower bound) exceeds " : " does not equal ");
		if (strcmp(what, "table 4") == 0)
			sb_add(&m, "table 4: ");
		else
			sb_add(&m, "table 3, column %s: ", what);
		side_text(&m, &T);
		if (T.n > 1)
		{
			sb_add(&m, " = ");
			sb_dec(&m, t);
		}
		off_by(&m, n->num, t);
		add_violation(k, "R14", n->row_key, true, n->num, true, t, &m);
	}
}

/* -------------------------------------------------------- R15 / N3 (pct) */

/* The base of a share whose part has key partkey (see gr_rules.h). */
static const gr_cell *
pct_whole(const rv *r, const char *partkey)
{
	static const char *const sfx[] = {"", ".total", ".items_total"};
	char		a[256];
	char		buf[300];
	size_t		len = strlen(partkey);

	if (len >= sizeof(a))
		return NULL;
	memcpy(a, partkey, len + 1);
	for (;;)
	{
		char	   *dot = strrchr(a, '.');

		if (!dot)
			break;
		*dot = '\0';
		for (size_t i = 0; i < NELEM(sfx); i++)
		{
			const gr_cell *c;

			snprintf(buf, sizeof(buf), "%s%s", a, sfx[i]);
			if (strcmp(buf, partkey) == 0)
				continue;
			c = cell_find(r, "narrative", buf, NULL);
			if (c)
				return c;
		}
	}
	if (starts_with(partkey, "proactive."))
		return cell_find(r, "narrative", "proactive.external_website", NULL);
	return NULL;
}

static void
rule_pct(chk *k, const rv *r, const char *rule)
{
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *pc = &r->r->cells[i];
		char		partkey[256];
		size_t		klen;
		const gr_cell *part,
				   *whole;
		int			d;
		gr_dec		pd,
					num,
					den2,
					trunc,
					round,
					r4,
					unit;
		bool		exact;
		sb			m;

		if (!streq(pc->tbl, "narrative") || !pc->row_key ||
			!ends_with(pc->row_key, ".pct") || !first_of_key(r, i) ||
			!usable(pc) || pc->num < 0)
			continue;
		klen = strlen(pc->row_key) - 4;
		if (klen >= sizeof(partkey))
			continue;
		memcpy(partkey, pc->row_key, klen);
		partkey[klen] = '\0';
		part = cell_find(r, "narrative", partkey, NULL);
		whole = pct_whole(r, partkey);
		if (!usable(part) || !usable(whole) || part->num < 0 || whole->num <= 0)
			continue;

		/* printed precision; never less than the value itself needs */
		d = pc->decimals;
		if (d < 0)
			d = 0;
		if (d > GR_DEC_SCALE)
			d = GR_DEC_SCALE;
		while (d < GR_DEC_SCALE && pc->num % pow10_dec(GR_DEC_SCALE - d) != 0)
			d++;
		unit = pow10_dec(GR_DEC_SCALE - d);
		pd = pc->num / unit;

		/* q = 100 * part / whole * 10^d, exactly as a fraction num / whole */
		if (__builtin_mul_overflow(part->num, (gr_dec) 100, &num) ||
			__builtin_mul_overflow(num, pow10_dec(d), &num) ||
			__builtin_mul_overflow(whole->num, (gr_dec) 2, &den2))
			continue;
		trunc = num / whole->num;
		{
			gr_dec		n2;

			if (__builtin_mul_overflow(num, (gr_dec) 2, &n2) ||
				__builtin_add_overflow(n2, whole->num, &n2))
				continue;
			round = n2 / den2;
		}
		if (pd == trunc || pd == round)
			continue;
		/* 100 * part / whole with 4 decimals, truncated (scaled by 10^4) */
		exact = false;
		if (__builtin_mul_overflow(part->num, (gr_dec) 1000000, &r4))
			r4 = 0;
		else
		{
			exact = r4 % whole->num == 0;
			r4 = r4 / whole->num;
		}

		msg_init(k, &m);
		sb_add(&m, "narrative percentage %s is printed ", pc->row_key);
		sb_dec(&m, pc->num);
		sb_add(&m, "%%, but %s ", part->row_key);
		sb_dec(&m, part->num);
		sb_add(&m, " / %s ", whole->row_key);
		sb_dec(&m, whole->num);
		sb_add(&m, " = ");
		sb_dec(&m, r4 * 100);	/* 4 decimals -> gr_dec scale 6 */
		sb_add(&m, "%s%%, which is ", exact ? "" : "...");
		sb_dec(&m, round * unit);
		sb_add(&m, " rounded half-up or ");
		sb_dec(&m, trunc * unit);
		sb_add(&m, " truncated at %d decimal%s", d, d == 1 ? "" : "s");
		add_violation(k, rule, pc->row_key, true, pc->num, true, round * unit, &m);
	}
}

/* ------------------------------------------------------------ R16, R17 */

static void
rule_r16(chk *k, const rv *r)
{
	const char *expect = NULL;
	bool		ok;
	sb			m;

	if (r->r->year <= 0 || r->r->format == GR_FMT_UNKNOWN)
		return;
	if (r->r->year >= 2021)
	{
		ok = r->r->format == GR_FMT_TEMPLATE_2021;
		expect = "template_2021 (国办公开办函〔2021〕30号, report years 2021 and later)";
	}
	else if (r->r->year == 2020)
	{
		ok = r->r->format == GR_FMT_TEMPLATE_2019;
		expect = "template_2019 (国办公开办函〔2019〕60号, report years 2019-2020)";
	}
	else if (r->r->year == 2019)
		ok = true;				/* transition year: any format */
	else
	{
		ok = r->r->format == GR_FMT_STATS_PRE2019 || r->r->format == GR_FMT_NARRATIVE;
		expect = "stats_table_pre2019 or narrative (report years up to 2018)";
	}
	if (ok)
		return;
	msg_init(k, &m);
	sb_add(&m, "the report for %d uses the format %s, but a report for that year is expected in %s",
		   r->r->year, gr_format_name(r->r->format) ? gr_format_name(r->r->format) : "?",
		   expect);
	add_violation(k, "R16", "report", true, (gr_dec) r->r->year * DEC_ONE, false, 0, &m);
}

static void
rule_r17(chk *k, const rv *r)
{
	gr_dec		unpaid,
				notices;
	sb			m;

	if (!cell_val(r, "t3", "other.fee_unpaid", "total", &unpaid) ||
		!cell_val(r, "narrative", "fees.notices", NULL, &notices) ||
		unpaid <= notices)
		return;
	msg_init(k, &m);
	sb_add(&m, "table 3 other.fee_unpaid total ");
	sb_dec(&m, unpaid);
	sb_add(&m, " (requests dropped for an unpaid fee) exceeds the fee notices issued in section 六, fees.notices ");
	sb_dec(&m, notices);
	sb_add(&m, " (by ");
	sb_dec(&m, unpaid - notices);
	sb_add(&m, ")");
	add_violation(k, "R17", "report", true, unpaid, true, notices, &m);
}

/* ------------------------------------------------ generic "a = b" checks */

typedef enum cmp_op
{
	CMP_EQ,						/* L = R */
	CMP_LE,						/* L <= R */
	CMP_GE						/* L >= R */
} cmp_op;

static const char *
cmp_fail_word(cmp_op op)
{
	switch (op)
	{
		case CMP_EQ:
			return "does not equal";
		case CMP_LE:
			return "exceeds";
		case CMP_GE:
			return "is less than";
	}
	return "?";
}

/*
 * Compare two sides; on failure add "<what>: L-text = l <word> R-text = r
 * (off by d)" as a violation of rule with scope.
 */
static void
compare_sides(chk *k, const char *rule, const char *scope, const char *what,
			  const side *L, cmp_op op, const side *R)
{
	gr_dec		l,
				rr;
	bool		holds;
	sb			m;

	if (!side_eval(L, &l) || !side_eval(R, &rr))
		return;
	holds = op == CMP_EQ ? l == rr : op == CMP_LE ? l <= rr : l >= rr;
	if (holds)
		return;
	msg_init(k, &m);
	sb_add(&m, "%s: ", what);
	side_text(&m, L);
	if (L->n > 1)
	{
		sb_add(&m, " = ");
		sb_dec(&m, l);
	}
	sb_add(&m, " %s ", cmp_fail_word(op));
	side_text(&m, R);
	if (R->n > 1)
	{
		sb_add(&m, " = ");
		sb_dec(&m, rr);
	}
	off_by(&m, l, rr);
	add_violation(k, rule, scope, true, l, true, rr, &m);
}

/* parent = sum of the listed children in one table */
static void
sum_rule(chk *k, const rv *r, const char *rule, const char *tbl,
		 const char *what, const char *parent, const char *const *kids,
		 size_t nkids, cmp_op op)
{
	side		L,
				R;

	side_init(&L);
	side_init(&R);
	side_cell(&L, r, tbl, parent, NULL, NULL, NULL);
	for (size_t i = 0; i < nkids; i++)
		side_cell(&R, r, tbl, kids[i], NULL, NULL, NULL);
	compare_sides(k, rule, parent, what, &L, op, &R);
}

/*
 * Direct children of key in tbl: cells key.x (x without a dot), or for a
 * key X.total the cells X.x; first occurrences, no percentages, same unit
 * as parent (when parent is given).
 */
static void
children_side(side *s, const rv *r, const char *tbl, const char *key,
			  const gr_cell *parent)
{
	char		prefix[256];
	size_t		plen;
	bool		total = ends_with(key, ".total");
	const gr_cell *kids[GR_MAX_TERMS];
	int			nk = 0;

	side_init(s);
	plen = total ? strlen(key) - strlen(".total") : strlen(key);
	if (plen + 2 > sizeof(prefix))
		return;
	memcpy(prefix, key, plen);
	prefix[plen] = '.';
	prefix[plen + 1] = '\0';
	plen++;
	/* the keys starting with "key." are one run of the index */
	for (size_t i = lower_bound(r, tbl, prefix, ""); i < r->r->ncells; i++)
	{
		const gr_cell *c = r->idx[i];
		const char *seg;

		if (!streq(c->tbl, tbl) || !c->row_key ||
			strncmp(c->row_key, prefix, plen) != 0)
			break;
		seg = c->row_key + plen;
		if (!key_eq(c->col_key, NULL) || !*seg || strchr(seg, '.') ||
			strcmp(seg, "total") == 0 || is_pct_key(c) ||
			ends_with(seg, "_note") || ends_with(seg, "_note_total") ||
			cell_find(r, c->tbl, c->row_key, c->col_key) != c)
			continue;
		if (parent && !units_compatible(parent, c))
			continue;
		if (nk == GR_MAX_TERMS)
		{
			s->full = true;		/* too many parts: indeterminate */
			return;
		}
		kids[nk++] = c;
	}
	/* in document order */
	for (int i = 1; i < nk; i++)
		for (int j = i; j > 0 && kids[j - 1] > kids[j]; j--)
		{
			const gr_cell *t = kids[j];

			kids[j] = kids[j - 1];
			kids[j - 1] = t;
		}
	for (int i = 0; i < nk; i++)
		side_add(s, kids[i]->row_key, NULL, kids[i], 1);
}

/* ------------------------------------------------------------- S1 - S12 */

static void
rules_stats(chk *k, const rv *r)
{
	static const char *const s2[] = {"requests.closed.on_time", "requests.closed.extended"};
	static const char *const s3[] = {
		"requests.answered.already_public", "requests.answered.granted",
		"requests.answered.partially_granted", "requests.answered.denied",
		"requests.answered.not_this_agency", "requests.answered.not_exist",
		"requests.answered.asked_to_amend", "requests.answered.other_channel"
	};
	static const char *const s4[] = {
		"requests.answered.denied.state_secret",
		"requests.answered.denied.commercial_secret",
		"requests.answered.denied.personal_privacy",
		"requests.answered.denied.security_stability",
		"requests.answered.denied.not_gov_info",
		"requests.answered.denied.other_legal"
	};
	static const char *const s5[] = {"review.maintained", "review.corrected", "review.other"};
	static const char *const s6[] = {
		"litigation.maintained_or_dismissed", "litigation.corrected", "litigation.other"
	};
	static const char *const s7[] = {"org.staff_full_time", "org.staff_part_time"};
	side		L,
				R;

	/* S1: every printed channel row (local variants print more) */
	side_init(&L);
	side_cell(&L, r, "stats", "requests.received", NULL, NULL, NULL);
	children_side(&R, r, "stats", "requests.received", NULL);
	compare_sides(k, "S1", "requests.received",
				  "statistics table, 收到申请数 against the channels", &L, CMP_EQ, &R);
	sum_rule(k, r, "S2", "stats", "statistics table, 申请办结数 against 按时 + 延期",
			 "requests.closed", s2, NELEM(s2), CMP_EQ);
	sum_rule(k, r, "S3", "stats", "statistics table, 申请答复数 against the eight answer types",
			 "requests.answered", s3, NELEM(s3), CMP_EQ);
	sum_rule(k, r, "S4", "stats", "statistics table, 不同意公开答复数 against its six reasons",
			 "requests.answered.denied", s4, NELEM(s4), CMP_EQ);
	sum_rule(k, r, "S5", "stats", "statistics table, 行政复议数量 against its results",
			 "review.total", s5, NELEM(s5), CMP_EQ);
	sum_rule(k, r, "S6", "stats", "statistics table, 行政诉讼数量 against its results",
			 "litigation.total", s6, NELEM(s6), CMP_EQ);
	sum_rule(k, r, "S7", "stats", "statistics table, 从事政府信息公开工作人员数 against 专职 + 兼职",
			 "org.staff_total", s7, NELEM(s7), CMP_EQ);

	/* S8: "其中" items never exceed their parent */
	{
		static const char *const pairs[][2] = {
			{"proactive.normative_docs_published", "proactive.items_total"},
			{"response.press_conferences.by_principal", "response.press_conferences"},
			{"response.online_interviews.by_principal", "response.online_interviews"},
		};

		for (size_t i = 0; i < NELEM(pairs); i++)
		{
			side_init(&L);
			side_init(&R);
			side_cell(&L, r, "stats", pairs[i][0], NULL, NULL, NULL);
			side_cell(&R, r, "stats", pairs[i][1], NULL, NULL, NULL);
			compare_sides(k, "S8", pairs[i][0],
						  "statistics table, an \"其中\" item against its parent",
						  &L, CMP_LE, &R);
		}
		children_side(&L, r, "stats", "proactive.key_areas", NULL);
		side_init(&R);
		side_cell(&R, r, "stats", "proactive.key_areas_total", NULL, NULL, NULL);
		compare_sides(k, "S8", "proactive.key_areas_total",
					  "statistics table, the key-area items against 重点领域公开政府信息数",
					  &L, CMP_LE, &R);
	}

	/* S9 */
	children_side(&L, r, "stats", "proactive.channel", NULL);
	side_init(&R);
	side_cell(&R, r, "stats", "proactive.items_total", NULL, NULL, NULL);
	compare_sides(k, "S9", "proactive.items_total",
				  "statistics table, the channel counts against 主动公开政府信息数",
				  &L, CMP_GE, &R);

	/* S10, S11 */
	side_init(&L);
	side_init(&R);
	side_cell(&L, r, "stats", "requests.answered", NULL, NULL, NULL);
	side_cell(&R, r, "stats", "requests.closed", NULL, NULL, NULL);
	compare_sides(k, "S10", "requests.answered",
				  "statistics table, 申请答复数 against 申请办结数", &L, CMP_EQ, &R);
	side_init(&L);
	side_init(&R);
	side_cell(&L, r, "stats", "requests.closed", NULL, NULL, NULL);
	side_cell(&R, r, "stats", "requests.received", NULL, NULL, NULL);
	compare_sides(k, "S11", "requests.closed",
				  "statistics table, 申请办结数 against 收到申请数", &L, CMP_LE, &R);

	/* S12: narrative figures against the table */
	{
		static const char *const alias[][2] = {
			{"staff.full_time", "org.staff_full_time"},
			{"staff.part_time", "org.staff_part_time"},
			{"staff.total", "org.staff_total"},
			{"training.sessions", "training.courses"},
			{"training.participants", "training.trainees"},
			{"training.participants_approx", "training.trainees"},
			{"requests.answered.unclear", "requests.answered.asked_to_amend"},
			{"requests.answered.not_gov_info", "requests.answered.denied.not_gov_info"},
		};

		for (size_t i = 0; i < r->r->ncells; i++)
		{
			const gr_cell *n = &r->r->cells[i];
			const char *tkey = NULL;
			const gr_cell *t;
			char	   *what;

			if (!streq(n->tbl, "narrative") || !n->row_key || is_pct_key(n) ||
				!first_of_key(r, i))
				continue;
			for (size_t a = 0; a < NELEM(alias); a++)
				if (strcmp(n->row_key, alias[a][0]) == 0)
					tkey = alias[a][1];
			if (!tkey)
				tkey = n->row_key;
			t = cell_find(r, "stats", tkey, NULL);
			if (!t)
				continue;
			side_init(&L);
			side_init(&R);
			side_add(&L, n->row_key, NULL, n, 1);
			side_add(&R, tkey, NULL, t, 1);
			what = gr_printf(k->mem, "narrative %s against the statistics table",
							 n->row_key);
			if (!what)
			{
				k->oom = true;
				return;
			}
			compare_sides(k, "S12", n->row_key, what, &L,
						  is_approx(n) ? CMP_LE : CMP_EQ, &R);
			gr_free(k->mem, what);
		}
	}
}

/* --------------------------------------------------------- N1, N2, N4, N6 */

/* parent against its children: = with two or more exact parts, else <= */
static void
parts_rule(chk *k, const char *rule, const gr_cell *parent, side *kids,
		   const char *what)
{
	side		P;

	if (kids->n == 0 || is_approx(parent))
		return;
	side_init(&P);
	side_add(&P, parent->row_key, NULL, parent, 1);
	if (kids->n >= 2 && !kids->approx)
		compare_sides(k, rule, parent->row_key, what, &P, CMP_EQ, kids);
	else
		compare_sides(k, rule, parent->row_key, what, kids, CMP_LE, &P);
}

static void
rules_narrative(chk *k, const rv *r)
{
	const gr_cell *c;
	side		S;

	/* N1 (a): every narrative total and its listed parts */
	for (size_t i = 0; i < r->r->ncells; i++)
	{
		const gr_cell *p = &r->r->cells[i];

		if (!streq(p->tbl, "narrative") || !p->row_key || !key_eq(p->col_key, NULL) ||
			is_pct_key(p) || !first_of_key(r, i) ||
			strcmp(p->row_key, "requests.received") == 0 ||
			starts_with(p->row_key, "proactive.category"))
			continue;
		children_side(&S, r, "narrative", p->row_key, p);
		parts_rule(k, "N1", p, &S, "narrative total against the parts listed with it");
	}

	/* N1 (b): "收到 N 件，其中同意公开 a 件，信息不存在 b 件" (no answered total) */
	c = cell_find(r, "narrative", "requests.received", NULL);
	if (c && !cell_find(r, "narrative", "requests.answered", NULL))
	{
		children_side(&S, r, "narrative", "requests.answered", c);
		parts_rule(k, "N1", c, &S, "narrative requests received against the answer types listed");
	}

	/* N1 (c): outcome groups against 办结 (or the answered total) */
	c = cell_find(r, "narrative", "requests.closed", NULL);
	if (!c)
		c = cell_find(r, "narrative", "requests.answered", NULL);
	if (c)
	{
		static const char *const groups[] = {
			"outcome.granted", "outcome.partially_granted", "outcome.denied",
			"outcome.unable", "outcome.not_processed", "outcome.other"
		};

		side		P;

		side_init(&S);
		for (size_t i = 0; i < NELEM(groups); i++)
		{
			const gr_cell *g = cell_find(r, "narrative", groups[i], NULL);

			if (g)
				side_add(&S, groups[i], NULL, g, 1);
		}
		/* "从办理结果看" lists all six groups: they add up; fewer: a part */
		side_init(&P);
		side_add(&P, c->row_key, NULL, c, 1);
		if (S.n == (int) NELEM(groups))
			compare_sides(k, "N1", c->row_key,
						  "narrative outcome groups against the requests processed",
						  &P, CMP_EQ, &S);
		else if (S.n > 0)
			compare_sides(k, "N1", c->row_key,
						  "narrative outcome groups against the requests processed",
						  &S, CMP_LE, &P);
	}

	/* N1 (d): the narrative balance received = closed + carried forward */
	{
		const gr_cell *rc = cell_find(r, "narrative", "requests.received", NULL);
		const gr_cell *cl = cell_find(r, "narrative", "requests.closed", NULL);
		const gr_cell *cf = cell_find(r, "narrative", "requests.carried_forward", NULL);
		const gr_cell *co = cell_find(r, "narrative", "requests.carried_over", NULL);
		gr_dec		out;

		if (usable(rc) && usable(cl) && usable(cf) &&
			!__builtin_add_overflow(cl->num, cf->num, &out) &&
			rc->num != out &&
			!(usable(co) && rc->num + co->num == out))
		{
			sb			m;

			msg_init(k, &m);
			sb_add(&m, "narrative balance: requests.received ");
			sb_dec(&m, rc->num);
			if (usable(co))
			{
				sb_add(&m, " (+ requests.carried_over ");
				sb_dec(&m, co->num);
				sb_add(&m, ")");
			}
			sb_add(&m, " does not equal requests.closed ");
			sb_dec(&m, cl->num);
			sb_add(&m, " + requests.carried_forward ");
			sb_dec(&m, cf->num);
			sb_add(&m, " = ");
			sb_dec(&m, out);
			sb_add(&m, " under either reading of 收到");
			off_by(&m, rc->num, out);
			add_violation(k, "N1", "requests.received", true, rc->num, true, out, &m);
		}
	}

	/* N2: proactive total against its categories; the hall within the total */
	{
		const gr_cell *tot = cell_find(r, "narrative", "proactive.items_total", NULL);
		const gr_cell *ext = cell_find(r, "narrative", "proactive.external_website", NULL);
		const gr_cell *hall = cell_find(r, "narrative", "proactive.hall", NULL);

		children_side(&S, r, "narrative", "proactive.category", NULL);
		if (tot)
			parts_rule(k, "N2", tot, &S, "narrative proactive total against the categories listed");
		else if (ext && S.n > 0)
		{
			side		P;

			side_init(&P);
			side_add(&P, ext->row_key, NULL, ext, 1);
			compare_sides(k, "N2", ext->row_key,
						  "narrative categories against the proactive total of the website",
						  &S, CMP_LE, &P);
		}
		if (tot && hall)
		{
			side		P;

			side_init(&S);
			side_init(&P);
			side_add(&S, hall->row_key, NULL, hall, 1);
			side_add(&P, tot->row_key, NULL, tot, 1);
			compare_sides(k, "N2", hall->row_key,
						  "narrative hall figure against the proactive total",
						  &S, CMP_LE, &P);
		}
	}

	/* N4: channels */
	c = cell_find(r, "narrative", "requests.received", NULL);
	if (c)
	{
		children_side(&S, r, "narrative", "requests.received", c);
		parts_rule(k, "N4", c, &S, "narrative requests received against the channels listed");
	}

	/* N6 */
	{
		side		L,
					R;
		const gr_cell *rate = cell_find(r, "narrative",
										"proactive.full_text_electronic_rate_pct", NULL);

		for (size_t i = 0; i < r->r->ncells; i++)
		{
			const gr_cell *a = &r->r->cells[i];
			const gr_cell *n = NULL;

			if (!streq(a->tbl, "annex") || !a->row_key || !first_of_key(r, i))
				continue;
			if (strcmp(a->row_key, "proactive.items_total") == 0)
			{
				n = cell_find(r, "narrative", "proactive.hall", NULL);
				if (!n)
					n = cell_find(r, "narrative", "proactive.items_total", NULL);
			}
			else
				n = cell_find(r, "narrative", a->row_key, NULL);
			if (!n)
				continue;
			side_init(&L);
			side_init(&R);
			side_add(&L, "annex", NULL, a, 1);
			side_add(&R, n->row_key, NULL, n, 1);
			compare_sides(k, "N6", a->row_key,
						  a->row_key && strcmp(a->row_key, "proactive.items_total") == 0 ?
						  "annex 主动公开信息数 against the narrative" :
						  "annex figure against the narrative",
						  &L, CMP_EQ, &R);
		}
		if (usable(rate) && rate->num == 100 * DEC_ONE)
		{
			side_init(&L);
			side_init(&R);
			side_cell(&L, r, "annex", "proactive.full_text_electronic_items", NULL, NULL, NULL);
			side_cell(&R, r, "annex", "proactive.items_total", NULL, NULL, NULL);
			compare_sides(k, "N6", "proactive.full_text_electronic_items",
						  "annex 全文电子化 count against 主动公开信息数 (the narrative says the rate is 100%)",
						  &L, CMP_EQ, &R);
		}
		/* the same figure stated twice: key_note / key_note_total */
		for (size_t i = 0; i < r->r->ncells; i++)
		{
			const gr_cell *n = &r->r->cells[i];
			char		base[256];
			size_t		bl;
			const gr_cell *b;

			if (!streq(n->tbl, "narrative") || !n->row_key || !first_of_key(r, i))
				continue;
			if (ends_with(n->row_key, "_note"))
				bl = strlen(n->row_key) - strlen("_note");
			else if (ends_with(n->row_key, "_note_total"))
				bl = strlen(n->row_key) - strlen("_note_total");
			else
				continue;
			if (bl >= sizeof(base))
				continue;
			memcpy(base, n->row_key, bl);
			base[bl] = '\0';
			if (strcmp(base, "proactive.all_channels") == 0)
			{
				b = cell_find(r, "narrative", "proactive.items_total", NULL);
				if (!b)
					b = cell_find(r, "narrative", "proactive.external_website", NULL);
			}
			else
				b = cell_find(r, "narrative", base, NULL);
			if (!b)
				continue;
			side_init(&L);
			side_init(&R);
			side_add(&L, n->row_key, NULL, n, 1);
			side_add(&R, b->row_key, NULL, b, 1);
			compare_sides(k, "N6", n->row_key,
						  "a figure repeated in the narrative against its first statement",
						  &L, CMP_EQ, &R);
		}
	}
}

/* ----------------------------------------------------------------- entry */

static gr_status
finish(chk *k, gr_violation **out, size_t *n, gr_error *err)
{
	if (k->oom)
	{
		*out = NULL;
		*n = 0;
		return gr_fail(err, GR_ERR_NOMEM, 0, "out of memory",
					   "The rule checker could not allocate memory.");
	}
	*out = k->v;
	*n = k->n;
	return GR_OK;
}

static bool
applies(const rv *r, const char *id)
{
	const gr_rule *def = gr_rule_find(id);

	return def && r->r->format != GR_FMT_UNKNOWN &&
		(def->formats & GR_FMT_BIT(r->r->format)) != 0;
}

gr_status
gr_check(const gr_report *rep, gr_mem *mem, gr_violation **out, size_t *n,
		 gr_error *err)
{
	chk			k;
	rv			v;
	const rv   *r = &v;

	memset(&k, 0, sizeof(k));
	k.mem = mem;
	if (!rv_init(&v, rep, mem))
	{
		k.oom = true;
		return finish(&k, out, n, err);
	}
	if (applies(r, "R1"))
		rule_r1(&k, r);
	if (applies(r, "R2"))
		rule_r2(&k, r);
	if (applies(r, "R3"))
		rule_r3(&k, r);
	if (applies(r, "R4"))
		rule_r4(&k, r);
	if (applies(r, "R5"))
		rule_r5(&k, r);
	if (applies(r, "R6"))
		rule_t4(&k, r, "R6", "review", "行政复议");
	if (applies(r, "R7"))
		rule_t4(&k, r, "R7", "litigation_direct", "未经复议直接起诉");
	if (applies(r, "R8"))
		rule_t4(&k, r, "R8", "litigation_after_review", "复议后起诉");
	if (applies(r, "R9"))
		rule_r9(&k, r);
	if (applies(r, "R10"))
		rule_r10(&k, r);
	if (applies(r, "R14"))
		rule_r14(&k, r);
	if (applies(r, "R15"))
		rule_pct(&k, r, "R15");
	if (applies(r, "R16"))
		rule_r16(&k, r);
	if (applies(r, "R17"))
		rule_r17(&k, r);
	if (applies(r, "S1"))
		rules_stats(&k, r);
	if (applies(r, "N3"))
		rule_pct(&k, r, "N3");
	if (applies(r, "N1"))
		rules_narrative(&k, r);
	rv_free(&v, mem);
	return finish(&k, out, n, err);
}

bool
gr_violations_consistent(const gr_violation *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == GR_RULE_STRICT)
			return false;
	return true;
}

gr_status
gr_is_consistent(const gr_report *r, gr_mem *mem, bool *consistent,
				 gr_error *err)
{
	gr_violation *v;
	size_t		n;
	gr_status	st = gr_check(r, mem, &v, &n, err);

	if (st != GR_OK)
		return st;
	*consistent = gr_violations_consistent(v, n);
	for (size_t i = 0; i < n; i++)
	{
		gr_free(mem, (void *) v[i].scope);
		gr_free(mem, (void *) v[i].message);
	}
	gr_free(mem, v);
	return GR_OK;
}

/* ------------------------------------------------------------ cross-year */

static void
year_text(sb *b, int year, const char *fallback)
{
	if (year > 0)
		sb_add(b, "%d", year);
	else
		sb_add(b, "%s", fallback);
}

static bool
is_template(const rv *r)
{
	return r->r->format == GR_FMT_TEMPLATE_2019 || r->r->format == GR_FMT_TEMPLATE_2021;
}

static void
pair_r11(chk *k, const rv *prev, const rv *cur)
{
	for (size_t i = 0; i < cur->r->ncells; i++)
	{
		const gr_cell *c = &cur->r->cells[i];
		const char *row = c->row_key;
		gr_dec		inf_prev,
					issued,
					repealed,
					expect;
		sb			m;

		if (!streq(c->tbl, "t2") || !streq(c->col_key, "in_force") ||
			!first_of_key(cur, i) || !usable(c) ||
			!cell_val(prev, "t2", row, "in_force", &inf_prev) ||
			!cell_val(cur, "t2", row, "issued", &issued) ||
			!cell_val(cur, "t2", row, "repealed", &repealed) ||
			__builtin_add_overflow(inf_prev, issued, &expect) ||
			__builtin_sub_overflow(expect, repealed, &expect) ||
			c->num == expect)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 2, row %s: in_force ", row);
		sb_dec(&m, c->num);
		sb_add(&m, " in ");
		year_text(&m, cur->r->year, "this year");
		sb_add(&m, ", but in_force ");
		sb_dec(&m, inf_prev);
		sb_add(&m, " in ");
		year_text(&m, prev->r->year, "the previous report");
		sb_add(&m, " + issued ");
		sb_dec(&m, issued);
		sb_add(&m, " - repealed ");
		sb_dec(&m, repealed);
		sb_add(&m, " = ");
		sb_dec(&m, expect);
		off_by(&m, c->num, expect);
		add_violation(k, "R11", row, true, c->num, true, expect, &m);
	}
}

static void
pair_r12(chk *k, const rv *prev, const rv *cur)
{
	for (size_t i = 0; i < cur->r->ncells; i++)
	{
		const gr_cell *c = &cur->r->cells[i];
		const char *row = c->row_key;
		gr_dec		pp,
					delta,
					expect;
		sb			m;

		if (!streq(c->tbl, "t2") || !streq(c->col_key, "prev_items") ||
			!first_of_key(cur, i) || !usable(c) ||
			!cell_val(prev, "t2", row, "prev_items", &pp) ||
			!cell_val(prev, "t2", row, "delta", &delta) ||
			__builtin_add_overflow(pp, delta, &expect) ||
			c->num == expect)
			continue;
		msg_init(k, &m);
		sb_add(&m, "table 2, row %s: prev_items ", row);
		sb_dec(&m, c->num);
		sb_add(&m, " in ");
		year_text(&m, cur->r->year, "this year");
		sb_add(&m, ", but the ");
		year_text(&m, prev->r->year, "previous");
		sb_add(&m, " report has prev_items ");
		sb_dec(&m, pp);
		sb_add(&m, " + delta ");
		sb_dec(&m, delta);
		sb_add(&m, " = ");
		sb_dec(&m, expect);
		off_by(&m, c->num, expect);
		add_violation(k, "R12", row, true, c->num, true, expect, &m);
	}
}

/* first usable of stats / narrative key */
static const gr_cell *
old_figure(const rv *r, const char *key)
{
	const gr_cell *c = cell_find(r, "stats", key, NULL);

	if (usable(c))
		return c;
	c = cell_find(r, "narrative", key, NULL);
	return usable(c) ? c : NULL;
}

static void
pair_r13(chk *k, const rv *prev, const rv *cur)
{
	sb			m;

	if (is_template(prev))
	{
		for (size_t i = 0; i < NELEM(T3_COLS); i++)
		{
			const char *c = T3_COLS[i];
			gr_dec		co,
						cf;

			if (!cell_val(cur, "t3", "carried_over", c, &co) ||
				!cell_val(prev, "t3", "carried_forward", c, &cf) || co == cf)
				continue;
			msg_init(k, &m);
			sb_add(&m, "table 3, column %s: carried_over ", c);
			sb_dec(&m, co);
			sb_add(&m, " in the ");
			year_text(&m, cur->r->year, "current");
			sb_add(&m, " report does not equal carried_forward ");
			sb_dec(&m, cf);
			sb_add(&m, " in the ");
			year_text(&m, prev->r->year, "previous");
			sb_add(&m, " report");
			off_by(&m, co, cf);
			add_violation(k, "R13", c, true, co, true, cf, &m);
		}
		return;
	}

	/* an old-regime previous year: carried over = received - answered */
	{
		const gr_cell *rc = old_figure(prev, "requests.received");
		const gr_cell *an = old_figure(prev, "requests.answered");
		gr_dec		co,
					expect;

		if (!an)
			an = old_figure(prev, "requests.closed");
		if (!rc || !an || !cell_val(cur, "t3", "carried_over", "total", &co) ||
			__builtin_sub_overflow(rc->num, an->num, &expect) || co == expect)
			return;
		msg_init(k, &m);
		sb_add(&m, "table 3, column total: carried_over ");
		sb_dec(&m, co);
		sb_add(&m, " in the ");
		year_text(&m, cur->r->year, "current");
		sb_add(&m, " report does not equal what the ");
		year_text(&m, prev->r->year, "previous");
		sb_add(&m, " report left open: %s ", rc->row_key);
		sb_dec(&m, rc->num);
		sb_add(&m, " - %s ", an->row_key);
		sb_dec(&m, an->num);
		sb_add(&m, " = ");
		sb_dec(&m, expect);
		off_by(&m, co, expect);
		add_violation(k, "R13", "total", true, co, true, expect, &m);
	}
}

/*
 * N5: explicit year-over-year claims in the current report's prose.
 * "<key>_same_as_last_year" (同上年持平) claims key(Y) = key(Y-1);
 * "<prefix>.growth_factor_vs_<year>" ("是2009年…的18倍") claims
 * items(Y) / items(year) = the printed factor, at its printed precision,
 * rounded half-up or truncated (as for percentages).
 */
static void
pair_n5(chk *k, const rv *prev, const rv *cur)
{
	static const char same_sfx[] = "_same_as_last_year";
	static const char growth[] = ".growth_factor_vs_";

	for (size_t i = 0; i < cur->r->ncells; i++)
	{
		const gr_cell *c = &cur->r->cells[i];
		const char *key = c->row_key;
		char		base[256];
		const char *g;
		sb			m;

		if (!streq(c->tbl, "narrative") || !key)
			continue;
		if (ends_with(key, same_sfx) && strlen(key) - (sizeof(same_sfx) - 1) < sizeof(base))
		{
			size_t		bl = strlen(key) - (sizeof(same_sfx) - 1);
			const gr_cell *a,
					   *b;

			memcpy(base, key, bl);
			base[bl] = '\0';
			a = cell_find(cur, "narrative", base, NULL);
			b = cell_find(prev, "narrative", base, NULL);
			if (!usable(a) || !usable(b) || a->num == b->num)
				continue;
			msg_init(k, &m);
			sb_add(&m, "the narrative says %s is the same as last year (同上年持平), but it is ", base);
			sb_dec(&m, a->num);
			sb_add(&m, " in the ");
			year_text(&m, cur->r->year, "current");
			sb_add(&m, " report and ");
			sb_dec(&m, b->num);
			sb_add(&m, " in the ");
			year_text(&m, prev->r->year, "previous");
			sb_add(&m, " report");
			off_by(&m, a->num, b->num);
			add_violation(k, "N5", base, true, a->num, true, b->num, &m);
		}
		else if ((g = strstr(key, growth)) != NULL && usable(c) &&
				 (size_t) (g - key) + sizeof(".items_total") < sizeof(base))
		{
			int			vs = atoi(g + sizeof(growth) - 1);
			const gr_cell *a,
					   *b;
			int			d = c->decimals < 0 ? 0 : c->decimals > 4 ? 4 : c->decimals;
			gr_dec		scale = pow10_dec(d);
			gr_dec		f,
						t,
						r;

			if (prev->r->year <= 0 || vs != prev->r->year)
				continue;
			snprintf(base, sizeof(base), "%.*s.items_total", (int) (g - key), key);
			a = cell_find(cur, "narrative", base, NULL);
			b = cell_find(prev, "narrative", base, NULL);
			if (!usable(a) || !usable(b) || b->num <= 0 || a->num < 0)
				continue;
			/* all in units of 10^-d: the factor, truncated and rounded */
			f = c->num / pow10_dec(GR_DEC_SCALE - d);
			t = a->num * scale / b->num;
			r = (a->num * scale * 2 + b->num) / (2 * b->num);
			if (f == t || f == r)
				continue;
			msg_init(k, &m);
			sb_add(&m, "the narrative says %s is ", base);
			sb_dec(&m, c->num);
			sb_add(&m, " times the %d figure, but ", vs);
			sb_dec(&m, a->num);
			sb_add(&m, " / ");
			sb_dec(&m, b->num);
			sb_add(&m, " = ");
			sb_dec(&m, a->num * GR_DEC_ONE / b->num);
			sb_add(&m, " (");
			sb_dec(&m, r * pow10_dec(GR_DEC_SCALE - d));
			sb_add(&m, " rounded, ");
			sb_dec(&m, t * pow10_dec(GR_DEC_SCALE - d));
			sb_add(&m, " truncated at %d decimals)", d);
			add_violation(k, "N5", base, true, c->num, true,
						  a->num * GR_DEC_ONE / b->num, &m);
		}
	}
}


gr_status
gr_check_pair(const gr_report *prep, const gr_report *crep, gr_mem *mem,
			  gr_violation **out, size_t *n, gr_error *err)
{
	chk			k;
	rv			pv,
				cv;
	const rv   *prev = &pv;
	const rv   *cur = &cv;

	memset(&k, 0, sizeof(k));
	k.mem = mem;
	pv.idx = cv.idx = NULL;
	if (!rv_init(&pv, prep, mem) || !rv_init(&cv, crep, mem))
	{
		rv_free(&pv, mem);
		k.oom = true;
		return finish(&k, out, n, err);
	}
	if (crep->format == GR_FMT_TEMPLATE_2021 && prep->format == GR_FMT_TEMPLATE_2021)
		pair_r11(&k, prev, cur);
	if (crep->format == GR_FMT_TEMPLATE_2019 && prep->format == GR_FMT_TEMPLATE_2019)
		pair_r12(&k, prev, cur);
	if (is_template(cur))
		pair_r13(&k, prev, cur);
	pair_n5(&k, prev, cur);
	rv_free(&pv, mem);
	rv_free(&cv, mem);
	return finish(&k, out, n, err);
}
