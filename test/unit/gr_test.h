/*
 * gr_test.h - a tiny unit test framework for the govreport core.
 *
 * Each test file includes this header and defines its tests with TEST();
 * they register themselves at program start (a constructor per test), so
 * adding a file test/unit/test_*.c is all it takes.  test_main.c holds
 * main(), runs the tests in file and line order, and ends with the line
 * "unit: N passed, N failed", counting assertions.
 *
 *	TEST(dec_format_negative)
 *	{
 *		char		buf[48];
 *
 *		gr_dec_format((gr_dec) -5000000, buf, sizeof(buf));
 *		CHECK_EQ_STR(buf, "-5");
 *	}
 *
 * CHECK* record a failure and go on; REQUIRE* also leave the test.  The
 * binary runs from the top of the source tree (make unit), so fixtures are
 * opened as "test/fixtures/...".  Memory: see test_mem.h; everything
 * allocated through test_mem() is freed after each test.
 */
#ifndef GR_TEST_H
#define GR_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef void (*gr_test_fn) (void);

/* Called by TEST(); not meant to be called by hand. */
void		gr_test_register(const char *name, const char *file, int line,
							 gr_test_fn fn);

/* Records one assertion; returns ok.  fmt describes the failure. */
bool		gr_test_check(bool ok, const char *file, int line,
						  const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* Helpers behind the CHECK_EQ_* macros. */
bool		gr_test_eq_int(long long a, long long b, const char *ea,
						   const char *eb, const char *file, int line);
bool		gr_test_eq_str(const char *a, const char *b, const char *ea,
						   const char *eb, const char *file, int line);
bool		gr_test_eq_strn(const char *a, size_t alen, const char *b,
							const char *ea, const char *eb, const char *file,
							int line);

/* Reads a whole file (e.g. a fixture) into test_mem(); NULL on failure. */
char	   *gr_test_read_file(const char *path, size_t *len);

#define TEST(name) \
	static void name(void); \
	__attribute__((constructor)) static void name##_register_(void) \
	{ gr_test_register(#name, __FILE__, __LINE__, name); } \
	static void name(void)

#define CHECK(cond) \
	gr_test_check((cond) ? true : false, __FILE__, __LINE__, "%s", #cond)

#define CHECK_EQ_INT(a, b) \
	gr_test_eq_int((long long) (a), (long long) (b), #a, #b, __FILE__, __LINE__)

/* Both NULL counts as equal. */
#define CHECK_EQ_STR(a, b) \
	gr_test_eq_str((a), (b), #a, #b, __FILE__, __LINE__)

/* a[0..alen) (not NUL-terminated) equals the string b. */
#define CHECK_EQ_STRN(a, alen, b) \
	gr_test_eq_strn((a), (alen), (b), #a, #b, __FILE__, __LINE__)

#define REQUIRE(cond) \
	do { if (!CHECK(cond)) return; } while (0)
#define REQUIRE_EQ_INT(a, b) \
	do { if (!CHECK_EQ_INT(a, b)) return; } while (0)

#endif							/* GR_TEST_H */
