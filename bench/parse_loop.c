/*
 * parse_loop - parse files in one process, for profiling the core
 * (perf record / valgrind --tool=callgrind) without process start-up noise.
 *
 *   parse_loop [-u] [-c] [-r ROUNDS] FILE...
 *
 * -u: the input is known to be valid UTF-8 (gr_options.utf8_checked), as the
 * server says of text it has already verified.
 * -c: time the rules instead (gr_check on every report, ROUNDS times per
 * file; the parse is not timed).
 * Each file is read once, then parsed with gr_parse_all ROUNDS times (default
 * 1); prints bytes, seconds and MB/s.  Memory comes from an arena that is
 * reset after each parse (like a memory context).
 */
#include "gr_core.h"
#include "gr_rules.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * A bump allocator that keeps its chunks between parses, like a memory
 * context that is reset: zeroed memory (the gr_mem contract), large blocks
 * from calloc, freed at reset.
 */
#define CHUNK (1024 * 1024)
typedef struct blk { struct blk *next; size_t used, size; _Alignas(16) unsigned char data[]; } blk;
typedef struct arena { blk *chunks; blk *cur; blk *big; } arena;

static void *
arena_alloc(void *ctx, size_t size)
{
	arena	   *a = ctx;
	blk		   *b;

	size = (size + 15) & ~(size_t) 15;
	if (size > CHUNK / 4)
	{
		b = calloc(1, sizeof(blk) + size);
		if (!b)
			return NULL;
		b->next = a->big;
		a->big = b;
		return b->data;
	}
	if (!a->cur || a->cur->used + size > a->cur->size)
	{
		b = a->cur ? a->cur->next : a->chunks;
		if (!b)
		{
			b = malloc(sizeof(blk) + CHUNK);
			if (!b)
				return NULL;
			b->next = NULL;
			b->size = CHUNK;
			if (a->cur)
				a->cur->next = b;
			else
				a->chunks = b;
		}
		b->used = 0;
		a->cur = b;
	}
	b = a->cur;
	b->used += size;
	memset(b->data + b->used - size, 0, size);
	return b->data + b->used - size;
}

static void
arena_reset(arena *a)
{
	while (a->big)
	{
		blk *n = a->big->next;
		free(a->big);
		a->big = n;
	}
	a->cur = NULL;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE   *f = fopen(path, "rb");
	char   *buf;
	long	n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (buf && fread(buf, 1, n, f) != (size_t) n)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static double
seconds(const struct timespec *t0, const struct timespec *t1)
{
	return (t1->tv_sec - t0->tv_sec) + (t1->tv_nsec - t0->tv_nsec) / 1e9;
}

/* -c: parse each file once (untimed), then time gr_check on its reports. */
static int
time_checks(char **bufs, size_t *lens, int nfiles, int rounds,
			const gr_options *opt, gr_mem *mem, arena *ar)
{
	size_t		nv = 0,
				nrep = 0;
	int			nfail = 0;
	double		secs = 0;

	for (int i = 0; i < nfiles; i++)
	{
		gr_report  *reps;
		size_t		n;
		gr_error	err;
		struct timespec t0,
					t1;

		if (gr_parse_all(bufs[i], lens[i], opt, mem, &reps, &n, &err) != GR_OK)
		{
			nfail++;
			arena_reset(ar);
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (int r = 0; r < rounds; r++)
			for (size_t k = 0; k < n; k++)
			{
				gr_violation *v;
				size_t		m;

				if (gr_check(&reps[k], mem, &v, &m, &err) != GR_OK)
					nfail++;
				nv += m;
				nrep++;
			}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs += seconds(&t0, &t1);
		arena_reset(ar);
	}
	printf("%zu checks, %zu violations, %d errors, %.3f s, %.1f us per report\n",
		   nrep, nv, nfail, secs, secs * 1e6 / (nrep ? nrep : 1));
	return 0;
}

int
main(int argc, char **argv)
{
	int			rounds = 1, first = 1, nfail = 0;
	bool		check = false;
	size_t		total = 0, nrep = 0;
	struct timespec t0, t1;
	arena		ar = {NULL, NULL, NULL};
	gr_mem		mem = {arena_alloc, NULL, &ar};
	gr_options	opt = {0};
	char	  **bufs;
	size_t	   *lens;

	if (argc > first && strcmp(argv[first], "-u") == 0)
	{
		opt.utf8_checked = true;
		first++;
	}
	if (argc > first && strcmp(argv[first], "-c") == 0)
	{
		check = true;
		first++;
	}
	if (argc > first + 1 && strcmp(argv[first], "-r") == 0)
	{
		rounds = atoi(argv[first + 1]);
		first += 2;
	}
	bufs = calloc(argc, sizeof(char *));
	lens = calloc(argc, sizeof(size_t));
	for (int i = first; i < argc; i++)
		if (!(bufs[i] = slurp(argv[i], &lens[i])))
		{
			fprintf(stderr, "parse_loop: cannot read %s\n", argv[i]);
			return 2;
		}
	if (check)
		return time_checks(bufs + first, lens + first, argc - first, rounds, &opt, &mem, &ar);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < rounds; r++)
		for (int i = first; i < argc; i++)
		{
			gr_report  *reps;
			size_t		n;
			gr_error	err;

			if (gr_parse_all(bufs[i], lens[i], &opt, &mem, &reps, &n, &err) != GR_OK)
				nfail++;
			else
				nrep += n;
			total += lens[i];
			arena_reset(&ar);
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	{
		double		s = seconds(&t0, &t1);

		printf("%zu bytes, %zu reports, %d errors, %.3f s, %.1f MB/s\n",
			   total, nrep, nfail, s, total / 1e6 / s);
	}
	return 0;
}
