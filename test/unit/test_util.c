/*
 * test_util.c - helpers the unit tests of the parser share.
 */
#include "test_util.h"

#include "gr_test.h"
#include "gr_util.h"
#include "test_mem.h"

#include <string.h>

parsed
parse_buf(const char *buf, size_t len)
{
	parsed		p;
	gr_options	opt = {0};

	memset(&p, 0, sizeof(p));
	p.buf = buf;
	p.len = len;
	if (!buf)
	{
		p.st = GR_ERR_NOT_REPORT;
		return p;
	}
	p.st = gr_parse_all(p.buf, p.len, &opt, test_mem(), &p.reps, &p.n, &p.err);
	return p;
}

parsed
parse_text(const char *text)
{
	return parse_buf(text, strlen(text));
}

parsed
parse_file(const char *path)
{
	size_t		len = 0;
	char	   *buf = gr_test_read_file(path, &len);

	return parse_buf(buf, len);
}

const char *
cell_val(const gr_report *r, const char *tbl, const char *row, const char *col)
{
	const gr_cell *c = gr_report_find(r, tbl, row, col);

	if (!c)
		return "MISSING";
	return c->has_value ? c->value : "NULL";
}

void
check_positions(const char *buf, size_t len, const gr_report *r)
{
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];

		if (!CHECK(c->off + c->len <= len))
			return;
		CHECK_EQ_INT(c->char_start, gr_utf8_chars(buf, c->off) + 1);
		CHECK_EQ_INT(c->char_len, gr_utf8_chars(buf + c->off, c->len));
		if (i > 0)
			CHECK(r->cells[i - 1].off <= c->off);	/* document order */
	}
}

bool
has_warning(const gr_report *r, const char *needle)
{
	for (size_t i = 0; i < r->nwarnings; i++)
		if (strstr(r->warnings[i], needle))
			return true;
	return false;
}

int
parse_failing_allocations(const char *buf, size_t len, long upto, long step)
{
	gr_options	opt = {0};
	int			nomem = 0;

	for (long k = 0; k < upto; k += step)
	{
		gr_report	r;
		gr_error	err;
		gr_status	st;

		test_mem_fail_after(k);
		st = gr_parse(buf, len, &opt, test_mem(), &r, &err);
		test_mem_fail_after(-1);
		CHECK(st == GR_OK || st == GR_ERR_NOMEM);
		if (st == GR_ERR_NOMEM)
			nomem++;
	}
	return nomem;
}

unsigned
test_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7FFF;
}

size_t
test_random_pieces(unsigned *seed, const char *const *pieces, size_t npieces,
				   int count, char *out)
{
	size_t		len = 0;

	for (int i = 0; i < count; i++)
	{
		const char *p = pieces[test_rand(seed) % npieces];

		memcpy(out + len, p, strlen(p));
		len += strlen(p);
	}
	return len;
}
