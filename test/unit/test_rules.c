/*
 * test_rules.c - unit tests of the reconciliation rules (gr_rules.h).
 *
 * Reports are built by hand from the seed ground truth: the block between
 * "truth fixtures" markers below holds every table, statistics-table, annex
 * and narrative value of the 18 seed reports, generated from
 * ../shared/corpus/truth/<report>.json (one "tbl|row|col|value|printed|unit|flags"
 * string per cell; flags: I inferred, A approximate, P percentage).  The
 * tests check that gr_check reproduces the seeds' rule results, then plant
 * one error per rule and assert the exact rule id and scope reported.
 */
#include "gr_test.h"
#include "test_mem.h"

#include "gr_rules.h"
#include "gr_util.h"

#include <stdio.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

typedef struct truth_report
{
	const char *id;
	gr_format	format;
	int			year;
	const char *const *cells;
	size_t		ncells;
} truth_report;

/* ------------------------------------------------------------ builders */

/* digits after the point of the last number in printed ("约占65.4%" -> 1) */
static int
printed_decimals(const char *p)
{
	bool		in_num = false;
	bool		frac = false;
	int			d = 0;
	int			result = 0;

	for (; *p; p++)
	{
		if (*p >= '0' && *p <= '9')
		{
			in_num = true;
			if (frac)
				d++;
		}
		else if (*p == '.' && in_num && !frac && p[1] >= '0' && p[1] <= '9')
		{
			frac = true;
			d = 0;
		}
		else if (*p == ',' && in_num && !frac)
			continue;
		else if (in_num)
		{
			result = frac ? d : 0;
			in_num = frac = false;
		}
	}
	if (in_num)
		result = frac ? d : 0;
	return result;
}

static void
set_cell_value(gr_cell *c, const char *val)
{
	gr_mem	   *m = test_mem();

	c->value = NULL;
	c->has_value = false;
	c->num_ok = false;
	c->num = 0;
	c->is_int = false;
	if (!val || !*val)
		return;
	c->has_value = true;
	c->value = gr_strdup(m, val);
	c->num_ok = gr_dec_from_text(val, strlen(val), &c->num);
	if (c->num_ok && c->num % 1000000 == 0)
	{
		c->is_int = true;
		c->ival = (int64_t) (c->num / 1000000);
	}
}

static gr_cell *
add_cell(gr_report *r, size_t *cap, const char *tbl, const char *row,
		 const char *col, const char *val)
{
	gr_mem	   *m = test_mem();
	gr_cell    *c;

	if (!gr_grow(m, (void **) &r->cells, cap, r->ncells + 1, sizeof(gr_cell)))
		return NULL;
	c = &r->cells[r->ncells++];
	memset(c, 0, sizeof(*c));
	c->tbl = gr_strdup(m, tbl);
	c->row_key = gr_strdup(m, row);
	c->col_key = col && *col ? gr_strdup(m, col) : NULL;
	set_cell_value(c, val);
	return c;
}

/* "tbl|row|col|value|printed|unit|flags" */
static void
add_line(gr_report *r, size_t *cap, const char *line)
{
	char		f[7][256];
	int			nf = 0;
	size_t		o = 0;
	gr_cell    *c;

	memset(f, 0, sizeof(f));
	for (const char *p = line;; p++)
	{
		if (*p == '|' || *p == '\0')
		{
			f[nf][o] = '\0';
			nf++;
			o = 0;
			if (*p == '\0' || nf == 7)
				break;
			continue;
		}
		if (o + 1 < sizeof(f[0]))
			f[nf][o++] = *p;
	}
	c = add_cell(r, cap, f[0], f[1], f[2], f[3]);
	if (!c)
		return;
	c->unit = *f[5] ? gr_strdup(test_mem(), f[5]) : NULL;
	if (strchr(f[6], 'I'))
		c->flags |= GR_CELL_INFERRED;
	if (strchr(f[6], 'A'))
		c->flags |= GR_CELL_APPROX;
	if (strchr(f[6], 'P'))
		c->flags |= GR_CELL_PERCENT;
	c->decimals = printed_decimals(f[4]);
}

static gr_report
build(gr_format fmt, int year, const char *const *lines, size_t n, size_t *cap)
{
	gr_report	r;

	memset(&r, 0, sizeof(r));
	r.format = fmt;
	r.year = year;
	*cap = 0;
	for (size_t i = 0; i < n; i++)
		add_line(&r, cap, lines[i]);
	return r;
}

static gr_cell *
find_cell(gr_report *r, const char *tbl, const char *row, const char *col)
{
	for (size_t i = 0; i < r->ncells; i++)
	{
		gr_cell    *c = &r->cells[i];

		if (strcmp(c->tbl, tbl) == 0 && strcmp(c->row_key, row) == 0 &&
			((!col && !c->col_key) || (col && c->col_key && strcmp(col, c->col_key) == 0)))
			return c;
	}
	return NULL;
}

/* change one value; false when the cell does not exist */
static bool
set(gr_report *r, const char *tbl, const char *row, const char *col,
	const char *val)
{
	gr_cell    *c = find_cell(r, tbl, row, col);

	if (!c)
		return false;
	set_cell_value(c, val);
	return true;
}

/* "R1:natural_person;R3:carried_forward" of the violations, in order */
static char *
summary(const gr_violation *v, size_t n)
{
	static char buf[4096];
	size_t		o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof(buf) - 1; i++)
		o += (size_t) snprintf(buf + o, sizeof(buf) - o, "%s%s:%s",
							   i ? ";" : "", v[i].rule, v[i].scope);
	return buf;
}

static const char *
check_summary(const gr_report *r, gr_violation **vout, size_t *nout)
{
	gr_violation *v = NULL;
	size_t		n = 0;
	gr_error	err;
	gr_status	st;

	memset(&err, 0, sizeof(err));
	st = gr_check(r, test_mem(), &v, &n, &err);
	CHECK_EQ_INT(st, GR_OK);
	if (vout)
		*vout = v;
	if (nout)
		*nout = n;
	return summary(v, n);
}

static const char *
pair_summary(const gr_report *prev, const gr_report *cur,
			 gr_violation **vout, size_t *nout)
{
	gr_violation *v = NULL;
	size_t		n = 0;
	gr_error	err;

	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(gr_check_pair(prev, cur, test_mem(), &v, &n, &err), GR_OK);
	if (vout)
		*vout = v;
	if (nout)
		*nout = n;
	return summary(v, n);
}

static const gr_violation *
find_violation(const gr_violation *v, size_t n, const char *rule,
			   const char *scope)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].rule, rule) == 0 && strcmp(v[i].scope, scope) == 0)
			return &v[i];
	return NULL;
}

static gr_dec
D(long long v)
{
	return (gr_dec) v * 1000000;
}

/* ------------------------------------------------- truth fixtures (begin) */
static const char *const truth_000[] = {
	"narrative|proactive.items_total||72|72|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.planning||2|2|条|",
	"narrative|proactive.category.planning.pct||2.77|2.77%|%|P",
	"narrative|proactive.category.business_news||70|70|条|",
	"narrative|proactive.category.business_news.pct||97.22|97.22%|%|P",
	"narrative|requests.received||0||件|I",
	"narrative|review.total||0||件|I",
	"narrative|litigation.total||0||件|I",
	"narrative|fees.collected_yuan||0||元|I",
	"narrative|fees.waived_yuan||0||元|I"
};
static const char *const truth_001[] = {
	"stats|proactive.items_total||975|975|条|",
	"stats|proactive.normative_docs_published||0|0|条|",
	"stats|proactive.normative_docs_issued_total||0|0|件|",
	"stats|proactive.key_areas_total||2|2|条|",
	"stats|proactive.key_areas.fiscal||2|2|条|",
	"stats|proactive.key_areas.housing||0|0|条|",
	"stats|proactive.key_areas.food_safety||0|0|条|",
	"stats|proactive.key_areas.environment||0|0|条|",
	"stats|proactive.key_areas.tendering||0|0|条|",
	"stats|proactive.key_areas.work_safety||0|0|条|",
	"stats|proactive.key_areas.land||0|0|条|",
	"stats|proactive.key_areas.pricing||0|0|条|",
	"stats|proactive.key_areas.credit||0|0|条|",
	"stats|proactive.key_areas.audit||0|0|条|",
	"stats|proactive.key_areas.public_enterprise_supervision||0|0|条|",
	"stats|proactive.key_areas.other_city_decided||0|0|条|",
	"stats|proactive.channel.gazette||0|0|条|",
	"stats|proactive.channel.website||534|534|条|",
	"stats|proactive.channel.weibo||0|0|条|",
	"stats|proactive.channel.wechat||170|170|条|",
	"stats|proactive.channel.other||271|271|条|",
	"stats|response.hot_topics||0|0|次|",
	"stats|response.press_conferences||0|0|次|",
	"stats|response.press_conferences.by_principal||0|0|次|",
	"stats|response.online_interviews||0|0|次|",
	"stats|response.online_interviews.by_principal||0|0|次|",
	"stats|response.policy_interpretations||0|0|篇|",
	"stats|response.weibo_wechat_events||0|0|次|",
	"stats|response.other_events||0|0|次|",
	"stats|requests.received||3|3|件|",
	"stats|requests.received.in_person||0|0|件|",
	"stats|requests.received.fax||0|0|件|",
	"stats|requests.received.online||2|2|件|",
	"stats|requests.received.letter||1|1|件|",
	"stats|requests.closed||2|2|件|",
	"stats|requests.closed.on_time||2|2|件|",
	"stats|requests.closed.extended||0|0|件|",
	"stats|requests.answered||2|2|件|",
	"stats|requests.answered.already_public||0|0|件|",
	"stats|requests.answered.granted||0|0|件|",
	"stats|requests.answered.partially_granted||1|1|件|",
	"stats|requests.answered.denied||0|0|件|",
	"stats|requests.answered.denied.state_secret||0|0|件|",
	"stats|requests.answered.denied.commercial_secret||0|0|件|",
	"stats|requests.answered.denied.personal_privacy||0|0|件|",
	"stats|requests.answered.denied.security_stability||0|0|件|",
	"stats|requests.answered.denied.not_gov_info||0|0|件|",
	"stats|requests.answered.denied.other_legal||0|0|件|",
	"stats|requests.answered.not_this_agency||1|1|件|",
	"stats|requests.answered.not_exist||0|0|件|",
	"stats|requests.answered.asked_to_amend||0|0|件|",
	"stats|requests.answered.other_channel||0|0|件|",
	"stats|review.total||0|0|件|",
	"stats|review.maintained||0|0|件|",
	"stats|review.corrected||0|0|件|",
	"stats|review.other||0|0|件|",
	"stats|litigation.total||0|0|件|",
	"stats|litigation.maintained_or_dismissed||0|0|件|",
	"stats|litigation.corrected||0|0|件|",
	"stats|litigation.other||0|0|件|",
	"stats|complaints.total||0|0|件|",
	"stats|fees.collected_yuan||||元|",
	"stats|org.dedicated_bodies||0|0|个|",
	"stats|org.reading_points||2|2|个|",
	"stats|org.staff_total||1|1|人|",
	"stats|org.staff_full_time||1|1|人|",
	"stats|org.staff_part_time||0|0|人|",
	"stats|org.budget_yuan||50000|50000|元|",
	"stats|training.meetings||2|2|次|",
	"stats|training.courses||2|2|次|",
	"stats|training.trainees||51|51|人次|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||0|0|人|",
	"narrative|org.reception_points||1|1|个|",
	"narrative|proactive.items_total||975|975|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.regulations_docs||2|2|条|",
	"narrative|proactive.category.regulations_docs.pct||0.2|0.2%|%|P",
	"narrative|proactive.category.planning||4|4|条|",
	"narrative|proactive.category.planning.pct||0.4|0.4%|%|P",
	"narrative|proactive.category.business_news||969|969|条|",
	"narrative|proactive.category.business_news.pct||99.4|99.4%|%|P",
	"narrative|requests.received||3|3|件|",
	"narrative|requests.received.online||2|2|件|",
	"narrative|requests.received.online.pct||67|67%|%|P",
	"narrative|requests.received.letter||1|1|件|",
	"narrative|requests.received.letter.pct||33|33%|%|P",
	"narrative|requests.answered||3|3|件|",
	"narrative|requests.answered.partially_granted||1|1|件|",
	"narrative|requests.answered.partially_granted.pct||33|33%|%|P",
	"narrative|requests.answered.not_this_agency||1|1|件|",
	"narrative|requests.answered.not_this_agency.pct||33|33％|%|P",
	"narrative|requests.answered.unclear||1|1|件|",
	"narrative|requests.answered.unclear.pct||34|34％|%|P",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|consultations.total||964|964|人次|",
	"narrative|consultations.on_site||222|222|人次|",
	"narrative|consultations.on_site.pct||23|23%|%|P",
	"narrative|consultations.phone||742|742|人次|",
	"narrative|consultations.phone.pct||77|77%|%|P",
	"narrative|review.total||0||件|I",
	"narrative|litigation.total||0||件|I",
	"narrative|training.sessions||2|2|次|",
	"narrative|training.participants_approx||50|50余|人|A",
	"narrative|proposals.city_cppcc||1|1|件|",
	"narrative|proposals.city_cppcc.lead||0|0|件|",
	"narrative|proposals.city_cppcc.assist||1|1|件|",
	"narrative|proposals.district_npc||2|2|件|",
	"narrative|proposals.district_npc.lead||0|0|件|",
	"narrative|proposals.district_npc.assist||2|2|件|",
	"narrative|proposals.district_cppcc||11|11|件|",
	"narrative|proposals.district_cppcc.lead||1|1|件|",
	"narrative|proposals.district_cppcc.assist||10|10|件|"
};
static const char *const truth_002[] = {
	"t2|regulations|made|0|0||",
	"t2|regulations|published|0|0||",
	"t2|regulations|published_total|0|0||",
	"t2|normative_docs|made|23|23||",
	"t2|normative_docs|published|21|21||",
	"t2|normative_docs|published_total|50|50||",
	"t2|licensing|prev_items|564|564||",
	"t2|licensing|delta|214|+214||",
	"t2|licensing|decisions|231467|231,467||",
	"t2|other_services.inspection|prev_items|3017|3,017||",
	"t2|other_services.inspection|delta|193|+193||",
	"t2|other_services.inspection|decisions|254944|254,944||",
	"t2|other_services.confirmation|prev_items|97|97||",
	"t2|other_services.confirmation|delta|28|+28||",
	"t2|other_services.confirmation|decisions|47762|47,762||",
	"t2|punishment|prev_items|7251|7,251||",
	"t2|punishment|delta|4448|+4,448||",
	"t2|punishment|decisions|30345|30,345||",
	"t2|coercion|prev_items|110|110||",
	"t2|coercion|delta|218|+218||",
	"t2|coercion|decisions|370|370||",
	"t2|admin_fees|prev_items|208|208||",
	"t2|admin_fees|delta|-5|-5||",
	"t2|central_procurement|items|1435|1,435||",
	"t2|central_procurement|amount_10k_yuan|32694.3253|32,694.3253||",
	"t3|new_received|natural_person|899|899||",
	"t3|new_received|commercial_enterprise|48|48||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|4|4||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|5|5||",
	"t3|new_received|total|956|956||",
	"t3|carried_over|natural_person|100|100||",
	"t3|carried_over|commercial_enterprise|36|36||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|136|136||",
	"t3|granted|natural_person|263|263||",
	"t3|granted|commercial_enterprise|14|14||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|2|2||",
	"t3|granted|total|279|279||",
	"t3|partially_granted|natural_person|31|31||",
	"t3|partially_granted|commercial_enterprise|3|3||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|1|1||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|35|35||",
	"t3|denied.state_secret|natural_person|3|3||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|3|3||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|1|1||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|1|1||",
	"t3|denied.third_party_rights|natural_person|2|2||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|2|2||",
	"t3|denied.internal_affairs|natural_person|12|12||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|12|12||",
	"t3|denied.process_info|natural_person|11|11||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|11|11||",
	"t3|denied.enforcement_file|natural_person|24|24||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|24|24||",
	"t3|denied.admin_query|natural_person|6|6||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|6|6||",
	"t3|unable.not_held|natural_person|434|434||",
	"t3|unable.not_held|commercial_enterprise|61|61||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|3|3||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|3|3||",
	"t3|unable.not_held|total|501|501||",
	"t3|unable.needs_creation|natural_person|16|16||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|16|16||",
	"t3|unable.unclear_after_correction|natural_person|8|8||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|8|8||",
	"t3|not_processed.petition_complaint|natural_person|46|46||",
	"t3|not_processed.petition_complaint|commercial_enterprise|4|4||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|50|50||",
	"t3|not_processed.repeat|natural_person|4|4||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|4|4||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other|natural_person|52|52||",
	"t3|other|commercial_enterprise|1|1||",
	"t3|other|research_institution|0|0||",
	"t3|other|social_welfare_org|0|0||",
	"t3|other|legal_service_org|0|0||",
	"t3|other|other_org|0|0||",
	"t3|other|total|53|53||",
	"t3|processed_total|natural_person|913|913||",
	"t3|processed_total|commercial_enterprise|83|83||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|4|4||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|5|5||",
	"t3|processed_total|total|1005|1005||",
	"t3|carried_forward|natural_person|86|86||",
	"t3|carried_forward|commercial_enterprise|1|1||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|87|87||",
	"t4|review|maintained|37|37||",
	"t4|review|corrected|9|9||",
	"t4|review|other|2|2||",
	"t4|review|pending|5|5||",
	"t4|review|total|53|53||",
	"t4|litigation_direct|maintained|27|27||",
	"t4|litigation_direct|corrected|2|2||",
	"t4|litigation_direct|other|3|3||",
	"t4|litigation_direct|pending|5|5||",
	"t4|litigation_direct|total|37|37||",
	"t4|litigation_after_review|maintained|20|20||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|20|20||",
	"narrative|requests.received||1092|1,092|件|",
	"narrative|requests.closed||1005|1,005|件|",
	"narrative|requests.carried_over||136|136|件|",
	"narrative|requests.carried_forward||87|87|件|",
	"narrative|outcome.granted||279|279|件|",
	"narrative|outcome.partially_granted||35|35|件|",
	"narrative|outcome.denied||59|59|件|",
	"narrative|outcome.unable||525|525|件|",
	"narrative|outcome.not_processed||54|54|件|",
	"narrative|outcome.other||53|53|件|",
	"narrative|proactive.website||10246|10,246|条|",
	"narrative|proactive.weibo||4695|4,695|条|",
	"narrative|proactive.wechat||2500|2,500|条|",
	"narrative|proactive.app||4784|4,784|条|",
	"narrative|proactive.toutiao||446|446|条|",
	"narrative|proactive.kuaishou_videos||1456|1,456|个|",
	"narrative|proactive.douyin_videos||1389|1,389|条|",
	"narrative|training.sessions||2|两|次|"
};
static const char *const truth_003_2008[] = {
	"narrative|staff.full_time||0|0|人|",
	"narrative|staff.part_time||1|1|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||41|41|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.org_functions||28|28|条|",
	"narrative|proactive.category.org_functions.pct||68.3|68.3%|%|P",
	"narrative|proactive.category.regulations_docs||5|5|条|",
	"narrative|proactive.category.regulations_docs.pct||12.2|12.2%|%|P",
	"narrative|proactive.category.planning||1|1|条|",
	"narrative|proactive.category.planning.pct||2.44|2.44%|%|P",
	"narrative|proactive.category.admin_duties||0|0|条|",
	"narrative|proactive.category.business_news||7|7|条|",
	"narrative|proactive.category.business_news.pct||17.07|17.07%|%|P",
	"narrative|hotline.calls_total||31052|31052|件|",
	"narrative|hotline.district_service_phone||20253|20253|件|",
	"narrative|hotline.city_nonemergency_docs||2|2|件|",
	"narrative|hotline.phone_register||7919|7919|件|",
	"narrative|hotline.city_mgmt_broadcast||412|412|件|",
	"narrative|hotline.conduct_hotline||1470|1470|件|",
	"narrative|hotline.center_website||800|800|件|",
	"narrative|hotline.12319||196|196|件|",
	"narrative|hotline.sorted||14366|14366|件|",
	"narrative|hotline.timely_rate_pct||95.84|95.84%|%|P",
	"narrative|hotline.closure_rate_pct||99.48|99.48%|%|P",
	"narrative|column_visits||131|131|次|",
	"narrative|requests.received||0|0|件|"
};
static const char *const truth_003_2009[] = {
	"narrative|staff.full_time||0|0|人|",
	"narrative|staff.part_time||1|1|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||27|27|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.regulations_docs||1|1|条|",
	"narrative|proactive.category.regulations_docs.pct||3.7|3.7%|%|P",
	"narrative|proactive.category.planning||1|1|条|",
	"narrative|proactive.category.planning.pct||3.7|3.7%|%|P",
	"narrative|proactive.category.business_news||25|25|条|",
	"narrative|proactive.category.business_news.pct||92.59|92.59%|%|P",
	"narrative|requests.received||0|0|件|"
};
static const char *const truth_003_2010[] = {
	"narrative|staff.full_time||0|0|人|",
	"narrative|staff.part_time||1|1|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||437|437|条|",
	"narrative|proactive.growth_factor_vs_2009||18|18|倍|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.org_functions||3|3|条|",
	"narrative|proactive.category.org_functions.pct||0.69|0.69%|%|P",
	"narrative|proactive.category.business_news||434|434|条|",
	"narrative|proactive.category.business_news.pct||99.31|99.31%|%|P",
	"narrative|requests.received||0|0|件|"
};
static const char *const truth_003_2011[] = {
	"annex|proactive.items_total||268|268|条|",
	"annex|proactive.full_text_electronic_items||268|268|条|",
	"annex|proactive.new_normative_docs||0|0|条|",
	"narrative|staff.full_time||0|0|人|",
	"narrative|staff.part_time||1|1|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||268|268|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.org_functions||2|2|条|",
	"narrative|proactive.category.org_functions.pct||0.75|0.75%|%|P",
	"narrative|proactive.category.regulations_docs||2|2|条|",
	"narrative|proactive.category.regulations_docs.pct||0.75|0.75%|%|P",
	"narrative|proactive.category.business_news||264|264|条|",
	"narrative|proactive.category.business_news.pct||98.50|98.50%|%|P",
	"narrative|requests.received||0|0|件|",
	"narrative|staff.part_time_same_as_last_year||1||人|I"
};
static const char *const truth_003_2013[] = {
	"annex|proactive.items_total||505|505|条|",
	"annex|proactive.full_text_electronic_items||505|505|条|",
	"annex|proactive.new_normative_docs||0|0|条|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||505|505|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.business_news||444|444|条|",
	"narrative|proactive.category.business_news.pct||87.9|87.9%|%|P",
	"narrative|requests.received||0|0|件|"
};
static const char *const truth_003_2014[] = {
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||5|5|人|",
	"narrative|fees.collected_yuan||3.8|3.8|元|",
	"narrative|fees.waived_yuan||3.8|3.8|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.items_total||1196|1196|条|",
	"narrative|proactive.hall||395|395|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.business_news||702|702|条|",
	"narrative|proactive.category.business_news.pct||58.69|58.69%|%|P",
	"narrative|requests.received||1|1|件|"
};
static const char *const truth_003_2015[] = {
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||4|4|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.external_website||1657|1657|条|",
	"narrative|proactive.hall||541|541|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.work_news||1077|1077|条|",
	"narrative|proactive.category.work_news.pct||64.99|64.99%|%|P",
	"narrative|proactive.category.policies||57|57|条|",
	"narrative|proactive.category.letters||308|308|条|",
	"narrative|requests.received||2|2|件|"
};
static const char *const truth_003_2016[] = {
	"annex|proactive.items_total||585|585|条|",
	"annex|proactive.full_text_electronic_items||585|585|条|",
	"annex|proactive.new_normative_docs||0|0|条|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||4|4|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.external_website||1467|1467|条|",
	"narrative|proactive.hall||585|585|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.work_news||579|579|条|",
	"narrative|proactive.category.work_news.pct||65.4|约占65.4%|%|P",
	"narrative|proactive.category.policies||53|53|条|",
	"narrative|proactive.category.letters||147|147|条|",
	"narrative|proactive.all_channels_note||1467|1467|条|",
	"narrative|proactive.hall_note||585|585|条|",
	"narrative|requests.received||2|2|件|"
};
static const char *const truth_003_2017[] = {
	"annex|proactive.items_total||261|261|条|",
	"annex|proactive.full_text_electronic_items||261|261|条|",
	"annex|proactive.new_normative_docs||0|0|条|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||4|4|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||0|0|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.external_website||1112|1112|条|",
	"narrative|proactive.hall||261|261|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.category.work_news||438|438|条|",
	"narrative|proactive.category.enterprise_faq||238|238|条|",
	"narrative|proactive.category.policies||34|34|条|",
	"narrative|proactive.all_channels_note||1112|1112|条|",
	"narrative|proactive.hall_note||261|261|条|",
	"narrative|requests.received||7|7|件|",
	"narrative|requests.answered.granted||6|6|件|",
	"narrative|requests.answered.not_exist||1|1|件|"
};
static const char *const truth_003_2018[] = {
	"annex|proactive.items_total||234|234|条|",
	"annex|proactive.full_text_electronic_items||234|234|条|",
	"annex|proactive.new_normative_docs||0|0|条|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|staff.part_time||3|3|人|",
	"narrative|fees.collected_yuan||0|0|元|",
	"narrative|fees.waived_yuan||4.6|4.6|元|",
	"narrative|fees.litigation_cost_yuan||0|0|元|",
	"narrative|consultations.total||0|0|人次|",
	"narrative|review.total||0|0|件|",
	"narrative|litigation.total||0|0|件|",
	"narrative|complaints.total||0|0|件|",
	"narrative|proactive.hall||234|234|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.weibo||218|218|条|",
	"narrative|proactive.wechat||60|60|条|",
	"narrative|proactive.hall_note_total||234|234|条|",
	"narrative|requests.received||4|4|件|",
	"narrative|requests.answered||4||件|I",
	"narrative|requests.answered.granted||3|3|件|",
	"narrative|requests.answered.not_gov_info||1|1|件|",
	"narrative|proposals.cppcc||2|2|件|"
};
static const char *const truth_003_2019[] = {
	"t2|regulations|made|0|0||",
	"t2|regulations|published|0|0||",
	"t2|regulations|published_total|0|0||",
	"t2|normative_docs|made|0|0||",
	"t2|normative_docs|published|0|0||",
	"t2|normative_docs|published_total|0|0||",
	"t2|licensing|prev_items|0|0||",
	"t2|licensing|delta|0|0||",
	"t2|licensing|decisions|0|0||",
	"t2|other_services.inspection|prev_items|0|0||",
	"t2|other_services.inspection|delta|0|0||",
	"t2|other_services.inspection|decisions|0|0||",
	"t2|other_services.confirmation|prev_items|0|0||",
	"t2|other_services.confirmation|delta|0|0||",
	"t2|other_services.confirmation|decisions|0|0||",
	"t2|punishment|prev_items|0|0||",
	"t2|punishment|delta|0|0||",
	"t2|punishment|decisions|0|0||",
	"t2|coercion|prev_items|0|0||",
	"t2|coercion|delta|0|0||",
	"t2|coercion|decisions|0|0||",
	"t2|admin_fees|prev_items|0|0||",
	"t2|admin_fees|delta|0|0||",
	"t2|central_procurement|items|4|4||",
	"t2|central_procurement|amount_10k_yuan|58.5598|58.5598||",
	"t3|new_received|natural_person|1|1||",
	"t3|new_received|commercial_enterprise|0|0||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|0|0||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|0|0||",
	"t3|new_received|total|1|1||",
	"t3|carried_over|natural_person|0|0||",
	"t3|carried_over|commercial_enterprise|0|0||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|0|0||",
	"t3|granted|natural_person|1|1||",
	"t3|granted|commercial_enterprise|0|0||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|0|0||",
	"t3|granted|total|1|1||",
	"t3|partially_granted|natural_person|0|0||",
	"t3|partially_granted|commercial_enterprise|0|0||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|0|0||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|0|0||",
	"t3|denied.state_secret|natural_person|0|0||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|0|0||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|0|0||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|0|0||",
	"t3|denied.third_party_rights|natural_person|0|0||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|0|0||",
	"t3|denied.internal_affairs|natural_person|0|0||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|0|0||",
	"t3|denied.process_info|natural_person|0|0||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|0|0||",
	"t3|denied.enforcement_file|natural_person|0|0||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|0|0||",
	"t3|denied.admin_query|natural_person|0|0||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|0|0||",
	"t3|unable.not_held|natural_person|0|0||",
	"t3|unable.not_held|commercial_enterprise|0|0||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|0|0||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|0|0||",
	"t3|unable.not_held|total|0|0||",
	"t3|unable.needs_creation|natural_person|0|0||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|0|0||",
	"t3|unable.unclear_after_correction|natural_person|0|0||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|0|0||",
	"t3|not_processed.petition_complaint|natural_person|0|0||",
	"t3|not_processed.petition_complaint|commercial_enterprise|0|0||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|0|0||",
	"t3|not_processed.repeat|natural_person|0|0||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|0|0||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other|natural_person|0|0||",
	"t3|other|commercial_enterprise|0|0||",
	"t3|other|research_institution|0|0||",
	"t3|other|social_welfare_org|0|0||",
	"t3|other|legal_service_org|0|0||",
	"t3|other|other_org|0|0||",
	"t3|other|total|0|0||",
	"t3|processed_total|natural_person|1|1||",
	"t3|processed_total|commercial_enterprise|0|0||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|0|0||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|0|0||",
	"t3|processed_total|total|1|1||",
	"t3|carried_forward|natural_person|0|0||",
	"t3|carried_forward|commercial_enterprise|0|0||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|0|0||",
	"t4|review|maintained|0|0||",
	"t4|review|corrected|0|0||",
	"t4|review|other|0|0||",
	"t4|review|pending|0|0||",
	"t4|review|total|0|0||",
	"t4|litigation_direct|maintained|0|0||",
	"t4|litigation_direct|corrected|0|0||",
	"t4|litigation_direct|other|0|0||",
	"t4|litigation_direct|pending|0|0||",
	"t4|litigation_direct|total|0|0||",
	"t4|litigation_after_review|maintained|0|0||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|0|0||"
};
static const char *const truth_003_2020[] = {
	"t2|regulations|made|0|0||",
	"t2|regulations|published|0|0||",
	"t2|regulations|published_total|0|0||",
	"t2|normative_docs|made|0|0||",
	"t2|normative_docs|published|0|0||",
	"t2|normative_docs|published_total|0|0||",
	"t2|licensing|prev_items|0|0||",
	"t2|licensing|delta|0|0||",
	"t2|licensing|decisions|0|0||",
	"t2|other_services.inspection|prev_items|0|0||",
	"t2|other_services.inspection|delta|0|0||",
	"t2|other_services.inspection|decisions|0|0||",
	"t2|other_services.confirmation|prev_items|0|0||",
	"t2|other_services.confirmation|delta|0|0||",
	"t2|other_services.confirmation|decisions|0|0||",
	"t2|punishment|prev_items|0|0||",
	"t2|punishment|delta|0|0||",
	"t2|punishment|decisions|0|0||",
	"t2|coercion|prev_items|0|0||",
	"t2|coercion|delta|0|0||",
	"t2|coercion|decisions|0|0||",
	"t2|admin_fees|prev_items|0|0||",
	"t2|admin_fees|delta|0|0||",
	"t2|central_procurement|items|13|13||",
	"t2|central_procurement|amount_10k_yuan|82.3658|82.3658||",
	"t3|new_received|natural_person|0|0||",
	"t3|new_received|commercial_enterprise|0|0||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|0|0||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|0|0||",
	"t3|new_received|total|0|0||",
	"t3|carried_over|natural_person|0|0||",
	"t3|carried_over|commercial_enterprise|0|0||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|0|0||",
	"t3|granted|natural_person|0|0||",
	"t3|granted|commercial_enterprise|0|0||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|0|0||",
	"t3|granted|total|0|0||",
	"t3|partially_granted|natural_person|0|0||",
	"t3|partially_granted|commercial_enterprise|0|0||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|0|0||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|0|0||",
	"t3|denied.state_secret|natural_person|0|0||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|0|0||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|0|0||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|0|0||",
	"t3|denied.third_party_rights|natural_person|0|0||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|0|0||",
	"t3|denied.internal_affairs|natural_person|0|0||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|0|0||",
	"t3|denied.process_info|natural_person|0|0||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|0|0||",
	"t3|denied.enforcement_file|natural_person|0|0||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|0|0||",
	"t3|denied.admin_query|natural_person|0|0||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|0|0||",
	"t3|unable.not_held|natural_person|0|0||",
	"t3|unable.not_held|commercial_enterprise|0|0||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|0|0||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|0|0||",
	"t3|unable.not_held|total|0|0||",
	"t3|unable.needs_creation|natural_person|0|0||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|0|0||",
	"t3|unable.unclear_after_correction|natural_person|0|0||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|0|0||",
	"t3|not_processed.petition_complaint|natural_person|0|0||",
	"t3|not_processed.petition_complaint|commercial_enterprise|0|0||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|0|0||",
	"t3|not_processed.repeat|natural_person|0|0||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|0|0||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other|natural_person|0|0||",
	"t3|other|commercial_enterprise|0|0||",
	"t3|other|research_institution|0|0||",
	"t3|other|social_welfare_org|0|0||",
	"t3|other|legal_service_org|0|0||",
	"t3|other|other_org|0|0||",
	"t3|other|total|0|0||",
	"t3|processed_total|natural_person|0|0||",
	"t3|processed_total|commercial_enterprise|0|0||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|0|0||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|0|0||",
	"t3|processed_total|total|0|0||",
	"t3|carried_forward|natural_person|0|0||",
	"t3|carried_forward|commercial_enterprise|0|0||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|0|0||",
	"t4|review|maintained|0|0||",
	"t4|review|corrected|0|0||",
	"t4|review|other|0|0||",
	"t4|review|pending|0|0||",
	"t4|review|total|0|0||",
	"t4|litigation_direct|maintained|0|0||",
	"t4|litigation_direct|corrected|0|0||",
	"t4|litigation_direct|other|0|0||",
	"t4|litigation_direct|pending|0|0||",
	"t4|litigation_direct|total|0|0||",
	"t4|litigation_after_review|maintained|0|0||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|0|0||"
};
static const char *const truth_003_2021[] = {
	"t2|regulations|issued|0|0||",
	"t2|regulations|repealed|0|0||",
	"t2|regulations|in_force|0|0||",
	"t2|normative_docs|issued|0|0||",
	"t2|normative_docs|repealed|0|0||",
	"t2|normative_docs|in_force|0|0||",
	"t2|licensing|decisions|0|0||",
	"t2|punishment|decisions|0|0||",
	"t2|coercion|decisions|0|0||",
	"t2|admin_fees|amount_10k_yuan|0|0||",
	"t3|new_received|natural_person|1|1||",
	"t3|new_received|commercial_enterprise|0|0||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|0|0||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|0|0||",
	"t3|new_received|total|1|1||",
	"t3|carried_over|natural_person|0|0||",
	"t3|carried_over|commercial_enterprise|0|0||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|0|0||",
	"t3|granted|natural_person|1|1||",
	"t3|granted|commercial_enterprise|0|0||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|0|0||",
	"t3|granted|total|1|1||",
	"t3|partially_granted|natural_person|0|0||",
	"t3|partially_granted|commercial_enterprise|0|0||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|0|0||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|0|0||",
	"t3|denied.state_secret|natural_person|0|0||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|0|0||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|0|0||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|0|0||",
	"t3|denied.third_party_rights|natural_person|0|0||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|0|0||",
	"t3|denied.internal_affairs|natural_person|0|0||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|0|0||",
	"t3|denied.process_info|natural_person|0|0||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|0|0||",
	"t3|denied.enforcement_file|natural_person|0|0||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|0|0||",
	"t3|denied.admin_query|natural_person|0|0||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|0|0||",
	"t3|unable.not_held|natural_person|0|0||",
	"t3|unable.not_held|commercial_enterprise|0|0||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|0|0||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|0|0||",
	"t3|unable.not_held|total|0|0||",
	"t3|unable.needs_creation|natural_person|0|0||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|0|0||",
	"t3|unable.unclear_after_correction|natural_person|0|0||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|0|0||",
	"t3|not_processed.petition_complaint|natural_person|0|0||",
	"t3|not_processed.petition_complaint|commercial_enterprise|0|0||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|0|0||",
	"t3|not_processed.repeat|natural_person|0|0||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|0|0||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other.no_correction|natural_person|0|0||",
	"t3|other.no_correction|commercial_enterprise|0|0||",
	"t3|other.no_correction|research_institution|0|0||",
	"t3|other.no_correction|social_welfare_org|0|0||",
	"t3|other.no_correction|legal_service_org|0|0||",
	"t3|other.no_correction|other_org|0|0||",
	"t3|other.no_correction|total|0|0||",
	"t3|other.fee_unpaid|natural_person|0|0||",
	"t3|other.fee_unpaid|commercial_enterprise|0|0||",
	"t3|other.fee_unpaid|research_institution|0|0||",
	"t3|other.fee_unpaid|social_welfare_org|0|0||",
	"t3|other.fee_unpaid|legal_service_org|0|0||",
	"t3|other.fee_unpaid|other_org|0|0||",
	"t3|other.fee_unpaid|total|0|0||",
	"t3|other.other|natural_person|0|0||",
	"t3|other.other|commercial_enterprise|0|0||",
	"t3|other.other|research_institution|0|0||",
	"t3|other.other|social_welfare_org|0|0||",
	"t3|other.other|legal_service_org|0|0||",
	"t3|other.other|other_org|0|0||",
	"t3|other.other|total|0|0||",
	"t3|processed_total|natural_person|1|1||",
	"t3|processed_total|commercial_enterprise|0|0||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|0|0||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|0|0||",
	"t3|processed_total|total|1|1||",
	"t3|carried_forward|natural_person|0|0||",
	"t3|carried_forward|commercial_enterprise|0|0||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|0|0||",
	"t4|review|maintained|0|0||",
	"t4|review|corrected|0|0||",
	"t4|review|other|0|0||",
	"t4|review|pending|0|0||",
	"t4|review|total|0|0||",
	"t4|litigation_direct|maintained|0|0||",
	"t4|litigation_direct|corrected|0|0||",
	"t4|litigation_direct|other|0|0||",
	"t4|litigation_direct|pending|0|0||",
	"t4|litigation_direct|total|0|0||",
	"t4|litigation_after_review|maintained|0|0||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|0|0||"
};
static const char *const truth_003_2022[] = {
	"t2|regulations|issued|0|0||",
	"t2|regulations|repealed|0|0||",
	"t2|regulations|in_force|0|0||",
	"t2|normative_docs|issued|0|0||",
	"t2|normative_docs|repealed|0|0||",
	"t2|normative_docs|in_force|0|0||",
	"t2|licensing|decisions|0|0||",
	"t2|punishment|decisions|0|0||",
	"t2|coercion|decisions|0|0||",
	"t2|admin_fees|amount_10k_yuan|0|0||",
	"t3|new_received|natural_person|1|1||",
	"t3|new_received|commercial_enterprise|0|0||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|0|0||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|0|0||",
	"t3|new_received|total|1|1||",
	"t3|carried_over|natural_person|0|0||",
	"t3|carried_over|commercial_enterprise|0|0||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|0|0||",
	"t3|granted|natural_person|0|0||",
	"t3|granted|commercial_enterprise|0|0||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|0|0||",
	"t3|granted|total|0|0||",
	"t3|partially_granted|natural_person|0|0||",
	"t3|partially_granted|commercial_enterprise|0|0||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|0|0||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|0|0||",
	"t3|denied.state_secret|natural_person|0|0||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|0|0||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|0|0||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|0|0||",
	"t3|denied.third_party_rights|natural_person|0|0||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|0|0||",
	"t3|denied.internal_affairs|natural_person|0|0||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|0|0||",
	"t3|denied.process_info|natural_person|0|0||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|0|0||",
	"t3|denied.enforcement_file|natural_person|0|0||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|0|0||",
	"t3|denied.admin_query|natural_person|0|0||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|0|0||",
	"t3|unable.not_held|natural_person|1|1||",
	"t3|unable.not_held|commercial_enterprise|0|0||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|0|0||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|0|0||",
	"t3|unable.not_held|total|1|1||",
	"t3|unable.needs_creation|natural_person|0|0||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|0|0||",
	"t3|unable.unclear_after_correction|natural_person|0|0||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|0|0||",
	"t3|not_processed.petition_complaint|natural_person|0|0||",
	"t3|not_processed.petition_complaint|commercial_enterprise|0|0||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|0|0||",
	"t3|not_processed.repeat|natural_person|0|0||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|0|0||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other.no_correction|natural_person|0|0||",
	"t3|other.no_correction|commercial_enterprise|0|0||",
	"t3|other.no_correction|research_institution|0|0||",
	"t3|other.no_correction|social_welfare_org|0|0||",
	"t3|other.no_correction|legal_service_org|0|0||",
	"t3|other.no_correction|other_org|0|0||",
	"t3|other.no_correction|total|0|0||",
	"t3|other.fee_unpaid|natural_person|0|0||",
	"t3|other.fee_unpaid|commercial_enterprise|0|0||",
	"t3|other.fee_unpaid|research_institution|0|0||",
	"t3|other.fee_unpaid|social_welfare_org|0|0||",
	"t3|other.fee_unpaid|legal_service_org|0|0||",
	"t3|other.fee_unpaid|other_org|0|0||",
	"t3|other.fee_unpaid|total|0|0||",
	"t3|other.other|natural_person|0|0||",
	"t3|other.other|commercial_enterprise|0|0||",
	"t3|other.other|research_institution|0|0||",
	"t3|other.other|social_welfare_org|0|0||",
	"t3|other.other|legal_service_org|0|0||",
	"t3|other.other|other_org|0|0||",
	"t3|other.other|total|0|0||",
	"t3|processed_total|natural_person|1|1||",
	"t3|processed_total|commercial_enterprise|0|0||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|0|0||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|0|0||",
	"t3|processed_total|total|1|1||",
	"t3|carried_forward|natural_person|0|0||",
	"t3|carried_forward|commercial_enterprise|0|0||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|0|0||",
	"t4|review|maintained|0|0||",
	"t4|review|corrected|0|0||",
	"t4|review|other|0|0||",
	"t4|review|pending|0|0||",
	"t4|review|total|0|0||",
	"t4|litigation_direct|maintained|0|0||",
	"t4|litigation_direct|corrected|0|0||",
	"t4|litigation_direct|other|0|0||",
	"t4|litigation_direct|pending|0|0||",
	"t4|litigation_direct|total|0|0||",
	"t4|litigation_after_review|maintained|0|0||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|0|0||",
	"narrative|proactive.items_total||75|75|条|",
	"narrative|proactive.full_text_electronic_rate_pct||100|100%|%|P",
	"narrative|proactive.weibo||221|221|条|",
	"narrative|requests.received||1|1|件|",
	"narrative|staff.full_time||1|1|人|",
	"narrative|fees.notices||0|0|件|",
	"narrative|fees.notices_amount_yuan||0|0|元|",
	"narrative|fees.collected_yuan||0|0|元|"
};
static const char *const truth_004[] = {
	"t2|regulations|issued|0|　　0||",
	"t2|regulations|repealed|0| 　0||",
	"t2|regulations|in_force|0| 0||",
	"t2|normative_docs|issued|0|　　0||",
	"t2|normative_docs|repealed|0| 　0||",
	"t2|normative_docs|in_force|0| 0||",
	"t2|licensing|decisions|0| 0||",
	"t2|punishment|decisions|0|　0||",
	"t2|coercion|decisions|0|　0||",
	"t2|admin_fees|amount_10k_yuan|0|0||",
	"t3|new_received|natural_person|2|2||",
	"t3|new_received|commercial_enterprise|0|0||",
	"t3|new_received|research_institution|0|0||",
	"t3|new_received|social_welfare_org|0|0||",
	"t3|new_received|legal_service_org|0|0||",
	"t3|new_received|other_org|0|0||",
	"t3|new_received|total|2|2||",
	"t3|carried_over|natural_person|2|2||",
	"t3|carried_over|commercial_enterprise|0|0||",
	"t3|carried_over|research_institution|0|0||",
	"t3|carried_over|social_welfare_org|0|0||",
	"t3|carried_over|legal_service_org|0|0||",
	"t3|carried_over|other_org|0|0||",
	"t3|carried_over|total|2|2||",
	"t3|granted|natural_person|2|2||",
	"t3|granted|commercial_enterprise|0|0||",
	"t3|granted|research_institution|0|0||",
	"t3|granted|social_welfare_org|0|0||",
	"t3|granted|legal_service_org|0|0||",
	"t3|granted|other_org|0|0||",
	"t3|granted|total|2|2||",
	"t3|partially_granted|natural_person|0|0||",
	"t3|partially_granted|commercial_enterprise|0|0||",
	"t3|partially_granted|research_institution|0|0||",
	"t3|partially_granted|social_welfare_org|0|0||",
	"t3|partially_granted|legal_service_org|0|0||",
	"t3|partially_granted|other_org|0|0||",
	"t3|partially_granted|total|0|0||",
	"t3|denied.state_secret|natural_person|0|0||",
	"t3|denied.state_secret|commercial_enterprise|0|0||",
	"t3|denied.state_secret|research_institution|0|0||",
	"t3|denied.state_secret|social_welfare_org|0|0||",
	"t3|denied.state_secret|legal_service_org|0|0||",
	"t3|denied.state_secret|other_org|0|0||",
	"t3|denied.state_secret|total|0|0||",
	"t3|denied.law_prohibited|natural_person|0|0||",
	"t3|denied.law_prohibited|commercial_enterprise|0|0||",
	"t3|denied.law_prohibited|research_institution|0|0||",
	"t3|denied.law_prohibited|social_welfare_org|0|0||",
	"t3|denied.law_prohibited|legal_service_org|0|0||",
	"t3|denied.law_prohibited|other_org|0|0||",
	"t3|denied.law_prohibited|total|0|0||",
	"t3|denied.security_stability|natural_person|0|0||",
	"t3|denied.security_stability|commercial_enterprise|0|0||",
	"t3|denied.security_stability|research_institution|0|0||",
	"t3|denied.security_stability|social_welfare_org|0|0||",
	"t3|denied.security_stability|legal_service_org|0|0||",
	"t3|denied.security_stability|other_org|0|0||",
	"t3|denied.security_stability|total|0|0||",
	"t3|denied.third_party_rights|natural_person|0|0||",
	"t3|denied.third_party_rights|commercial_enterprise|0|0||",
	"t3|denied.third_party_rights|research_institution|0|0||",
	"t3|denied.third_party_rights|social_welfare_org|0|0||",
	"t3|denied.third_party_rights|legal_service_org|0|0||",
	"t3|denied.third_party_rights|other_org|0|0||",
	"t3|denied.third_party_rights|total|0|0||",
	"t3|denied.internal_affairs|natural_person|1|1||",
	"t3|denied.internal_affairs|commercial_enterprise|0|0||",
	"t3|denied.internal_affairs|research_institution|0|0||",
	"t3|denied.internal_affairs|social_welfare_org|0|0||",
	"t3|denied.internal_affairs|legal_service_org|0|0||",
	"t3|denied.internal_affairs|other_org|0|0||",
	"t3|denied.internal_affairs|total|1|1||",
	"t3|denied.process_info|natural_person|0|0||",
	"t3|denied.process_info|commercial_enterprise|0|0||",
	"t3|denied.process_info|research_institution|0|0||",
	"t3|denied.process_info|social_welfare_org|0|0||",
	"t3|denied.process_info|legal_service_org|0|0||",
	"t3|denied.process_info|other_org|0|0||",
	"t3|denied.process_info|total|0|0||",
	"t3|denied.enforcement_file|natural_person|0|0||",
	"t3|denied.enforcement_file|commercial_enterprise|0|0||",
	"t3|denied.enforcement_file|research_institution|0|0||",
	"t3|denied.enforcement_file|social_welfare_org|0|0||",
	"t3|denied.enforcement_file|legal_service_org|0|0||",
	"t3|denied.enforcement_file|other_org|0|0||",
	"t3|denied.enforcement_file|total|0|0||",
	"t3|denied.admin_query|natural_person|0|0||",
	"t3|denied.admin_query|commercial_enterprise|0|0||",
	"t3|denied.admin_query|research_institution|0|0||",
	"t3|denied.admin_query|social_welfare_org|0|0||",
	"t3|denied.admin_query|legal_service_org|0|0||",
	"t3|denied.admin_query|other_org|0|0||",
	"t3|denied.admin_query|total|0|0||",
	"t3|unable.not_held|natural_person|1|1||",
	"t3|unable.not_held|commercial_enterprise|0|0||",
	"t3|unable.not_held|research_institution|0|0||",
	"t3|unable.not_held|social_welfare_org|0|0||",
	"t3|unable.not_held|legal_service_org|0|0||",
	"t3|unable.not_held|other_org|0|0||",
	"t3|unable.not_held|total|1|1||",
	"t3|unable.needs_creation|natural_person|0|0||",
	"t3|unable.needs_creation|commercial_enterprise|0|0||",
	"t3|unable.needs_creation|research_institution|0|0||",
	"t3|unable.needs_creation|social_welfare_org|0|0||",
	"t3|unable.needs_creation|legal_service_org|0|0||",
	"t3|unable.needs_creation|other_org|0|0||",
	"t3|unable.needs_creation|total|0|0||",
	"t3|unable.unclear_after_correction|natural_person|0|0||",
	"t3|unable.unclear_after_correction|commercial_enterprise|0|0||",
	"t3|unable.unclear_after_correction|research_institution|0|0||",
	"t3|unable.unclear_after_correction|social_welfare_org|0|0||",
	"t3|unable.unclear_after_correction|legal_service_org|0|0||",
	"t3|unable.unclear_after_correction|other_org|0|0||",
	"t3|unable.unclear_after_correction|total|0|0||",
	"t3|not_processed.petition_complaint|natural_person|0|0||",
	"t3|not_processed.petition_complaint|commercial_enterprise|0|0||",
	"t3|not_processed.petition_complaint|research_institution|0|0||",
	"t3|not_processed.petition_complaint|social_welfare_org|0|0||",
	"t3|not_processed.petition_complaint|legal_service_org|0|0||",
	"t3|not_processed.petition_complaint|other_org|0|0||",
	"t3|not_processed.petition_complaint|total|0|0||",
	"t3|not_processed.repeat|natural_person|0|0||",
	"t3|not_processed.repeat|commercial_enterprise|0|0||",
	"t3|not_processed.repeat|research_institution|0|0||",
	"t3|not_processed.repeat|social_welfare_org|0|0||",
	"t3|not_processed.repeat|legal_service_org|0|0||",
	"t3|not_processed.repeat|other_org|0|0||",
	"t3|not_processed.repeat|total|0|0||",
	"t3|not_processed.publication|natural_person|0|0||",
	"t3|not_processed.publication|commercial_enterprise|0|0||",
	"t3|not_processed.publication|research_institution|0|0||",
	"t3|not_processed.publication|social_welfare_org|0|0||",
	"t3|not_processed.publication|legal_service_org|0|0||",
	"t3|not_processed.publication|other_org|0|0||",
	"t3|not_processed.publication|total|0|0||",
	"t3|not_processed.excessive|natural_person|0|0||",
	"t3|not_processed.excessive|commercial_enterprise|0|0||",
	"t3|not_processed.excessive|research_institution|0|0||",
	"t3|not_processed.excessive|social_welfare_org|0|0||",
	"t3|not_processed.excessive|legal_service_org|0|0||",
	"t3|not_processed.excessive|other_org|0|0||",
	"t3|not_processed.excessive|total|0|0||",
	"t3|not_processed.confirm_reissue|natural_person|0|0||",
	"t3|not_processed.confirm_reissue|commercial_enterprise|0|0||",
	"t3|not_processed.confirm_reissue|research_institution|0|0||",
	"t3|not_processed.confirm_reissue|social_welfare_org|0|0||",
	"t3|not_processed.confirm_reissue|legal_service_org|0|0||",
	"t3|not_processed.confirm_reissue|other_org|0|0||",
	"t3|not_processed.confirm_reissue|total|0|0||",
	"t3|other.no_correction|natural_person|0|0||",
	"t3|other.no_correction|commercial_enterprise|0|0||",
	"t3|other.no_correction|research_institution|0|0||",
	"t3|other.no_correction|social_welfare_org|0|0||",
	"t3|other.no_correction|legal_service_org|0|0||",
	"t3|other.no_correction|other_org|0|0||",
	"t3|other.no_correction|total|0|0||",
	"t3|other.fee_unpaid|natural_person|0|0||",
	"t3|other.fee_unpaid|commercial_enterprise|0|0||",
	"t3|other.fee_unpaid|research_institution|0|0||",
	"t3|other.fee_unpaid|social_welfare_org|0|0||",
	"t3|other.fee_unpaid|legal_service_org|0|0||",
	"t3|other.fee_unpaid|other_org|0|0||",
	"t3|other.fee_unpaid|total|0|0||",
	"t3|other.other|natural_person|0|0||",
	"t3|other.other|commercial_enterprise|0|0||",
	"t3|other.other|research_institution|0|0||",
	"t3|other.other|social_welfare_org|0|0||",
	"t3|other.other|legal_service_org|0|0||",
	"t3|other.other|other_org|0|0||",
	"t3|other.other|total|0|0||",
	"t3|processed_total|natural_person|4|4||",
	"t3|processed_total|commercial_enterprise|0|0||",
	"t3|processed_total|research_institution|0|0||",
	"t3|processed_total|social_welfare_org|0|0||",
	"t3|processed_total|legal_service_org|0|0||",
	"t3|processed_total|other_org|0|0||",
	"t3|processed_total|total|4|4||",
	"t3|carried_forward|natural_person|0|0||",
	"t3|carried_forward|commercial_enterprise|0|0||",
	"t3|carried_forward|research_institution|0|0||",
	"t3|carried_forward|social_welfare_org|0|0||",
	"t3|carried_forward|legal_service_org|0|0||",
	"t3|carried_forward|other_org|0|0||",
	"t3|carried_forward|total|0|0||",
	"t4|review|maintained|0|0||",
	"t4|review|corrected|0|0||",
	"t4|review|other|0|0||",
	"t4|review|pending|0|0||",
	"t4|review|total|0|0||",
	"t4|litigation_direct|maintained|0|0||",
	"t4|litigation_direct|corrected|0|0||",
	"t4|litigation_direct|other|0|0||",
	"t4|litigation_direct|pending|0|0||",
	"t4|litigation_direct|total|0|0||",
	"t4|litigation_after_review|maintained|0|0||",
	"t4|litigation_after_review|corrected|0|0||",
	"t4|litigation_after_review|other|0|0||",
	"t4|litigation_after_review|pending|0|0||",
	"t4|litigation_after_review|total|0|0||",
	"narrative|requests.new_received||2|2|件|",
	"narrative|requests.carried_over||2|2|件|",
	"narrative|requests.new_received.natural_person||2||件|I",
	"narrative|requests.answered||4|4|件|",
	"narrative|outcome.granted||2|2|件|",
	"narrative|review_and_litigation.total||0||件|I",
	"narrative|proactive.website_articles_approx||361|361余|篇|A",
	"narrative|proactive.wechat_articles||267|267|篇|",
	"narrative|media_reports_approx||70|70余|篇|A",
	"narrative|fees.notices||0||件|",
	"narrative|fees.notices_amount_yuan||0||元|",
	"narrative|fees.collected_yuan||0||元|"
};

static const truth_report truth_reports[] = {
	{"000", GR_FMT_NARRATIVE, 2017, truth_000, NELEM(truth_000)},
	{"001", GR_FMT_STATS_PRE2019, 2017, truth_001, NELEM(truth_001)},
	{"002", GR_FMT_TEMPLATE_2019, 2020, truth_002, NELEM(truth_002)},
	{"003-2008", GR_FMT_NARRATIVE, 2008, truth_003_2008, NELEM(truth_003_2008)},
	{"003-2009", GR_FMT_NARRATIVE, 2009, truth_003_2009, NELEM(truth_003_2009)},
	{"003-2010", GR_FMT_NARRATIVE, 2010, truth_003_2010, NELEM(truth_003_2010)},
	{"003-2011", GR_FMT_NARRATIVE, 2011, truth_003_2011, NELEM(truth_003_2011)},
	{"003-2013", GR_FMT_NARRATIVE, 2013, truth_003_2013, NELEM(truth_003_2013)},
	{"003-2014", GR_FMT_NARRATIVE, 2014, truth_003_2014, NELEM(truth_003_2014)},
	{"003-2015", GR_FMT_NARRATIVE, 2015, truth_003_2015, NELEM(truth_003_2015)},
	{"003-2016", GR_FMT_NARRATIVE, 2016, truth_003_2016, NELEM(truth_003_2016)},
	{"003-2017", GR_FMT_NARRATIVE, 2017, truth_003_2017, NELEM(truth_003_2017)},
	{"003-2018", GR_FMT_NARRATIVE, 2018, truth_003_2018, NELEM(truth_003_2018)},
	{"003-2019", GR_FMT_TEMPLATE_2019, 2019, truth_003_2019, NELEM(truth_003_2019)},
	{"003-2020", GR_FMT_TEMPLATE_2019, 2020, truth_003_2020, NELEM(truth_003_2020)},
	{"003-2021", GR_FMT_TEMPLATE_2021, 2021, truth_003_2021, NELEM(truth_003_2021)},
	{"003-2022", GR_FMT_TEMPLATE_2021, 2022, truth_003_2022, NELEM(truth_003_2022)},
	{"004", GR_FMT_TEMPLATE_2021, 2021, truth_004, NELEM(truth_004)},
};
/* --------------------------------------------------- truth fixtures (end) */

static const truth_report *
truth(const char *id)
{
	for (size_t i = 0; i < NELEM(truth_reports); i++)
		if (strcmp(truth_reports[i].id, id) == 0)
			return &truth_reports[i];
	return NULL;
}

static gr_report
seed(const char *id)
{
	const truth_report *t = truth(id);
	size_t		cap;

	return build(t->format, t->year, t->cells, t->ncells, &cap);
}

/* append one cell to a seed report (capacity is re-derived: arena memory) */
static gr_cell *
append(gr_report *r, const char *tbl, const char *row, const char *col,
	   const char *val)
{
	size_t		cap = r->ncells;	/* forces a copy: old block stays valid */

	return add_cell(r, &cap, tbl, row, col, val);
}

/* ------------------------------------------------------------ catalogue */

TEST(rules_catalogue)
{
	size_t		n;
	const gr_rule *c = gr_rules(&n);

	CHECK_EQ_INT(n, 17 + 12 + 6);
	for (size_t i = 0; i < n; i++)
	{
		CHECK(c[i].formula && *c[i].formula);
		CHECK(c[i].description_zh && *c[i].description_zh);
		CHECK(c[i].description_en && *c[i].description_en);
		CHECK(c[i].formats != 0);
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(c[i].id, c[j].id) != 0);
	}
	REQUIRE(gr_rule_find("R1") != NULL);
	CHECK_EQ_INT(gr_rule_find("R1")->kind, GR_RULE_STRICT);
	CHECK_EQ_INT(gr_rule_find("R9")->kind, GR_RULE_STRICT);
	CHECK_EQ_INT(gr_rule_find("R10")->kind, GR_RULE_PLAUSIBILITY);
	CHECK_EQ_INT(gr_rule_find("S7")->kind, GR_RULE_STRICT);
	CHECK_EQ_INT(gr_rule_find("S8")->kind, GR_RULE_PLAUSIBILITY);
	CHECK(gr_rule_find("R13")->cross_year);
	CHECK(gr_rule_find("N5")->evaluated);
	CHECK(gr_rule_find("R99") == NULL);
	CHECK_EQ_STR(gr_rule_kind_name(GR_RULE_STRICT), "strict");
	CHECK_EQ_STR(gr_rule_kind_name(GR_RULE_PLAUSIBILITY), "plausibility");
	CHECK(gr_rule_find("R17")->formats == GR_FMT_BIT(GR_FMT_TEMPLATE_2021));
}

TEST(rules_dec_from_text)
{
	gr_dec		v;

	CHECK(gr_dec_from_text("1092", 4, &v) && v == D(1092));
	CHECK(gr_dec_from_text("-5", 2, &v) && v == D(-5));
	CHECK(gr_dec_from_text("+3", 2, &v) && v == D(3));
	CHECK(gr_dec_from_text("32694.3253", 10, &v) && v == (gr_dec) 32694325300);
	CHECK(gr_dec_from_text("0.500000000", 11, &v) && v == (gr_dec) 500000);
	CHECK(gr_dec_from_text("98.50", 5, &v) && v == (gr_dec) 98500000);
	CHECK(!gr_dec_from_text("0.0000001", 9, &v));	/* not exact at scale 6 */
	CHECK(!gr_dec_from_text("", 0, &v));
	CHECK(!gr_dec_from_text("-", 1, &v));
	CHECK(!gr_dec_from_text("1.2.3", 5, &v));
	CHECK(!gr_dec_from_text("NaN", 3, &v));
	CHECK(!gr_dec_from_text("1e5", 3, &v));
	CHECK(!gr_dec_from_text("1,092", 5, &v));
	CHECK(gr_dec_from_text("171000000000000000000000000000000", 33, &v) == false);
	CHECK(gr_dec_from_text("100000000000000000000000000000000", 33, &v));
	CHECK(gr_dec_from_text("12345", 3, &v) && v == D(123));	/* len respected */
}

/* ------------------------------------------------ the seeds' rule results */

TEST(rules_truth_seeds)
{
	/* failing rules per seed report (truth rule_results with holds = false;
	 * N5 of 003-2010 is cross-year and not evaluated) */
	static const struct
	{
		const char *id;
		const char *expect;
	}			want[] = {
		{"000", ""},
		{"001", "S12:requests.answered;S12:requests.answered.unclear;N3:requests.answered.unclear.pct"},
		{"002", "R14:requests.received"},
		{"003-2008", ""},
		{"003-2009", ""},
		{"003-2010", ""},
		{"003-2011", ""},
		{"003-2013", ""},
		{"003-2014", ""},
		{"003-2015", ""},
		{"003-2016", "N3:proactive.category.work_news.pct"},
		{"003-2017", ""},
		{"003-2018", ""},
		{"003-2019", ""},
		{"003-2020", ""},
		{"003-2021", ""},
		{"003-2022", ""},
		{"004", ""},
	};

	CHECK_EQ_INT(NELEM(truth_reports), NELEM(want));
	for (size_t i = 0; i < NELEM(want); i++)
	{
		gr_report	r = seed(want[i].id);
		gr_violation *v;
		size_t		n;
		bool		ok;

		CHECK_EQ_STR(check_summary(&r, &v, &n), want[i].expect);
		CHECK(gr_violations_consistent(v, n));
		CHECK_EQ_INT(gr_is_consistent(&r, test_mem(), &ok, NULL), GR_OK);
		CHECK(ok);
	}
}

TEST(rules_truth_messages)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;

	check_summary(&r, &v, &n);
	REQUIRE_EQ_INT(n, 1);
	CHECK_EQ_INT(v[0].kind, GR_RULE_PLAUSIBILITY);
	CHECK(v[0].has_lhs && v[0].lhs == D(1092));
	CHECK(v[0].has_rhs && v[0].rhs == D(956));
	CHECK_EQ_STR(v[0].message,
				 "narrative \"收到\" requests.received 1092 does not equal table 3 "
				 "new_received total 956 (literal reading, off by 136); it holds "
				 "only under the inclusive reading: received 1092 = new_received 956 "
				 "+ carried_over 136, so the narrative counts the carried-over "
				 "requests as received");

	r = seed("001");
	check_summary(&r, &v, &n);
	REQUIRE_EQ_INT(n, 3);
	CHECK_EQ_STR(v[0].message,
				 "narrative requests.answered against the statistics table: "
				 "requests.answered 3 does not equal requests.answered 2 (off by 1)");
	CHECK_EQ_STR(v[2].message,
				 "narrative percentage requests.answered.unclear.pct is printed 34%, "
				 "but requests.answered.unclear 1 / requests.answered 3 = 33.3333...%, "
				 "which is 33 rounded half-up or 33 truncated at 0 decimals");
	CHECK(v[2].lhs == D(34) && v[2].rhs == D(33));

	r = seed("003-2016");
	check_summary(&r, &v, &n);
	REQUIRE_EQ_INT(n, 1);
	CHECK_EQ_STR(v[0].message,
				 "narrative percentage proactive.category.work_news.pct is printed 65.4%, "
				 "but proactive.category.work_news 579 / proactive.external_website 1467 "
				 "= 39.4683...%, which is 39.5 rounded half-up or 39.4 truncated at 1 decimal");
}

/* ------------------------------------------ one planted error per rule */

TEST(rules_planted_r1)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;
	const gr_violation *x;
	bool		ok = true;

	REQUIRE(set(&r, "t3", "carried_forward", "natural_person", "87"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R1:natural_person;R3:carried_forward;R14:requests.received");
	x = find_violation(v, n, "R1", "natural_person");
	REQUIRE(x != NULL);
	CHECK_EQ_INT(x->kind, GR_RULE_STRICT);
	CHECK(x->lhs == D(999) && x->rhs == D(1000));
	CHECK_EQ_STR(x->message,
				 "table 3, column natural_person: new_received 899 + carried_over 100 "
				 "= 999, but processed_total 913 + carried_forward 87 = 1000 (off by 1)");
	CHECK_EQ_INT(gr_is_consistent(&r, test_mem(), &ok, NULL), GR_OK);
	CHECK(!ok);
	CHECK(!gr_violations_consistent(v, n));
}

TEST(rules_planted_r2_r3)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;
	const gr_violation *x;

	/* one outcome cell: its column (R2) and its row (R3) */
	REQUIRE(set(&r, "t3", "granted", "commercial_enterprise", "15"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R2:commercial_enterprise;R3:granted;R14:requests.received");
	x = find_violation(v, n, "R2", "commercial_enterprise");
	REQUIRE(x != NULL);
	CHECK_EQ_STR(x->message,
				 "table 3, column commercial_enterprise: processed_total is 83, but the "
				 "outcome rows add up to 84: granted 15 + partially_granted 3 + denied 0 "
				 "(0 + 0 + 0 + 0 + 0 + 0 + 0 + 0) + unable 61 (61 + 0 + 0) + not_processed 4 "
				 "(4 + 0 + 0 + 0 + 0) + other 1 (off by 1)");
	x = find_violation(v, n, "R3", "granted");
	REQUIRE(x != NULL);
	CHECK_EQ_STR(x->message,
				 "table 3, row granted: the total column is 279, but the applicant columns "
				 "add up to 280: natural_person 263 + commercial_enterprise 15 + "
				 "research_institution 0 + social_welfare_org 0 + legal_service_org 0 + "
				 "other_org 2 (off by 1)");

	/* a reason row total only: R2 on the total column and R3 on that row */
	r = seed("002");
	REQUIRE(set(&r, "t3", "unable.not_held", "total", "502"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R2:total;R3:unable.not_held;R14:requests.received;R14:outcome.unable");

	/* processed_total total: R1, R2, R3 */
	r = seed("002");
	REQUIRE(set(&r, "t3", "processed_total", "total", "1006"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R1:total;R2:total;R3:processed_total;R14:requests.received;R14:requests.closed");

	/* 2021 template: the three "other" reasons count in R2 */
	r = seed("004");
	REQUIRE(set(&r, "t3", "other.fee_unpaid", "natural_person", "1"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R2:natural_person;R3:other.fee_unpaid");
}

TEST(rules_planted_r4_r5)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;
	static const char *const cols[] = {
		"natural_person", "commercial_enterprise", "research_institution",
		"social_welfare_org", "legal_service_org", "other_org", "total"
	};
	static const char *const denied[] = {"59", "0", "0", "0", "0", "0", "59"};

	/* a printed 不予公开 subtotal row that adds up: nothing */
	for (size_t i = 0; i < NELEM(cols); i++)
		REQUIRE(append(&r, "t3", "denied", cols[i], denied[i]) != NULL);
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");
	REQUIRE(set(&r, "t3", "denied", "natural_person", "58"));
	/* R3 of the subtotal row itself fails too: 58 + 0 ... != 59 */
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R3:denied;R4:denied/natural_person;R14:requests.received");
	CHECK(find_violation(v, n, "R4", "denied/natural_person")->lhs == D(58));

	/* a printed legal-person subtotal column */
	r = seed("002");
	REQUIRE(append(&r, "t3", "granted", "legal_person_subtotal", "16") != NULL);
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");
	REQUIRE(set(&r, "t3", "granted", "legal_person_subtotal", "17"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R5:granted;R14:requests.received");
	CHECK_EQ_STR(v[0].message,
				 "table 3, row granted: the legal_person_subtotal column is 17, but the "
				 "five organisation columns add up to 16: commercial_enterprise 14 + "
				 "research_institution 0 + social_welfare_org 0 + legal_service_org 0 + "
				 "other_org 2 (off by 1)");
}

TEST(rules_planted_r3_subtotal_only)
{
	/* a local variant printing natural_person / legal_person_subtotal / total */
	gr_report	r;
	size_t		cap = 0;

	memset(&r, 0, sizeof(r));
	r.format = GR_FMT_TEMPLATE_2019;
	r.year = 2020;
	add_cell(&r, &cap, "t3", "granted", "natural_person", "5");
	add_cell(&r, &cap, "t3", "granted", "legal_person_subtotal", "2");
	add_cell(&r, &cap, "t3", "granted", "total", "7");
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
	set(&r, "t3", "granted", "total", "8");
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R3:granted");
}

TEST(rules_planted_r6_r7_r8)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;

	REQUIRE(set(&r, "t4", "review", "pending", "6"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R6:review;R14:requests.received");
	CHECK_EQ_STR(v[0].message,
				 "table 4, review (行政复议): the total is 53, but maintained 37 + "
				 "corrected 9 + other 2 + pending 6 = 54 (off by 1)");
	CHECK_EQ_INT(v[0].kind, GR_RULE_STRICT);

	r = seed("002");
	REQUIRE(set(&r, "t4", "litigation_direct", "total", "36"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R7:litigation_direct;R14:requests.received");

	r = seed("002");
	REQUIRE(set(&r, "t4", "litigation_after_review", "corrected", "1"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R8:litigation_after_review;R14:requests.received");
}

TEST(rules_planted_r9)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;

	/* the signed 2019 delta (-5) and the 4-decimal amount are fine */
	CHECK(find_cell(&r, "t2", "admin_fees", "delta")->num == D(-5));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");

	REQUIRE(set(&r, "t2", "licensing", "decisions", "-1"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R9:t2/licensing/decisions;R14:requests.received");
	CHECK_EQ_STR(v[0].message,
				 "table 2, row licensing, column decisions: the value -1 is negative; "
				 "counts must be whole numbers >= 0");
	CHECK(v[0].has_lhs && v[0].lhs == D(-1) && !v[0].has_rhs);

	r = seed("002");
	REQUIRE(set(&r, "t2", "central_procurement", "amount_10k_yuan", "-1.5"));
	REQUIRE(set(&r, "t2", "admin_fees", "delta", "2.5"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL),
				 "R9:t2/admin_fees/delta;R9:t2/central_procurement/amount_10k_yuan;R14:requests.received");

	/* a fractional table-3 count breaks its column and row sums as well */
	r = seed("004");
	REQUIRE(set(&r, "t4", "review", "maintained", "0.5"));
	REQUIRE(set(&r, "t4", "review", "pending", "-0.5"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R9:t4/review/maintained;R9:t4/review/pending");
}

TEST(rules_blank_is_indeterminate)
{
	gr_report	r = seed("002");
	gr_cell    *c;

	/* a wrong number that is blank elsewhere in its rules: nothing to say */
	REQUIRE(set(&r, "t3", "granted", "natural_person", NULL));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");
	/* R1 natural_person still holds, R2 natural_person and R3 granted are
	 * indeterminate; make R1 fail elsewhere in that column to prove it runs */
	REQUIRE(set(&r, "t3", "new_received", "natural_person", "900"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL),
				 "R1:natural_person;R3:new_received;R14:requests.received");

	/* num_ok = false (too large for gr_dec) is indeterminate too */
	r = seed("002");
	c = find_cell(&r, "t4", "review", "pending");
	REQUIRE(c != NULL);
	c->num_ok = false;
	c->num = 0;
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");

	/* an absent cell as well */
	r = seed("002");
	c = find_cell(&r, "t4", "review", "total");
	REQUIRE(c != NULL);
	c->row_key = "something_else";
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.received");
}

TEST(rules_planted_r10)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;

	REQUIRE(set(&r, "t2", "normative_docs", "published", "51"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R10:normative_docs;R14:requests.received");
	CHECK_EQ_INT(v[0].kind, GR_RULE_PLAUSIBILITY);
	CHECK_EQ_STR(v[0].message,
				 "table 2, row normative_docs: published this year 51 exceeds "
				 "published_total 50 (by 1)");
	CHECK(gr_violations_consistent(v, n));
}

TEST(rules_r14_readings)
{
	gr_report	r = seed("002");
	gr_violation *v;
	size_t		n;

	/* literal reading holds: nothing (and the narrative balance holds
	 * literally: 956 + carried_over 136 = 1092 = 1005 + 87) */
	REQUIRE(set(&r, "narrative", "requests.received", NULL, "956"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");

	/* neither reading */
	r = seed("002");
	REQUIRE(set(&r, "narrative", "requests.received", NULL, "1000"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R14:requests.received;N1:requests.received");
	CHECK_EQ_STR(v[0].message,
				 "narrative \"收到\" requests.received 1000 does not equal table 3 "
				 "new_received total 956 (literal reading, off by 44), nor new_received "
				 "956 + carried_over 136 = 1092 (inclusive reading, off by 92): neither "
				 "reading holds");

	/* an outcome group against the sum of its reason rows */
	r = seed("002");
	REQUIRE(set(&r, "narrative", "outcome.denied", NULL, "60"));
	CHECK_EQ_STR(check_summary(&r, &v, &n),
				 "R14:requests.received;R14:outcome.denied;N1:requests.closed");
	CHECK_EQ_STR(find_violation(v, n, "R14", "outcome.denied")->message,
				 "narrative outcome.denied 60 does not equal table 3, column total: "
				 "denied.state_secret 3 + denied.law_prohibited 0 + denied.security_stability 1 "
				 "+ denied.third_party_rights 2 + denied.internal_affairs 12 + "
				 "denied.process_info 11 + denied.enforcement_file 24 + denied.admin_query 6 "
				 "= 59 (off by 1)");

	/* 004: 新收, 上年结转, answered, 均为自然人, no review/litigation */
	r = seed("004");
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
	REQUIRE(set(&r, "narrative", "requests.answered", NULL, "5"));
	REQUIRE(set(&r, "narrative", "review_and_litigation.total", NULL, "1"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL),
				 "R14:requests.answered;R14:review_and_litigation.total");
	r = seed("004");
	REQUIRE(set(&r, "narrative", "requests.new_received.natural_person", NULL, "1"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R14:requests.new_received.natural_person");
}

TEST(rules_percentages)
{
	static const struct
	{
		const char *part;
		const char *whole;
		const char *printed;	/* value text as printed, without % */
		bool		holds;
	}			cases[] = {
		{"2", "72", "2.77", true},	/* truncated (000) */
		{"2", "72", "2.78", true},	/* rounded */
		{"2", "72", "2.79", false},
		{"2", "72", "2.8", true},	/* 1 decimal: 2.7 / 2.8 */
		{"2", "72", "2.7", true},
		{"2", "72", "3", true},		/* 0 decimals: 2 / 3 */
		{"1", "3", "34", false},	/* 001 */
		{"1", "3", "33", true},
		{"2", "3", "67", true},		/* rounded */
		{"2", "3", "66", true},		/* truncated */
		{"264", "268", "98.50", true},	/* 003-2011, truncated, 2 decimals */
		{"264", "268", "98.51", true},
		{"264", "268", "98.5", true},	/* 1 decimal: rounded and truncated */
		{"264", "268", "98.6", false},
		{"1077", "1657", "64.99", true},
		{"702", "1196", "58.69", true},
		{"1", "8", "12.5", true},	/* exact */
		{"1", "8", "13", true},		/* 12.5 half-up */
		{"1", "8", "12", true},		/* truncated */
		{"0", "5", "0", true},
		{"5", "5", "100", true},
		{"5", "5", "100.00", true},
		{"3", "0", "1", true},		/* no base: indeterminate */
	};

	for (size_t i = 0; i < NELEM(cases); i++)
	{
		gr_report	r;
		size_t		cap = 0;
		gr_cell    *p;
		const char *s;
		char		pt[32];

		memset(&r, 0, sizeof(r));
		r.format = GR_FMT_NARRATIVE;
		r.year = 2017;
		add_cell(&r, &cap, "narrative", "consultations.total", NULL, cases[i].whole);
		add_cell(&r, &cap, "narrative", "consultations.phone", NULL, cases[i].part);
		p = add_cell(&r, &cap, "narrative", "consultations.phone.pct", NULL, cases[i].printed);
		snprintf(pt, sizeof(pt), "%s%%", cases[i].printed);
		p->decimals = printed_decimals(pt);
		p->flags |= GR_CELL_PERCENT;
		s = check_summary(&r, NULL, NULL);
		/* a single listed part never exceeds its total (N1) unless it does */
		if (strcmp(cases[i].part, "3") == 0)
			s = strstr(s, "N3") ? s : "";
		if (cases[i].holds)
			gr_test_check(strcmp(s, "") == 0, __FILE__, __LINE__,
						  "%s / %s printed %s: unexpected \"%s\"",
						  cases[i].part, cases[i].whole, cases[i].printed, s);
		else
			gr_test_check(strcmp(s, "N3:consultations.phone.pct") == 0,
						  __FILE__, __LINE__, "%s / %s printed %s: got \"%s\"",
						  cases[i].part, cases[i].whole, cases[i].printed, s);
		/* the same in a template report is R15 */
		r.format = GR_FMT_TEMPLATE_2021;
		r.year = 2021;
		s = check_summary(&r, NULL, NULL);
		if (!cases[i].holds)
			CHECK_EQ_STR(s, "R15:consultations.phone.pct");
	}
}

TEST(rules_percentage_bases)
{
	/* proactive shares: proactive.items_total, else the website total */
	gr_report	r;
	size_t		cap = 0;
	gr_cell    *p;

	memset(&r, 0, sizeof(r));
	r.format = GR_FMT_NARRATIVE;
	r.year = 2015;
	add_cell(&r, &cap, "narrative", "proactive.external_website", NULL, "1657");
	add_cell(&r, &cap, "narrative", "proactive.category.work_news", NULL, "1077");
	p = add_cell(&r, &cap, "narrative", "proactive.category.work_news.pct", NULL, "64.99");
	p->decimals = 2;
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
	add_cell(&r, &cap, "narrative", "proactive.items_total", NULL, "1077");
	/* now the base is items_total: 100.00 expected, 64.99 printed */
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "N3:proactive.category.work_news.pct");
	/* a percentage whose part is not stated: indeterminate */
	memset(&r, 0, sizeof(r));
	cap = 0;
	r.format = GR_FMT_NARRATIVE;
	add_cell(&r, &cap, "narrative", "requests.received", NULL, "3");
	add_cell(&r, &cap, "narrative", "requests.received.online.pct", NULL, "50");
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
}

TEST(rules_r16_format_year)
{
	gr_report	r = seed("003-2022");
	gr_violation *v;
	size_t		n;

	r.format = GR_FMT_TEMPLATE_2019;
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R16:report");
	CHECK_EQ_STR(v[0].message,
				 "the report for 2022 uses the format template_2019, but a report for "
				 "that year is expected in template_2021 (国办公开办函〔2021〕30号, report "
				 "years 2021 and later)");
	CHECK(v[0].lhs == D(2022));
	r.year = 2019;				/* transition year: anything goes */
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
	r.year = 2020;
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
	r.year = 2018;
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R16:report");
	r.year = 0;					/* unknown year: indeterminate */
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");

	r = seed("000");
	r.year = 2021;
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "R16:report");
}

TEST(rules_r17_fee_notices)
{
	gr_report	r = seed("003-2022");
	gr_violation *v;
	size_t		n;

	/* the one request was dropped for an unpaid fee; no notice was issued */
	REQUIRE(set(&r, "t3", "unable.not_held", "natural_person", "0"));
	REQUIRE(set(&r, "t3", "unable.not_held", "total", "0"));
	REQUIRE(set(&r, "t3", "other.fee_unpaid", "natural_person", "1"));
	REQUIRE(set(&r, "t3", "other.fee_unpaid", "total", "1"));
	CHECK_EQ_STR(check_summary(&r, &v, &n), "R17:report");
	CHECK_EQ_STR(v[0].message,
				 "table 3 other.fee_unpaid total 1 (requests dropped for an unpaid fee) "
				 "exceeds the fee notices issued in section 六, fees.notices 0 (by 1)");
	REQUIRE(set(&r, "narrative", "fees.notices", NULL, "1"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "");
}

TEST(rules_planted_stats)
{
#define BASE "S12:requests.answered;S12:requests.answered.unclear;N3:requests.answered.unclear.pct"
	static const struct
	{
		const char *key;
		const char *val;
		const char *expect;
	}			cases[] = {
		{"requests.received.fax", "1", "S1:requests.received;" BASE},
		{"requests.closed.extended", "1", "S2:requests.closed;" BASE},
		{"requests.answered.granted", "1", "S3:requests.answered;" BASE},
		{"requests.answered.denied.personal_privacy", "1", "S4:requests.answered.denied;" BASE},
		{"review.corrected", "1", "S5:review.total;" BASE},
		{"litigation.other", "1", "S6:litigation.total;" BASE},
		{"org.staff_part_time", "1", "S7:org.staff_total;S12:staff.part_time;" BASE},
		{"proactive.normative_docs_published", "976", "S8:proactive.normative_docs_published;" BASE},
		{"proactive.key_areas.housing", "1", "S8:proactive.key_areas_total;" BASE},
		{"proactive.channel.website", "0", "S9:proactive.items_total;" BASE},
		{"requests.closed", "3", "S2:requests.closed;S10:requests.answered;" BASE},
		{"requests.received", "1",
		"S1:requests.received;S11:requests.closed;S12:requests.received;" BASE},
		{"org.staff_total", "", BASE},	/* blank: S7 indeterminate */
	};
#undef BASE

	for (size_t i = 0; i < NELEM(cases); i++)
	{
		gr_report	r = seed("001");
		const char *got;

		if (!set(&r, "stats", cases[i].key, NULL, cases[i].val))
		{
			gr_test_check(false, __FILE__, __LINE__, "no stats cell %s", cases[i].key);
			continue;
		}
		got = check_summary(&r, NULL, NULL);
		gr_test_check(strcmp(got, cases[i].expect) == 0, __FILE__, __LINE__,
					  "%s = %s: got \"%s\", want \"%s\"", cases[i].key,
					  cases[i].val, got, cases[i].expect);
	}
}

TEST(rules_stats_channel_name)
{
	gr_report	r = seed("001");
	gr_violation *v;
	size_t		n;
	const gr_violation *x;

	REQUIRE(set(&r, "stats", "requests.received.fax", NULL, "1"));
	check_summary(&r, &v, &n);
	x = find_violation(v, n, "S1", "requests.received");
	REQUIRE(x != NULL);
	CHECK_EQ_INT(x->kind, GR_RULE_STRICT);
	CHECK_EQ_STR(x->message,
				 "statistics table, 收到申请数 against the channels: requests.received 3 "
				 "does not equal requests.received.in_person 0 + requests.received.fax 1 + "
				 "requests.received.online 2 + requests.received.letter 1 = 4 (off by 1)");
}

TEST(rules_narrative_parts)
{
	gr_report	r = seed("001");
	gr_violation *v;
	size_t		n;

	/* N1: consultations.total = on_site + phone */
	REQUIRE(set(&r, "narrative", "consultations.phone", NULL, "741"));
	check_summary(&r, &v, &n);
	CHECK(find_violation(v, n, "N1", "consultations.total") != NULL);
	/* N4: received = channels */
	r = seed("001");
	REQUIRE(set(&r, "narrative", "requests.received.letter", NULL, "2"));
	check_summary(&r, &v, &n);
	CHECK(find_violation(v, n, "N4", "requests.received") != NULL);
	/* N2: categories against the proactive total (000: 72 = 2 + 70) */
	r = seed("000");
	REQUIRE(set(&r, "narrative", "proactive.category.business_news", NULL, "69"));
	check_summary(&r, &v, &n);
	CHECK(find_violation(v, n, "N2", "proactive.items_total") != NULL);
	/* N1 (003-2017): 7 received = 6 granted + 1 not existing */
	r = seed("003-2017");
	REQUIRE(set(&r, "narrative", "requests.received", NULL, "8"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL), "N1:requests.received");
	/* N6: annex against the hall figure, 100% electronic */
	r = seed("003-2018");
	REQUIRE(set(&r, "annex", "proactive.items_total", NULL, "235"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL),
				 "N6:proactive.items_total;N6:proactive.full_text_electronic_items");
	r = seed("003-2016");
	REQUIRE(set(&r, "narrative", "proactive.hall_note", NULL, "586"));
	CHECK_EQ_STR(check_summary(&r, NULL, NULL),
				 "N3:proactive.category.work_news.pct;N6:proactive.hall_note");
	/* a lower bound ("50余名") may not exceed the table */
	r = seed("001");
	REQUIRE(set(&r, "narrative", "training.participants_approx", NULL, "52"));
	check_summary(&r, &v, &n);
	CHECK(find_violation(v, n, "S12", "training.participants_approx") != NULL);
}

/* ------------------------------------------------------------ cross-year */

TEST(rules_pairs_seed_lineage)
{
	gr_report	y18 = seed("003-2018");
	gr_report	y19 = seed("003-2019");
	gr_report	y20 = seed("003-2020");
	gr_report	y21 = seed("003-2021");
	gr_report	y22 = seed("003-2022");

	CHECK_EQ_STR(pair_summary(&y18, &y19, NULL, NULL), "");
	CHECK_EQ_STR(pair_summary(&y19, &y20, NULL, NULL), "");
	CHECK_EQ_STR(pair_summary(&y20, &y21, NULL, NULL), "");
	CHECK_EQ_STR(pair_summary(&y21, &y22, NULL, NULL), "");
}

TEST(rules_pairs_planted)
{
	gr_report	y18 = seed("003-2018");
	gr_report	y19 = seed("003-2019");
	gr_report	y20 = seed("003-2020");
	gr_report	y21 = seed("003-2021");
	gr_report	y22 = seed("003-2022");
	gr_violation *v;
	size_t		n;

	/* R13 per column, across the 2020 -> 2021 template switch */
	REQUIRE(set(&y21, "t3", "carried_over", "natural_person", "1"));
	REQUIRE(set(&y21, "t3", "carried_over", "total", "1"));
	CHECK_EQ_STR(pair_summary(&y20, &y21, &v, &n), "R13:natural_person;R13:total");
	CHECK_EQ_STR(v[0].message,
				 "table 3, column natural_person: carried_over 1 in the 2021 report does "
				 "not equal carried_forward 0 in the 2020 report (off by 1)");
	CHECK_EQ_INT(v[0].kind, GR_RULE_PLAUSIBILITY);

	/* R13 from an old-regime year: 4 received, 4 answered */
	REQUIRE(set(&y19, "t3", "carried_over", "total", "2"));
	CHECK_EQ_STR(pair_summary(&y18, &y19, &v, &n), "R13:total");
	CHECK_EQ_STR(v[0].message,
				 "table 3, column total: carried_over 2 in the 2019 report does not "
				 "equal what the 2018 report left open: requests.received 4 - "
				 "requests.answered 4 = 0 (off by 2)");

	/* R11 (2021 table 2 stock) */
	y21 = seed("003-2021");
	REQUIRE(set(&y22, "t2", "regulations", "in_force", "2"));
	CHECK_EQ_STR(pair_summary(&y21, &y22, &v, &n), "R11:regulations");
	CHECK_EQ_STR(v[0].message,
				 "table 2, row regulations: in_force 2 in 2022, but in_force 0 in 2021 "
				 "+ issued 0 - repealed 0 = 0 (off by 2)");
	REQUIRE(set(&y22, "t2", "regulations", "issued", "2"));
	CHECK_EQ_STR(pair_summary(&y21, &y22, NULL, NULL), "");

	/* R12 (2019 table 2 item counts) */
	y19 = seed("003-2019");
	REQUIRE(set(&y20, "t2", "licensing", "prev_items", "3"));
	CHECK_EQ_STR(pair_summary(&y19, &y20, NULL, NULL), "R12:licensing");
	REQUIRE(set(&y19, "t2", "licensing", "delta", "+3"));
	CHECK_EQ_STR(pair_summary(&y19, &y20, NULL, NULL), "");

	/* no R11 / R12 across the template switch */
	y20 = seed("003-2020");
	CHECK_EQ_STR(pair_summary(&y20, &y22, NULL, NULL), "");
}

/* ----------------------------------------------------------------- memory */

TEST(rules_out_of_memory)
{
	gr_report	r = seed("001");
	bool		done = false;

	REQUIRE(set(&r, "stats", "requests.received.fax", NULL, "1"));
	for (long k = 0; k < 400 && !done; k++)
	{
		gr_violation *v = NULL;
		size_t		n = 99;
		gr_error	err;
		gr_status	st;

		memset(&err, 0, sizeof(err));
		test_mem_fail_after(k);
		st = gr_check(&r, test_mem(), &v, &n, &err);
		test_mem_fail_after(-1);
		if (st == GR_OK)
		{
			CHECK_EQ_INT(n, 4);
			done = true;
		}
		else
		{
			CHECK_EQ_INT(st, GR_ERR_NOMEM);
			CHECK_EQ_INT(err.status, GR_ERR_NOMEM);
			CHECK(v == NULL && n == 0);
		}
	}
	CHECK(done);
}

/* ------------------------------------------------------------------ scale */

TEST(rules_many_cells)
{
	/* a pathological document: 60,000 cells, many of one key, deep and
	 * wide narrative hierarchies; the checker must stay O(n log n) */
	gr_report	r;
	size_t		cap = 0;
	char		key[64];
	gr_violation *v;
	size_t		n;

	memset(&r, 0, sizeof(r));
	r.format = GR_FMT_TEMPLATE_2021;
	r.year = 2021;
	for (int i = 0; i < 20000; i++)
	{
		snprintf(key, sizeof(key), "requests.received.c%d", i);
		add_cell(&r, &cap, "narrative", key, NULL, "1");
		snprintf(key, sizeof(key), "row%d", i);
		add_cell(&r, &cap, "t3", key, "total", "2");
		add_cell(&r, &cap, "t3", "granted", "natural_person", "1");
	}
	add_cell(&r, &cap, "narrative", "requests.received", NULL, "20000");
	CHECK_EQ_INT(gr_check(&r, test_mem(), &v, &n, NULL), GR_OK);
	/* 20,000 channels are more parts than a rule takes: indeterminate */
	CHECK_EQ_INT(n, 0);
}

/* N5: "是2009年主动公开政府信息的18倍" (437 / 27 = 16.19) and 同上年持平 */
TEST(rules_pair_n5_claims)
{
	gr_report	prev = seed("003-2009");
	gr_report	cur = seed("003-2010");
	gr_violation *v;
	size_t		n;
	const gr_violation *x;

	/* the printed seed: the factor fails, nothing else */
	CHECK_EQ_STR(pair_summary(&prev, &cur, &v, &n), "N5:proactive.items_total");
	x = find_violation(v, n, "N5", "proactive.items_total");
	REQUIRE(x != NULL);
	CHECK(strstr(x->message, "18 times the 2009 figure, but 437 / 27 = 16.185185") != NULL);
	CHECK(strstr(x->message, "16 rounded, 16 truncated") != NULL);

	/* 同上年持平 holds with the same part-time staff, fails with another */
	REQUIRE(append(&cur, "narrative", "staff.part_time_same_as_last_year", NULL, "1") != NULL);
	CHECK_EQ_STR(pair_summary(&prev, &cur, NULL, NULL), "N5:proactive.items_total");
	REQUIRE(set(&prev, "narrative", "staff.part_time", NULL, "2"));
	CHECK_EQ_STR(pair_summary(&prev, &cur, &v, &n),
				 "N5:proactive.items_total;N5:staff.part_time");

	/* a factor that fits, rounded or truncated, holds */
	REQUIRE(set(&cur, "narrative", "proactive.growth_factor_vs_2009", NULL, "16"));
	REQUIRE(set(&prev, "narrative", "staff.part_time", NULL, "1"));
	CHECK_EQ_STR(pair_summary(&prev, &cur, NULL, NULL), "");
	REQUIRE(set(&cur, "narrative", "proactive.growth_factor_vs_2009", NULL, "16.2"));
	find_cell(&cur, "narrative", "proactive.growth_factor_vs_2009", NULL)->decimals = 1;
	CHECK_EQ_STR(pair_summary(&prev, &cur, NULL, NULL), "");

	/* a claim about another year than the previous report's is not checked */
	prev.year = 2008;
	REQUIRE(set(&cur, "narrative", "proactive.growth_factor_vs_2009", NULL, "99"));
	CHECK_EQ_STR(pair_summary(&prev, &cur, NULL, NULL), "");
}
