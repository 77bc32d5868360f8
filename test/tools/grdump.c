/*
 * grdump - run the govreport core over a file and print what it read, as JSON.
 *
 * Links only the src/core sources and ICU (no PostgreSQL), so it works on a machine
 * without a server and is what test/corpus/check_truth.py and
 * test/fixtures/validate.py drive.
 *
 *   grdump [--one] [--check] [--max-bytes N] [FILE | -]
 *
 * Reads FILE (stdin when absent or "-"), calls gr_parse_all (gr_parse with
 * --one) and prints a JSON array of reports:
 *
 *   [{"agency": ..., "year": ..., "format": ..., "layout": ...,
 *     "new_received": ..., "carried_over": ..., "processed_total": ...,
 *     "carried_forward": ..., "span": [byte_start, byte_end],
 *     "warnings": [...],
 *     "cells": [{"tbl", "row_key", "col_key", "value", "printed",
 *                "start", "len", "unit", "flags"}, ...]}, ...]
 *
 * "value" is the exact decimal text or null (blank / garbage / filler);
 * "printed" is the input bytes [off, off+len) of the cell, JSON-escaped;
 * "start"/"len" are the core's 1-based character position and character
 * length, so that substr(doc, start, len) = printed in SQL.
 *
 * --check adds, per report, "consistent" (no strict rule fails) and
 * "violations": [{"rule", "kind", "scope", "lhs", "rhs", "message"}] from
 * gr_check() (src/core/gr_rules.h).
 *
 * Exit status: 0 on success (also for zero reports), 2 on any error; the
 * gr_error message and detail go to stderr.
 */
#include "gr_core.h"
#include "gr_rules.h"
#include "gr_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ allocator */

/*
 * malloc-backed gr_mem: every block is linked into a list so that free()
 * works on any block and everything still allocated is released at exit.
 */
typedef struct blk
{
	struct blk *prev;
	struct blk *next;
	/* 16-byte alignment for __int128 members of what the core allocates */
	_Alignas(16) unsigned char data[];
} blk;

typedef struct heap
{
	blk		   *head;
	size_t		live;
} heap;

static void *
heap_alloc(void *ctx, size_t size)
{
	heap	   *h = ctx;
	blk		   *b;

	if (size > SIZE_MAX - sizeof(blk))
		return NULL;
	b = calloc(1, sizeof(blk) + size);
	if (!b)
		return NULL;
	b->next = h->head;
	if (h->head)
		h->head->prev = b;
	h->head = b;
	h->live++;
	return b->data;
}

static void
heap_free(void *ctx, void *ptr)
{
	heap	   *h = ctx;
	blk		   *b;

	if (!ptr)
		return;
	b = (blk *) ((unsigned char *) ptr - offsetof(blk, data));
	if (b->prev)
		b->prev->next = b->next;
	else
		h->head = b->next;
	if (b->next)
		b->next->prev = b->prev;
	h->live--;
	free(b);
}

static void
heap_destroy(heap *h)
{
	blk		   *b = h->head;

	while (b)
	{
		blk		   *n = b->next;

		free(b);
		b = n;
	}
	h->head = NULL;
	h->live = 0;
}

/* ------------------------------------------------------------ input */

static char *
read_all(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16,
				n = 0;
	char	   *buf = malloc(cap);

	if (!buf)
		return NULL;
	for (;;)
	{
		size_t		r;

		if (n == cap)
		{
			char	   *nb;

			if (cap > SIZE_MAX / 2)
			{
				free(buf);
				return NULL;
			}
			nb = realloc(buf, cap * 2);
			if (!nb)
			{
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
		{
			if (ferror(f))
			{
				free(buf);
				return NULL;
			}
			break;
		}
	}
	*len = n;
	return buf;
}

/* ------------------------------------------------------------ JSON output */

/* Write bytes as a JSON string; invalid UTF-8 bytes become U+FFFD. */
static void
json_str_n(FILE *o, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	fputc('"', o);
	while (i < n)
	{
		unsigned char c = p[i];

		if (c == '"' || c == '\\')
		{
			fputc('\\', o);
			fputc(c, o);
			i++;
		}
		else if (c < 0x20 || c == 0x7f)
		{
			switch (c)
			{
				case '\n':
					fputs("\\n", o);
					break;
				case '\t':
					fputs("\\t", o);
					break;
				case '\r':
					fputs("\\r", o);
					break;
				default:
					fprintf(o, "\\u%04x", c);
			}
			i++;
		}
		else if (c < 0x80)
		{
			fputc(c, o);
			i++;
		}
		else
		{
			/* validate one UTF-8 sequence */
			size_t		need;
			unsigned int cp;
			bool		ok = true;

			if (c >= 0xc2 && c <= 0xdf)
			{
				need = 1;
				cp = c & 0x1f;
			}
			else if (c >= 0xe0 && c <= 0xef)
			{
				need = 2;
				cp = c & 0x0f;
			}
			else if (c >= 0xf0 && c <= 0xf4)
			{
				need = 3;
				cp = c & 0x07;
			}
			else
			{
				need = 0;
				cp = 0;
				ok = false;
			}
			if (ok && i + need >= n)
				ok = false;	/* truncated sequence at the end */
			for (size_t k = 1; ok && k <= need; k++)
			{
				if ((p[i + k] & 0xc0) != 0x80)
					ok = false;
				else
					cp = (cp << 6) | (p[i + k] & 0x3f);
			}
			if (ok && ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
					   (need == 3 && (cp < 0x10000 || cp > 0x10ffff))))
				ok = false;
			if (ok)
			{
				fwrite(p + i, 1, need + 1, o);
				i += need + 1;
			}
			else
			{
				fputs("\\ufffd", o);
				i++;
			}
		}
	}
	fputc('"', o);
}

static void
json_str(FILE *o, const char *s)
{
	if (!s)
		fputs("null", o);
	else
		json_str_n(o, s, strlen(s));
}

static void
json_opt(FILE *o, gr_opt_i64 v)
{
	if (v.present)
		fprintf(o, "%lld", (long long) v.v);
	else
		fputs("null", o);
}

static const struct
{
	uint32_t	bit;
	const char *name;
}			flag_names[] =
{
	{GR_CELL_INFERRED, "inferred"},
	{GR_CELL_APPROX, "approx"},
	{GR_CELL_PERCENT, "percent"},
	{GR_CELL_FILLER, "filler"},
	{GR_CELL_GARBAGE, "garbage"},
	{GR_CELL_OVERFLOW, "overflow"},
};

static void
json_dec(FILE *o, bool has, gr_dec v)
{
	char		tmp[64];

	if (!has)
	{
		fputs("null", o);
		return;
	}
	gr_dec_format(v, tmp, sizeof(tmp));
	json_str(o, tmp);
}

/* "consistent" and "violations" of one report; false on a core error. */
static bool
print_check(FILE *o, const gr_report *r, gr_mem *mem, gr_error *err)
{
	gr_violation *v = NULL;
	size_t		n = 0;

	if (gr_check(r, mem, &v, &n, err) != GR_OK)
		return false;
	fprintf(o, ",\n  \"consistent\": %s", gr_violations_consistent(v, n) ? "true" : "false");
	fputs(",\n  \"violations\": [", o);
	for (size_t i = 0; i < n; i++)
	{
		fputs(i ? ",\n    {" : "\n    {", o);
		fputs("\"rule\": ", o);
		json_str(o, v[i].rule);
		fputs(", \"kind\": ", o);
		json_str(o, gr_rule_kind_name(v[i].kind));
		fputs(", \"scope\": ", o);
		json_str(o, v[i].scope);
		fputs(", \"lhs\": ", o);
		json_dec(o, v[i].has_lhs, v[i].lhs);
		fputs(", \"rhs\": ", o);
		json_dec(o, v[i].has_rhs, v[i].rhs);
		fputs(", \"message\": ", o);
		json_str(o, v[i].message);
		fputs("}", o);
	}
	fputs(n ? "\n  ]" : "]", o);
	return true;
}

static void
print_report(FILE *o, const gr_report *r, const char *buf, size_t buflen)
{
	fputs("{\"agency\": ", o);
	json_str(o, r->agency);
	if (r->year)
		fprintf(o, ", \"year\": %d", r->year);
	else
		fputs(", \"year\": null", o);
	fputs(", \"format\": ", o);
	json_str(o, gr_format_name(r->format));
	fputs(", \"layout\": ", o);
	json_str(o, gr_layout_name(r->layout));
	fputs(",\n  \"new_received\": ", o);
	json_opt(o, r->new_received);
	fputs(", \"carried_over\": ", o);
	json_opt(o, r->carried_over);
	fputs(", \"processed_total\": ", o);
	json_opt(o, r->processed_total);
	fputs(", \"carried_forward\": ", o);
	json_opt(o, r->carried_forward);
	fprintf(o, ", \"span\": [%zu, %zu]", r->start, r->end);
	fputs(",\n  \"warnings\": [", o);
	for (size_t i = 0; i < r->nwarnings; i++)
	{
		if (i)
			fputs(", ", o);
		json_str(o, r->warnings[i]);
	}
	fputs("],\n  \"cells\": [", o);
	for (size_t i = 0; i < r->ncells; i++)
	{
		const gr_cell *c = &r->cells[i];
		bool		first = true;

		fputs(i ? ",\n    {" : "\n    {", o);
		fputs("\"tbl\": ", o);
		json_str(o, c->tbl);
		fputs(", \"row_key\": ", o);
		json_str(o, c->row_key);
		fputs(", \"col_key\": ", o);
		json_str(o, c->col_key);
		fputs(", \"value\": ", o);
		json_str(o, c->has_value ? c->value : NULL);
		fputs(", \"printed\": ", o);
		if (c->off <= buflen && c->len <= buflen - c->off)
			json_str_n(o, buf + c->off, c->len);
		else
			fputs("null", o);	/* span outside the input: a core bug */
		fprintf(o, ", \"start\": %zu, \"len\": %zu", (size_t) c->char_start, (size_t) c->char_len);
		fputs(", \"unit\": ", o);
		json_str(o, c->unit);
		fputs(", \"flags\": [", o);
		for (size_t k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++)
			if (c->flags & flag_names[k].bit)
			{
				fprintf(o, "%s\"%s\"", first ? "" : ", ", flag_names[k].name);
				first = false;
			}
		fputs("]}", o);
	}
	fputs(r->ncells ? "\n  ]" : "]", o);
}

/* ------------------------------------------------------------ main */

static int
usage(void)
{
	fputs("usage: grdump [--one] [--check] [--max-bytes N] [FILE | -]\n", stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	bool		one = false;
	bool		check = false;
	gr_options	opt;
	gr_error	err;
	heap		h = {NULL, 0};
	gr_mem		mem = {heap_alloc, heap_free, &h};
	char	   *buf;
	size_t		len;
	gr_status	st;
	FILE	   *f;
	int			rc = 0;

	memset(&opt, 0, sizeof(opt));
	memset(&err, 0, sizeof(err));
	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--one") == 0)
			one = true;
		else if (strcmp(argv[i], "--check") == 0)
			check = true;
		else if (strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc)
		{
			char	   *end;

			errno = 0;
			opt.max_bytes = (size_t) strtoull(argv[++i], &end, 10);
			if (errno || *end)
				return usage();
		}
		else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
		{
			usage();
			return 0;
		}
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage();
		else if (path)
			return usage();
		else
			path = argv[i];
	}

	if (!path || strcmp(path, "-") == 0)
		f = stdin;
	else if (!(f = fopen(path, "rb")))
	{
		fprintf(stderr, "grdump: cannot open %s: %s\n", path, strerror(errno));
		return 2;
	}
	buf = read_all(f, &len);
	if (f != stdin)
		fclose(f);
	if (!buf)
	{
		fprintf(stderr, "grdump: cannot read %s\n", path ? path : "stdin");
		return 2;
	}

	if (one)
	{
		gr_report  *r = heap_alloc(&h, sizeof(gr_report));

		st = r ? gr_parse(buf, len, &opt, &mem, r, &err) : GR_ERR_NOMEM;
		if (st == GR_OK)
		{
			fputs("[", stdout);
			print_report(stdout, r, buf, len);
			if (check && !print_check(stdout, r, &mem, &err))
				st = err.status;
			fputs("}]\n", stdout);
		}
	}
	else
	{
		gr_report  *reps = NULL;
		size_t		n = 0;

		st = gr_parse_all(buf, len, &opt, &mem, &reps, &n, &err);
		if (st == GR_OK)
		{
			fputs("[", stdout);
			for (size_t i = 0; i < n && st == GR_OK; i++)
			{
				if (i)
					fputs(",\n", stdout);
				print_report(stdout, &reps[i], buf, len);
				if (check && !print_check(stdout, &reps[i], &mem, &err))
					st = err.status;
				fputs("}", stdout);
			}
			fputs("]\n", stdout);
		}
	}
	if (st != GR_OK)
	{
		fprintf(stderr, "grdump: error %d at byte %zu: %s\n", (int) st, err.offset,
				err.message[0] ? err.message : "(no message)");
		if (err.detail[0])
			fprintf(stderr, "DETAIL: %s\n", err.detail);
		rc = 2;
	}
	if (fflush(stdout) != 0)
		rc = 2;
	heap_destroy(&h);
	free(buf);
	return rc;
}
