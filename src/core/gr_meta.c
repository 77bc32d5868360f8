/*
 * gr_meta.c - agency and report year (domain.md 5.1).
 *
 * Works on the raw prose lines of one report; only short spans are
 * compared.  The year comes from the title, the statistics period, "编制的
 * YYYY年度", a table caption "（YYYY年度）" or the first sentence, in that
 * order: never from the signing date, the 2008 start of the regulation or
 * next year's plans.
 */
#include "gr_build.h"
#include "gr_phrases.h"
#include "gr_text.h"
#include "gr_util.h"

#include <pthread.h>
#include <string.h>

#define MAX_AGENCY_BYTES 180

/* Read 4 ASCII or full-width digits at s (before end); -1 if none. */
static int
read_year_digits(const char *s, const char *end, const char **after)
{
	int			y = 0;
	size_t		i = 0;
	size_t		len = (size_t) (end - s);

	for (int k = 0; k < 4; k++)
	{
		uint32_t	c;

		if (i >= len)
			return -1;
		c = gr_utf8_next(s, len, &i);
		if (c >= '0' && c <= '9')
			y = y * 10 + (int) (c - '0');
		else if (c >= 0xFF10 && c <= 0xFF19)
			y = y * 10 + (int) (c - 0xFF10);
		else
			return -1;
	}
	if (i < len)
	{
		size_t		j = i;
		uint32_t	c = gr_utf8_next(s, len, &j);

		if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
			return -1;
	}
	*after = s + i;
	return (y >= 1990 && y <= 2100) ? y : -1;
}

/* The first "YYYY年" in [s, end): year, with *at = its start, *after past 年 */
static int
find_year_nian(const char *s, const char *end, const char **at, const char **after)
{
	for (const char *p = s; p < end; p++)
	{
		const char *a;
		int			y;

		if (p > s && ((p[-1] >= '0' && p[-1] <= '9')))
			continue;
		y = read_year_digits(p, end, &a);
		if (y > 0 && (size_t) (end - a) >= 3 && memcmp(a, "年", 3) == 0)
		{
			*at = p;
			*after = a + 3;
			return y;
		}
	}
	return -1;
}

static void
trim_span(const char **b, const char **e)
{
	for (;;)
	{
		size_t		i = 0;
		uint32_t	c;

		if (*b >= *e)
			return;
		c = gr_utf8_next(*b, (size_t) (*e - *b), &i);
		if (!gr_is_space(c))
			break;
		*b += i;
	}
	while (*e > *b)
	{
		const char *q = *e - 1;
		size_t		i = 0;

		while (q > *b && ((unsigned char) *q & 0xC0) == 0x80)
			q--;
		if (!gr_is_space(gr_utf8_next(q, (size_t) (*e - q), &i)))
			break;
		*e = q;
	}
}

/* Skip a Word "[bookmark: _GoBack]" artefact at the start of a line. */
static const char *
skip_bookmark(const char *s, const char *e)
{
	if ((size_t) (e - s) > 10 && memcmp(s, "[bookmark:", 10) == 0)
	{
		const char *c = memchr(s, ']', (size_t) (e - s));

		if (c)
			return c + 1;
	}
	return s;
}

static bool
set_agency(gr_build *b, const char *s, const char *e)
{
	trim_span(&s, &e);
	/* strip trailing punctuation such as "，" */
	if (s >= e || (size_t) (e - s) > MAX_AGENCY_BYTES)
		return true;
	b->r->agency = gr_strndup(b->mem, s, (size_t) (e - s));
	return b->r->agency != NULL;
}

/*
 * A title: "<agency>YYYY年(度)政府信息公开(工作)年度报告" or
 * "YYYY年(度)<agency>政府信息公开(工作)年度报告", possibly over two lines;
 * a line holding only the agency may stand above.
 */
static bool
read_title(gr_build *b, const char *s, const char *e, const char *prev_b,
		   const char *prev_e, int *year)
{
	const char *at,
			   *after,
			   *gi;
	int			y;

	trim_span(&s, &e);
	if ((size_t) (e - s) < 12 || memcmp(e - 6, "报告", 6) != 0)
		return false;
	gi = gr_find(s, (size_t) (e - s), "政府信息公开");
	if (!gi)
		return false;
	y = find_year_nian(s, e, &at, &after);
	if (y < 0 || at > gi)
		return false;
	*year = y;
	if (b->r->agency)
		return true;
	if (at > s)
		return set_agency(b, s, at);
	if ((size_t) (e - after) >= 3 && memcmp(after, "度", 3) == 0)
		after += 3;
	if (gi > after)
		return set_agency(b, after, gi);
	if (prev_b && prev_e > prev_b && (size_t) (prev_e - prev_b) <= MAX_AGENCY_BYTES)
	{
		const char *x;

		/* the line above holds the agency alone */
		if (find_year_nian(prev_b, prev_e, &x, &x) < 0)
			return set_agency(b, prev_b, prev_e);
	}
	return true;
}

/* The phrases of a prose line that point to a year or the agency. */
enum
{
	M_PERIOD,					/* 统计期限自YYYY年 */
	M_COMPILED,					/* 由<agency>编制的YYYY年度 */
	M_RECEIVED,					/* YYYY年…收到政府信息公开申请 */
	M_PROACTIVE,				/* YYYY年…主动公开政府信息 */
	M_FEE,						/* YYYY年度…信息处理费 */
	M_NPHRASES
};

static const char *const meta_phrases[M_NPHRASES] = {
	"统计期限", "编制的", "收到政府信息公开申请", "主动公开政府信息", "信息处理费"
};

/*
 * Their phrase set (ids are the M_ values): built once per process, like
 * the narrative reader's (pthread_once; read-only once built), not per
 * report.
 */
static gr_phrases meta_ph;
static pthread_once_t meta_ph_once = PTHREAD_ONCE_INIT;

static void
meta_ph_build(void)
{
	gr_phrases_init(&meta_ph);
	for (int k = 0; k < M_NPHRASES; k++)
		(void) gr_phrases_add(&meta_ph, meta_phrases[k]);
}

typedef struct meta_hits
{
	const char *s;
	const char *first[M_NPHRASES];	/* first occurrence in the line */
} meta_hits;

static bool
meta_hit(void *ctx, int id, size_t pos)
{
	meta_hits  *mh = ctx;

	if (!mh->first[id])
		mh->first[id] = mh->s + pos;
	return true;
}

gr_status
gr_read_metadata(gr_build *b)
{
	int			title_year = -1,
				period_year = -1,
				compiled_year = -1,
				caption_year = -1,
				first_year = -1,
				fee_year = -1,
				figure_year = -1;
	const char *prev_b = NULL,
			   *prev_e = NULL;
	int			prose_seen = 0;
	bool		title_done = false;
	meta_hits	mh;

	/* the phrases every prose line is searched for, in one pass per line */
	pthread_once(&meta_ph_once, meta_ph_build);

	for (size_t i = b->from; i < b->to; i++)
	{
		const gr_item *it = &b->items->v[i];
		const char *s = b->buf + it->off;
		const char *e = s + it->len;
		const char *p,
				   *at,
				   *after;
		int			y;

		if (it->kind != GR_ITEM_PROSE)
		{
			/* a caption "（2017年度）" may sit in a cell too */
			if (caption_year < 0 && it->len < 40 &&
				(p = gr_find(s, it->len, "年度")) != NULL &&
				(y = find_year_nian(s, e, &at, &after)) > 0 && after == p + 3)
				caption_year = y;
			continue;
		}
		s = skip_bookmark(s, e);

		/* the title: within the first prose lines, possibly split in two */
		if (!title_done && prose_seen < 6)
		{
			int			ty;

			if (read_title(b, s, e, prev_b, prev_e, &ty))
			{
				title_year = ty;
				title_done = true;
			}
			else if (i + 1 < b->to && b->items->v[i + 1].kind == GR_ITEM_PROSE)
			{
				/* "2020年北京市丰台区政府信息公开" + "工作年度报告" */
				const gr_item *n = &b->items->v[i + 1];
				char		joined[600];
				size_t		l1 = (size_t) (e - s);

				if (l1 + n->len < sizeof(joined) && n->len <= 30)
				{
					memcpy(joined, s, l1);
					memcpy(joined + l1, b->buf + n->off, n->len);
					if (read_title(b, joined, joined + l1 + n->len, prev_b, prev_e, &ty))
					{
						/* agency points into joined: copy made by set_agency */
						title_year = ty;
						title_done = true;
					}
				}
			}
			prev_b = s;
			prev_e = e;
			trim_span(&prev_b, &prev_e);
		}
		prose_seen++;

		for (int k = 0; k < M_NPHRASES; k++)
			mh.first[k] = NULL;
		mh.s = s;
		(void) gr_phrases_scan(&meta_ph, s, (size_t) (e - s), meta_hit, &mh);

		/* 统计期限自YYYY年1月1日 */
		if (period_year < 0 && (p = mh.first[M_PERIOD]) != NULL &&
			(y = find_year_nian(p, e, &at, &after)) > 0 && at - p < 30)
			period_year = y;

		/* 由<agency>(以下简称…)编制的YYYY年度 */
		if ((p = mh.first[M_COMPILED]) != NULL)
		{
			const char *q = p + strlen("编制的");

			if (compiled_year < 0 && (y = read_year_digits(q, e, &after)) > 0)
				compiled_year = y;
			if (!b->r->agency)
			{
				const char *you = NULL;

				/* the last 由 before 编制的 */
				for (const char *x = s; x + 3 <= p; x++)
					if (memcmp(x, "由", 3) == 0)
						you = x;
				if (you)
				{
					const char *ae = p;
					const char *paren = gr_find(you, (size_t) (p - you), "(以下简称");

					if (!paren)
						paren = gr_find(you, (size_t) (p - you), "（以下简称");
					if (paren)
						ae = paren;
					if (!set_agency(b, you + 3, ae))
						return GR_ERR_NOMEM;
				}
			}
		}

		/* first sentence "YYYY年,<agency>(以下简称…)" */
		if ((first_year < 0 || !b->r->agency) &&
			(y = read_year_digits(s, e, &after)) > 0 &&
			(size_t) (e - after) > 6 && memcmp(after, "年", 3) == 0)
		{
			const char *q = after + 3;

			if (*q == ',' || ((size_t) (e - q) >= 3 && memcmp(q, "，", 3) == 0))
			{
				const char *paren;

				q += (*q == ',') ? 1 : 3;
				paren = gr_find(q, (size_t) (e - q), "(以下简称");
				if (!paren)
					paren = gr_find(q, (size_t) (e - q), "（以下简称");
				if (paren && paren - q <= MAX_AGENCY_BYTES)
				{
					if (first_year < 0)
						first_year = y;
					if (!b->r->agency && !set_agency(b, q, paren))
						return GR_ERR_NOMEM;
				}
			}
		}

		/*
		 * Last resort for narratives: the year that opens the sentence of
		 * a request or disclosure figure ("2016年度共收到政府信息公开申请",
		 * "本中心2009年共主动公开政府信息"), never "2008年5月1日起".
		 */
		if (figure_year < 0)
		{
			const char *t = mh.first[M_RECEIVED];

			if (!t)
				t = mh.first[M_PROACTIVE];
			if (t)
			{
				const char *ss = s;

				/* the sentence holding t */
				for (const char *q = s; q + 3 <= t; q++)
					if (memcmp(q, "。", 3) == 0 || memcmp(q, "；", 3) == 0 || *q == ';')
						ss = q + (*q == ';' ? 1 : 3);
				if ((y = find_year_nian(ss, t, &at, &after)) > 0 &&
					!((size_t) (t - after) >= 1 && (after[0] >= '0' && after[0] <= '9')))
					figure_year = y;
			}
		}

		/* "2022年度指挥中心收取信息处理费情况" */
		if (fee_year < 0 && (p = mh.first[M_FEE]) != NULL &&
			(y = read_year_digits(s, e, &after)) > 0 &&
			(size_t) (e - after) >= 6 && memcmp(after, "年度", 6) == 0)
			fee_year = y;

		/* the title's year wins and the agency is kept once set: done */
		if (title_year > 0 && b->r->agency)
			break;
	}

	if (title_year > 0)
		b->r->year = title_year;
	else if (period_year > 0)
		b->r->year = period_year;
	else if (compiled_year > 0)
		b->r->year = compiled_year;
	else if (caption_year > 0)
		b->r->year = caption_year;
	else if (first_year > 0)
		b->r->year = first_year;
	else if (fee_year > 0)
		b->r->year = fee_year;
	else if (figure_year > 0)
		b->r->year = figure_year;
	return GR_OK;
}
