/*
 * test_find.c - gr_find (the substring search of the readers) finds what a
 * naive search finds, and reads nothing past the text (ASan).
 */
#include "gr_test.h"
#include "gr_util.h"
#include "test_mem.h"
#include "test_util.h"

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
	const size_t nalpha = sizeof(alpha) / sizeof(alpha[0]);
	unsigned	seed = 12345;
	int			bad = 0;

	for (int round = 0; round < 4000; round++)
	{
		char		hay[256];
		char		needle[32];
		size_t		len,
					nl;
		char	   *h;

		len = test_random_pieces(&seed, alpha, nalpha, (int) (test_rand(&seed) % 24), hay);
		nl = test_random_pieces(&seed, alpha, nalpha, 1 + (int) (test_rand(&seed) % 3), needle);
		needle[nl] = '\0';
		/* a fresh allocation of exactly len bytes: reads past it would show */
		h = gr_alloc(test_mem(), len ? len : 1);
		REQUIRE(h != NULL);
		memcpy(h, hay, len);
		if (gr_find(h, len, needle) != naive_find(h, len, needle))
			bad++;
	}
	CHECK_EQ_INT(bad, 0);
	CHECK(gr_find("报告", 6, "报告") != NULL);
	CHECK(gr_find("报告", 5, "报告") == NULL);
	CHECK(gr_find("x报告", 7, "告") != NULL);
	CHECK(gr_find("abc", 3, "") == NULL);
}

/*
 * The word-at-a-time byte tests of gr_util.h against a byte-by-byte
 * reading: gr_bytes_eq_exact flags exactly the bytes equal to b;
 * gr_bytes_eq flags every such byte's lowest one exactly and never a byte
 * below it that is not equal (a borrow may flag bytes above).
 */
TEST(bytes_eq_against_bytes)
{
	unsigned	seed = 2026;
	int			bad_exact = 0,
				bad_low = 0;

	for (int round = 0; round < 200000; round++)
	{
		unsigned char bytes[8];
		unsigned char b = (unsigned char) test_rand(&seed);
		uint64_t	v;
		uint64_t	want = 0;

		for (int k = 0; k < 8; k++)
		{
			/* often b itself, b +- 1, 0x80 and 0x00: the borrow cases */
			static const int near[] = {0, 1, -1, 0x80, 0};
			unsigned	r = test_rand(&seed) % 10;

			bytes[k] = r < 5 ? (unsigned char) (b + near[r]) :
				r == 5 ? 0 : (unsigned char) test_rand(&seed);
			if (bytes[k] == b)
				want |= (uint64_t) 0x80 << (8 * k);
		}
		v = gr_load_le64(bytes);
		if (gr_bytes_eq_exact(v, b) != want)
			bad_exact++;
		{
			uint64_t	m = gr_bytes_eq(v, b);

			if ((m == 0) != (want == 0) ||
				(want && (m & -m) != (want & -want)) ||
				(m & ~0x8080808080808080u))
				bad_low++;
		}
	}
	CHECK_EQ_INT(bad_exact, 0);
	CHECK_EQ_INT(bad_low, 0);
}
