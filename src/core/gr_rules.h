/*
 * gr_rules.h - reconciliation rules (勾稽关系) of domain.md section 4.
 *
 * Pure C like the rest of the core: no postgres.h, memory only through
 * gr_mem, no mutable globals (the rule catalogue is a const table), exact
 * arithmetic on gr_dec (value * 10^6 in an __int128), no floating point.
 *
 * What is checked
 * ---------------
 * gr_check() evaluates every single-report rule that applies to the
 * report's format and returns the FAILING ones only:
 *
 *   template_2019 / template_2021   R1-R10, R14-R17 (R4/R5 only where the
 *                                   subtotal row / column is printed)
 *   stats_table_pre2019             S1-S12
 *   every format                    R16, N1-N4, N6 (on tbl 'narrative' and
 *                                   'annex' cells); percentages are R15 in
 *                                   template reports and N3 elsewhere
 *
 * gr_check_pair(prev, cur) evaluates the cross-year rules R11, R12, R13
 * and N5 (claims in the current report's prose about the previous year:
 * "<key>_same_as_last_year" cells from 同上年持平, and
 * "<prefix>.growth_factor_vs_<year>" cells from "是2009年…的18倍", whose
 * base is <prefix>.items_total; the factor holds rounded half-up or
 * truncated at its printed precision).
 *
 * A rule whose operand cell is absent, blank (has_value = false) or not
 * exactly representable (num_ok = false) is indeterminate and not reported.
 *
 * Scopes
 * ------
 *   R1, R2, R13           applicant column: 'natural_person' ... 'total'
 *   R3, R5                table-3 row key: 'granted', 'unable.not_held'
 *   R4                    'group/column': 'denied/natural_person'
 *   R6, R7, R8            table-4 row: 'review', 'litigation_direct', ...
 *   R9                    'tbl/row/column': 't3/granted/natural_person'
 *   R10, R11, R12         table-2 row key: 'normative_docs', 'licensing'
 *   R14, R15, S12, N*     the narrative (or annex) key checked:
 *                         'requests.received', 'proactive.category.x.pct'
 *   S1-S11                the statistics-table key of the total checked
 *   R16, R17              'report'
 *
 * lhs / rhs are the two sides of the formula as written in the catalogue
 * (for R9 and R16 only lhs is set: the offending value / the year).
 *
 * Percentages (R15 / N3): the convention
 * --------------------------------------
 * A percentage is a narrative cell whose row_key ends in ".pct" (the
 * narrative parser flags it GR_CELL_PERCENT and sets `decimals` to the
 * printed precision).  Its PART is the narrative cell with the same key
 * minus ".pct".  Its WHOLE is found by walking up the part's key, nearest
 * ancestor first: for each ancestor A try the narrative cells A, A.total,
 * A.items_total; for proactive shares finally proactive.external_website.
 * Examples: requests.answered.unclear.pct -> 1 / requests.answered;
 * consultations.phone.pct -> consultations.phone / consultations.total;
 * proactive.category.planning.pct -> proactive.category.planning /
 * proactive.items_total.  A percentage holds when the printed value p with
 * d decimals equals round-half-up(100*part/whole, d) or
 * truncate(100*part/whole, d).  Keys ending in "_pct" without a dot
 * (proactive.full_text_electronic_rate_pct) are rates, not shares.
 *
 * Narrative hierarchy (N1, N4): a narrative cell P and its direct children
 * P.x (or, for P = X.total, the cells X.x) with the same unit: two or more
 * children must add up to P, a single child must not exceed P (more than
 * 48 parts: indeterminate).  Children of requests.received are channels
 * (N4); without a requests.answered total, the requests.answered.x types
 * are the parts of requests.received.  The outcome groups outcome.x add up
 * to requests.closed (else requests.answered) when all six are listed, and
 * do not exceed it otherwise; requests.received = requests.closed +
 * requests.carried_forward must hold under one reading of 收到.  Lower-bound
 * cells (GR_CELL_APPROX or a key ending "_approx", "50余") only take part as
 * "<=".
 *
 * Other narrative conventions: N2 compares proactive.category.x with
 * proactive.items_total (=, with two or more categories) or, without it,
 * with proactive.external_website (<=), and proactive.hall <= items_total.
 * N6 compares annex cells with the narrative cell of the same key (the
 * annex proactive.items_total with narrative proactive.hall when present),
 * annex full_text_electronic_items with items_total when the narrative
 * proactive.full_text_electronic_rate_pct is 100, and a narrative K_note /
 * K_note_total with K.  R14 maps requests.{new_received, carried_over,
 * carried_forward} to the table-3 row, requests.{closed, answered} to
 * processed_total, requests.<flow>.<applicant> to that column, outcome.<g>
 * to the sum of group g's reason rows (or row g), review.total,
 * litigation.total and review_and_litigation.total to table 4.  S12 maps a
 * narrative key to the statistics-table cell of the same key, or through a
 * short alias list (staff.* -> org.staff_*, training.sessions ->
 * training.courses, requests.answered.unclear -> asked_to_amend, ...).
 */
#ifndef GR_RULES_H
#define GR_RULES_H

#include "gr_core.h"

typedef enum gr_rule_kind
{
	GR_RULE_STRICT = 0,			/* identity by definition: reject */
	GR_RULE_PLAUSIBILITY		/* expected to hold: report, do not reject */
} gr_rule_kind;

/* bit of a format in gr_rule.formats */
#define GR_FMT_BIT(f)		(1u << (unsigned) (f))
#define GR_FMTS_TEMPLATES	(GR_FMT_BIT(GR_FMT_TEMPLATE_2021) | GR_FMT_BIT(GR_FMT_TEMPLATE_2019))
#define GR_FMTS_ALL			(GR_FMTS_TEMPLATES | GR_FMT_BIT(GR_FMT_STATS_PRE2019) | GR_FMT_BIT(GR_FMT_NARRATIVE))

typedef struct gr_rule
{
	const char *id;				/* "R1" ... "R17", "S1" ... "S12", "N1" ... "N6" */
	gr_rule_kind kind;
	unsigned	formats;		/* GR_FMT_BIT mask of the formats it applies to */
	bool		cross_year;		/* needs two reports (gr_check_pair) */
	bool		evaluated;		/* false: catalogued only */
	const char *formula;
	const char *description_zh;
	const char *description_en;
} gr_rule;

/* The catalogue, in rule order (R, S, N); *n = number of rules. */
const gr_rule *gr_rules(size_t *n);

/* Rule by id, or NULL. */
const gr_rule *gr_rule_find(const char *id);

/* "strict" / "plausibility" */
const char *gr_rule_kind_name(gr_rule_kind k);

typedef struct gr_violation
{
	const char *rule;			/* static rule id */
	gr_rule_kind kind;
	const char *scope;			/* see "Scopes" above */
	bool		has_lhs;
	gr_dec		lhs;
	bool		has_rhs;
	gr_dec		rhs;
	const char *message;		/* English sentence naming cells and arithmetic */
} gr_violation;

/*
 * Every failing single-report rule.  *out is allocated from mem (NULL when
 * *n = 0).  GR_ERR_NOMEM on allocation failure.
 */
gr_status	gr_check(const gr_report *r, gr_mem *mem, gr_violation **out,
					 size_t *n, gr_error *err);

/*
 * Failing cross-year rules R11, R12, R13 between the report of the
 * previous year (prev) and the current one (cur) of the same body.  The
 * caller pairs the reports; the years are only used in messages.  When prev
 * is not a template report, R13 compares cur's carried_over total with
 * prev's received minus answered (statistics table or narrative).
 */
gr_status	gr_check_pair(const gr_report *prev, const gr_report *cur,
						  gr_mem *mem, gr_violation **out, size_t *n,
						  gr_error *err);

/* True when none of v[0..n) is a strict rule. */
bool		gr_violations_consistent(const gr_violation *v, size_t n);

/* *consistent = no strict rule fails for r. */
gr_status	gr_is_consistent(const gr_report *r, gr_mem *mem, bool *consistent,
							 gr_error *err);

/*
 * Exact decimal text ("-5", "1092", "32694.3253", "+3", "0.500000000")
 * to gr_dec.  False when the text is not a plain decimal, has non-zero
 * digits beyond GR_DEC_SCALE or does not fit.
 */
bool		gr_dec_from_text(const char *s, size_t len, gr_dec *out);

#endif							/* GR_RULES_H */
