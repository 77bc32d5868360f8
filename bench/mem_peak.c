/*
 * mem_peak - the most bytes the parsing core holds at once while it parses
 * a file with gr_parse_all: the sizes it asks the gr_mem callback for, live
 * high-water mark (not RSS: no allocator overhead, no ICU, no page noise).
 * The reports it returns are counted too: they are alive at the end.
 *
 *   mem_peak FILE...
 *
 * Prints per file: "FILE BYTES PEAK_BYTES PEAK_PER_INPUT_BYTE REPORTS
 * RESULT_BYTES TRANSIENT_PER_INPUT_BYTE", where RESULT_BYTES is what the
 * returned reports hold (live when the parse returns: everything else has
 * been freed by then) and the transient figure is (PEAK - RESULT) / BYTES:
 * the working memory of the parse, without its output;
 * exit status 2 when a file cannot be read or parsed.  bench/run.sh runs
 * it over table-dense inputs of every layout.
 */
#include "gr_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A header in front of each block remembers its size (16: keeps the
 * alignment the core's __int128 needs). */
typedef struct hdr
{
	size_t		size;
	size_t		pad;
} hdr;

static size_t live,
			peak;

static void *
count_alloc(void *ctx, size_t size)
{
	hdr		   *h;

	if (size > SIZE_MAX - sizeof(hdr))
		return NULL;
	h = calloc(1, sizeof(hdr) + size);
	if (!h)
		return NULL;
	h->size = size;
	live += size;
	if (live > peak)
		peak = live;
	return h + 1;
}

static void
count_free(void *ctx, void *p)
{
	hdr		   *h;

	if (!p)
		return;
	h = (hdr *) p - 1;
	live -= h->size;
	free(h);
}

int
main(int argc, char **argv)
{
	int			rc = 0;

	for (int i = 1; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");
		char	   *buf;
		long		n;
		gr_mem		mem = {count_alloc, count_free, NULL};
		gr_error	err;
		gr_report  *reps;
		size_t		nrep = 0;

		if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
			fseek(f, 0, SEEK_SET) != 0 || !(buf = malloc((size_t) n + 1)) ||
			fread(buf, 1, (size_t) n, f) != (size_t) n)
		{
			fprintf(stderr, "mem_peak: cannot read %s\n", argv[i]);
			return 2;
		}
		fclose(f);
		memset(&err, 0, sizeof(err));
		live = peak = 0;
		/* the blocks of one parse are not freed: the next starts at 0 */
		if (gr_parse_all(buf, (size_t) n, NULL, &mem, &reps, &nrep, &err) != GR_OK)
		{
			fprintf(stderr, "mem_peak: %s: %s\n", argv[i], err.message);
			rc = 2;
		}
		printf("%s %ld %zu %.2f %zu %zu %.2f\n", argv[i], n, peak,
			   n ? (double) peak / (double) n : 0.0, nrep, live,
			   n ? (double) (peak - live) / (double) n : 0.0);
		free(buf);
	}
	return rc;
}
