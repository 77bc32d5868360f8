/*
 * test_find.c - gr_find (the substring search of the readers) finds what a
 * naive search finds, and reads nothing past the text (ASan).
 */
#include "gr_test.h"
#include "gr_util.h"
#include "test_mem.h"

#include <string.h>

/* The first occurrence, the obvious way. */
static const char *
naive_find(const char *s, size_t len, const char *needle)
{
	size_t		n = strlen(needle);

	for (size_t i = 0; n > 0 && i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

TEST(find_agrees_with_naive_search)
{
	/* characters that share lead and continuation bytes, and ASCII */
	static const char *const alpha[] = {
		"报", "告", "年", "度", "编", "制", "。", "a", "1", " ", "\xC2\xA0"
	};
	unsigned	seed = 12345;
	int			bad = 0;

	for (int round = 0; round < 4000; round++)
	{
		char		hay[256];
		char		needle[32];
		size_t		len = 0,
					nl = 0;
		int			nh,
					nn;

		seed = seed * 1103515245u + 12345u;
		nh = (int) (seed >> 16) % 24;
		for (int i = 0; i < nh; i++)
		{
			const char *c;

			seed = seed * 1103515245u + 12345u;
			c = alpha[(seed >> 16) % (sizeof(alpha) / sizeof(alpha[0]))];
			memcpy(hay + len, c, strlen(c));
			len += strlen(c);
		}
		seed = seed * 1103515245u + 12345u;
		nn = 1 + (int) (seed >> 16) % 3;
		for (int i = 0; i < nn; i++)
		{
			const char *c;

			seed = seed * 1103515245u + 12345u;
			c = alpha[(seed >> 16) % (sizeof(alpha) / sizeof(alpha[0]))];
			memcpy(needle + nl, c, strlen(c));
			nl += strlen(c);
		}
		needle[nl] = '\0';
		/* a fresh allocation of exactly len bytes: reads past it would show */
		{
			char	   *h = gr_alloc(test_mem(), len ? len : 1);

			REQUIRE(h != NULL);
			memcpy(h, hay, len);
			if (gr_find(h, len, needle) != naive_find(h, len, needle))
				bad++;
		}
	}
	CHECK_EQ_INT(bad, 0);
	CHECK(gr_find("报告", 6, "报告") != NULL);
	CHECK(gr_find("报告", 5, "报告") == NULL);
	CHECK(gr_find("x报告", 7, "告") != NULL);
	CHECK(gr_find("abc", 3, "") == NULL);
}
