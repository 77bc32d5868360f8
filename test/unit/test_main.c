/*
 * test_main.c - registry and main() of the unit test runner.
 *
 *	test/unit/run            run every test
 *	test/unit/run WORD...    run the tests whose name contains a WORD
 *	test/unit/run -l         list the tests
 *
 * Prints each failed assertion as file:line, then the closing line
 * "unit: N passed, N failed" (assertions).  Exit status 1 when any failed.
 */
#include "gr_test.h"
#include "test_mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TESTS 4096

typedef struct gr_test
{
	const char *name;
	const char *file;
	int			line;
	gr_test_fn	fn;
} gr_test;

static gr_test tests[MAX_TESTS];
static int	ntests;
static int	registry_overflow;

static long npassed;
static long nfailed;
static const char *current_test = "";

void
gr_test_register(const char *name, const char *file, int line, gr_test_fn fn)
{
	if (ntests >= MAX_TESTS)
	{
		registry_overflow = 1;
		return;
	}
	tests[ntests].name = name;
	tests[ntests].file = file;
	tests[ntests].line = line;
	tests[ntests].fn = fn;
	ntests++;
}

bool
gr_test_check(bool ok, const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	if (ok)
	{
		npassed++;
		return true;
	}
	nfailed++;
	fprintf(stdout, "FAIL %s (%s:%d): ", current_test, file, line);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
	return false;
}

bool
gr_test_eq_int(long long a, long long b, const char *ea, const char *eb,
			   const char *file, int line)
{
	return gr_test_check(a == b, file, line, "%s == %s: %lld != %lld",
						 ea, eb, a, b);
}

bool
gr_test_eq_str(const char *a, const char *b, const char *ea, const char *eb,
			   const char *file, int line)
{
	bool		ok = (a == NULL && b == NULL) ||
		(a != NULL && b != NULL && strcmp(a, b) == 0);

	return gr_test_check(ok, file, line, "%s == %s: \"%s\" != \"%s\"",
						 ea, eb, a ? a : "(null)", b ? b : "(null)");
}

bool
gr_test_eq_strn(const char *a, size_t alen, const char *b, const char *ea,
				const char *eb, const char *file, int line)
{
	bool		ok = a != NULL && b != NULL && strlen(b) == alen &&
		memcmp(a, b, alen) == 0;

	return gr_test_check(ok, file, line, "%s == %s: \"%.*s\" != \"%s\"",
						 ea, eb, a ? (int) alen : 6, a ? a : "(null)",
						 b ? b : "(null)");
}

char *
gr_test_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
		fseek(f, 0, SEEK_SET) != 0)
	{
		fclose(f);
		return NULL;
	}
	buf = test_mem()->alloc(NULL, (size_t) n + 1);
	if (buf && fread(buf, 1, (size_t) n, f) != (size_t) n)
		buf = NULL;				/* freed by the next test_mem_reset() */
	fclose(f);
	if (buf && len)
		*len = (size_t) n;
	return buf;
}

static int
test_cmp(const void *a, const void *b)
{
	const gr_test *x = a;
	const gr_test *y = b;
	int			c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

static int
selected(const gr_test *t, int argc, char **argv)
{
	int			any = 0;

	for (int i = 1; i < argc; i++)
	{
		if (argv[i][0] == '-')
			continue;
		any = 1;
		if (strstr(t->name, argv[i]))
			return 1;
	}
	return !any;
}

int
main(int argc, char **argv)
{
	int			list = 0;
	int			nrun = 0;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-l") == 0)
			list = 1;

	if (registry_overflow)
	{
		printf("unit: more than %d tests; raise MAX_TESTS in test_main.c\n",
			   MAX_TESTS);
		nfailed++;
	}
	qsort(tests, ntests, sizeof(gr_test), test_cmp);

	for (int i = 0; i < ntests; i++)
	{
		size_t		leftover;

		if (!selected(&tests[i], argc, argv))
			continue;
		if (list)
		{
			printf("%s (%s:%d)\n", tests[i].name, tests[i].file, tests[i].line);
			continue;
		}
		current_test = tests[i].name;
		tests[i].fn();
		nrun++;
		leftover = test_mem_reset();
		(void) leftover;		/* arena style: the core need not free */
	}
	if (list)
		return 0;

	printf("unit: %d tests run\n", nrun);
	printf("unit: %ld passed, %ld failed\n", npassed, nfailed);
	return nfailed == 0 ? 0 : 1;
}
