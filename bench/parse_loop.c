/*
 * parse_loop - parse files in one process, for profiling the core
 * (perf record / valgrind --tool=callgrind) without process start-up noise.
 *
 *   parse_loop [-u] [-r ROUNDS] FILE...
 *
 * -u: the input is known to be valid UTF-8 (gr_options.utf8_checked), as the
 * server says of text it has already verified.
 * Each file is read once, then parsed with gr_parse_all ROUNDS times (default
 * 1); prints bytes, seconds and MB/s.  Memory comes from malloc and is freed
 * after each parse (a list of blocks, like a memory context).
 */
#include "gr_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct blk { struct blk *next; _Alignas(16) unsigned char data[]; } blk;

static void *
arena_alloc(void *ctx, size_t size)
{
	blk	  **head = ctx;
	blk	   *b = calloc(1, sizeof(blk) + size);

	if (!b)
		return NULL;
	b->next = *head;
	*head = b;
	return b->data;
}

static void
arena_reset(blk **head)
{
	while (*head)
	{
		blk *n = (*head)->next;
		free(*head);
		*head = n;
	}
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

int
main(int argc, char **argv)
{
	int			rounds = 1, first = 1, nfail = 0;
	size_t		total = 0, nrep = 0;
	struct timespec t0, t1;
	blk		   *head = NULL;
	gr_mem		mem = {arena_alloc, NULL, &head};
	gr_options	opt = {0};
	char	  **bufs;
	size_t	   *lens;

	if (argc > first && strcmp(argv[first], "-u") == 0)
	{
		opt.utf8_checked = true;
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
			arena_reset(&head);
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	{
		double		s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;

		printf("%zu bytes, %zu reports, %d errors, %.3f s, %.1f MB/s\n",
			   total, nrep, nfail, s, total / 1e6 / s);
	}
	return 0;
}
