/*
 * test_phrases.c - the one-pass phrase search (gr_phrases.h) finds exactly
 * what a naive search of each phrase finds.
 */
#include "gr_phrases.h"
#include "gr_test.h"

#include <stdio.h>
#include <string.h>

typedef struct hits
{
	int			n;
	int			id[4096];
	size_t		pos[4096];
	int			stop_after;		/* > 0: return false at that hit */
} hits;

static bool
record(void *ctx, int id, size_t pos)
{
	hits	   *h = ctx;

	if (h->n < 4096)
	{
		h->id[h->n] = id;
		h->pos[h->n] = pos;
	}
	h->n++;
	return !(h->stop_after > 0 && h->n >= h->stop_after);
}

/* Is (id, pos) among the hits? */
static bool
has_hit(const hits *h, int id, size_t pos)
{
	for (int i = 0; i < h->n && i < 4096; i++)
		if (h->id[i] == id && h->pos[i] == pos)
			return true;
	return false;
}

TEST(phrases_add_dedups_and_rejects)
{
	gr_phrases	ps;
	char		big[300];

	gr_phrases_init(&ps);
	CHECK_EQ_INT(gr_phrases_add(&ps, "上年结转"), 0);
	CHECK_EQ_INT(gr_phrases_add(&ps, "上年度结转"), 1);
	CHECK_EQ_INT(gr_phrases_add(&ps, "上年结转"), 0);	/* same text, same id */
	CHECK_EQ_INT(gr_phrases_add(&ps, ""), -1);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_EQ_INT(gr_phrases_add(&ps, big), -1);		/* longer than 255 bytes */
}

TEST(phrases_full_set)
{
	static char texts[GR_PHRASES_MAX + 1][16];
	gr_phrases	ps;

	gr_phrases_init(&ps);
	for (int i = 0; i < GR_PHRASES_MAX; i++)
	{
		snprintf(texts[i], sizeof(texts[i]), "p%d", i);
		CHECK_EQ_INT(gr_phrases_add(&ps, texts[i]), i);
	}
	snprintf(texts[GR_PHRASES_MAX], sizeof(texts[0]), "full");
	CHECK_EQ_INT(gr_phrases_add(&ps, texts[GR_PHRASES_MAX]), -1);
}

TEST(phrases_find_in_text_order)
{
	const char *text = "本年度新收政府信息公开申请12件，上年结转3件，无行政复议。";
	gr_phrases	ps;
	hits		h = {0};
	int			a,
				b,
				c,
				d;

	gr_phrases_init(&ps);
	a = gr_phrases_add(&ps, "新收政府信息公开申请");
	b = gr_phrases_add(&ps, "上年结转");
	c = gr_phrases_add(&ps, "无");
	d = gr_phrases_add(&ps, "不在文中");
	CHECK(gr_phrases_scan(&ps, text, strlen(text), record, &h));
	REQUIRE_EQ_INT(h.n, 3);
	CHECK_EQ_INT(h.id[0], a);
	CHECK_EQ_INT(h.pos[0], strstr(text, "新收") - text);
	CHECK_EQ_INT(h.id[1], b);
	CHECK_EQ_INT(h.pos[1], strstr(text, "上年结转") - text);
	CHECK_EQ_INT(h.id[2], c);
	CHECK_EQ_INT(h.pos[2], strstr(text, "无") - text);
	CHECK(!has_hit(&h, d, 0));
}

TEST(phrases_overlapping_and_at_the_end)
{
	const char *text = "aaa结转";
	gr_phrases	ps;
	hits		h = {0};
	int			aa,
				jz;

	gr_phrases_init(&ps);
	aa = gr_phrases_add(&ps, "aa");
	jz = gr_phrases_add(&ps, "结转");
	CHECK(gr_phrases_scan(&ps, text, strlen(text), record, &h));
	REQUIRE_EQ_INT(h.n, 3);
	CHECK(has_hit(&h, aa, 0));
	CHECK(has_hit(&h, aa, 1));			/* occurrences may overlap */
	CHECK(has_hit(&h, jz, 3));			/* the last bytes of the text */
	/* a phrase cut by the end of the text is not found */
	h.n = 0;
	CHECK(gr_phrases_scan(&ps, text, strlen(text) - 1, record, &h));
	CHECK_EQ_INT(h.n, 2);
}

TEST(phrases_one_byte_and_ascii)
{
	const char *text = "x=1, y=22; 0";
	gr_phrases	ps;
	hits		h = {0};

	gr_phrases_init(&ps);
	(void) gr_phrases_add(&ps, "2");
	(void) gr_phrases_add(&ps, "0");
	CHECK(gr_phrases_scan(&ps, text, strlen(text), record, &h));
	CHECK_EQ_INT(h.n, 3);
	h.n = 0;
	CHECK(gr_phrases_scan(&ps, "2", 1, record, &h));	/* a one-byte text */
	CHECK_EQ_INT(h.n, 1);
}

TEST(phrases_scan_stops_when_told)
{
	const char *text = "无无无无";
	gr_phrases	ps;
	hits		h = {0};

	gr_phrases_init(&ps);
	(void) gr_phrases_add(&ps, "无");
	h.stop_after = 2;
	CHECK(!gr_phrases_scan(&ps, text, strlen(text), record, &h));
	CHECK_EQ_INT(h.n, 2);
}

/*
 * Random text over a small alphabet of CJK characters, ASCII and
 * punctuation, and random phrases from it: every occurrence a naive search
 * finds (at a character boundary) is reported, and nothing else.
 */
TEST(phrases_agree_with_naive_search)
{
	static const char *const alphabet[] = {
		"上", "年", "结", "转", "无", "申", "请", "件", "，", "。", "1", "2", " ",
		"國", "\xF0\x9F\x98\x80"
	};
	const int	na = (int) (sizeof(alphabet) / sizeof(alphabet[0]));
	unsigned	seed = 12345;

	for (int round = 0; round < 200; round++)
	{
		char		text[2048];
		size_t		len = 0;
		size_t		starts[1024];
		int			nstarts = 0;
		char		phr[24][32];
		int			ids[24];
		int			np;
		gr_phrases	ps;
		hits		h = {0};
		int			expected = 0;

		/* the text, remembering character boundaries */
		for (int k = 0; k < 300; k++)
		{
			const char *c;

			seed = seed * 1103515245u + 12345u;
			c = alphabet[(seed >> 16) % (unsigned) na];
			starts[nstarts++] = len;
			memcpy(text + len, c, strlen(c));
			len += strlen(c);
		}
		/* phrases: 1-4 random characters each */
		seed = seed * 1103515245u + 12345u;
		np = 1 + (int) ((seed >> 16) % 24);
		gr_phrases_init(&ps);
		for (int p = 0; p < np; p++)
		{
			int			nc;

			seed = seed * 1103515245u + 12345u;
			nc = 1 + (int) ((seed >> 16) % 4);
			phr[p][0] = '\0';
			for (int k = 0; k < nc; k++)
			{
				seed = seed * 1103515245u + 12345u;
				strcat(phr[p], alphabet[(seed >> 16) % (unsigned) na]);
			}
			ids[p] = gr_phrases_add(&ps, phr[p]);
			REQUIRE(ids[p] >= 0);
		}
		CHECK(gr_phrases_scan(&ps, text, len, record, &h));
		REQUIRE(h.n <= 4096);
		/* every hit is an occurrence at a character boundary */
		for (int i = 0; i < h.n; i++)
		{
			const char *t = ps.text[h.id[i]];
			bool		boundary = false;

			for (int k = 0; k < nstarts; k++)
				boundary |= starts[k] == h.pos[i];
			CHECK(boundary);
			CHECK(h.pos[i] + strlen(t) <= len &&
				  memcmp(text + h.pos[i], t, strlen(t)) == 0);
			if (i > 0)
				CHECK(h.pos[i] >= h.pos[i - 1]);
		}
		/* and every occurrence is a hit (distinct phrases counted once) */
		for (int p = 0; p < np; p++)
		{
			bool		dup = false;

			for (int q = 0; q < p; q++)
				dup |= ids[q] == ids[p];
			if (dup)
				continue;
			for (int k = 0; k < nstarts; k++)
				if (starts[k] + strlen(phr[p]) <= len &&
					memcmp(text + starts[k], phr[p], strlen(phr[p])) == 0)
				{
					expected++;
					CHECK(has_hit(&h, ids[p], starts[k]));
				}
		}
		CHECK_EQ_INT(h.n, expected);
	}
}
