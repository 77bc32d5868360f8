/*
 * test_mem_util.c - tests of the test allocator and of the core's
 * allocation and formatting helpers (gr_util.h).
 */
#include "gr_test.h"
#include "test_mem.h"

#include "gr_util.h"

#include <stdint.h>
#include <string.h>

TEST(mem_tracks_and_frees)
{
	gr_mem	   *m = test_mem();
	char	   *a = gr_alloc(m, 10);
	char	   *b = gr_alloc(m, 0);

	REQUIRE(a != NULL);
	REQUIRE(b != NULL);
	CHECK_EQ_INT(test_mem_live(), 2);
	CHECK_EQ_INT(((uintptr_t) a) % 16, 0);
	for (int i = 0; i < 10; i++)
		CHECK_EQ_INT(a[i], 0);
	gr_free(m, a);
	CHECK_EQ_INT(test_mem_live(), 1);
	/* b is left for test_mem_reset(), as an arena-style core would */
}

TEST(mem_fail_after)
{
	gr_mem	   *m = test_mem();

	test_mem_fail_after(1);
	CHECK(gr_alloc(m, 8) != NULL);
	CHECK(gr_alloc(m, 8) == NULL);
	CHECK(gr_strdup(m, "x") == NULL);
	test_mem_fail_after(-1);
	CHECK(gr_alloc(m, 8) != NULL);
}

TEST(alloc_array_overflow)
{
	gr_mem	   *m = test_mem();

	CHECK(gr_alloc_array(m, SIZE_MAX / 2, 4) == NULL);
	CHECK(gr_alloc_array(m, 4, 4) != NULL);
}

TEST(strndup_and_printf)
{
	gr_mem	   *m = test_mem();
	char	   *s = gr_strndup(m, "abcdef", 3);
	char	   *p = gr_printf(m, "%s-%d", "t3", 7);

	CHECK_EQ_STR(s, "abc");
	CHECK_EQ_STR(p, "t3-7");
	CHECK_EQ_STRN("abcdef", 3, "abc");
}

TEST(grow_keeps_contents)
{
	gr_mem	   *m = test_mem();
	int		   *arr = NULL;
	size_t		cap = 0;

	for (int i = 0; i < 100; i++)
	{
		REQUIRE(gr_grow(m, (void **) &arr, &cap, (size_t) i + 1, sizeof(int)));
		arr[i] = i * 3;
	}
	CHECK(cap >= 100);
	CHECK_EQ_INT(arr[0], 0);
	CHECK_EQ_INT(arr[99], 297);
	CHECK(!gr_grow(m, (void **) &arr, &cap, SIZE_MAX / 2, sizeof(int)));
	CHECK_EQ_INT(arr[50], 150);
}

TEST(grow_fails_cleanly_without_memory)
{
	gr_mem	   *m = test_mem();
	int		   *arr = NULL;
	size_t		cap = 0;

	test_mem_fail_after(0);
	CHECK(!gr_grow(m, (void **) &arr, &cap, 1, sizeof(int)));
	CHECK(arr == NULL);
	CHECK_EQ_INT(cap, 0);
}

TEST(warn_appends)
{
	gr_mem	   *m = test_mem();
	gr_report	r;
	size_t		cap = 0;

	memset(&r, 0, sizeof(r));
	CHECK(gr_warn(m, &r, &cap, "blank cell at %s", "t3"));
	CHECK(gr_warn(m, &r, &cap, "second"));
	REQUIRE_EQ_INT(r.nwarnings, 2);
	CHECK_EQ_STR(r.warnings[0], "blank cell at t3");
	CHECK_EQ_STR(r.warnings[1], "second");
}

TEST(fail_sets_error)
{
	gr_error	err;

	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(gr_fail(&err, GR_ERR_NOT_REPORT, 12, "no report",
						 "Looked for %s.", "table 3"), GR_ERR_NOT_REPORT);
	CHECK_EQ_INT(err.status, GR_ERR_NOT_REPORT);
	CHECK_EQ_INT(err.offset, 12);
	CHECK_EQ_STR(err.message, "no report");
	CHECK_EQ_STR(err.detail, "Looked for table 3.");
	CHECK_EQ_INT(gr_fail(NULL, GR_ERR_ICU, 0, "x", NULL), GR_ERR_ICU);
}

TEST(dec_format)
{
	char		buf[48];

	gr_dec_format((gr_dec) 0, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "0");
	gr_dec_format((gr_dec) -5000000, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "-5");
	gr_dec_format((gr_dec) 32694325300LL, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "32694.3253");
	gr_dec_format((gr_dec) 500000, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "0.5");
	gr_dec_format((gr_dec) -1, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "-0.000001");
	gr_dec_format((gr_dec) INT64_MAX * 1000000, buf, sizeof(buf));
	CHECK_EQ_STR(buf, "9223372036854775807");
}

TEST(utf8_chars)
{
	CHECK_EQ_INT(gr_utf8_chars("", 0), 0);
	CHECK_EQ_INT(gr_utf8_chars("abc", 3), 3);
	/* "总计" is two characters in six bytes */
	CHECK_EQ_INT(gr_utf8_chars("\xe6\x80\xbb\xe8\xae\xa1", 6), 2);
	CHECK_EQ_INT(gr_utf8_chars("a\xe6\x80\xbb" "b", 5), 3);
}

TEST(warnings_never_cut_a_character)
{
	gr_report	r;
	size_t		cap = 0;
	const char *cut = "件件";		/* 6 bytes: cut after 4 */

	memset(&r, 0, sizeof(r));
	REQUIRE(gr_warn(test_mem(), &r, &cap, "\"%.*s\" is not a number", 4, cut));
	CHECK_EQ_STR(r.warnings[0], "\"件\" is not a number");
	REQUIRE(gr_warn(test_mem(), &r, &cap, "%s", "a\xff" "b\xe4\xbb"));
	CHECK_EQ_STR(r.warnings[1], "ab");
}
