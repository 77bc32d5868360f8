/*
 * test_mem.c - a malloc-backed, tracking gr_mem for unit tests.
 */
#include "test_mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Header in front of every block; its size keeps the block 16-aligned. */
typedef struct tm_block
{
	struct tm_block *prev;
	struct tm_block *next;
	size_t		size;
	size_t		magic;
} tm_block;

_Static_assert(sizeof(tm_block) % 16 == 0, "header must keep alignment");

#define TM_MAGIC ((size_t) 0x67726d656d0a0b0cULL)

static tm_block *tm_head;
static size_t tm_live;
static size_t tm_count;
static size_t tm_bytes;			/* requested bytes of the live blocks */
static size_t tm_peak;			/* most of them at once */
static long tm_fail_after = -1;

static void *
tm_alloc(void *ctx, size_t size)
{
	tm_block   *b;

	(void) ctx;
	if (tm_fail_after == 0)
		return NULL;
	if (size > SIZE_MAX - sizeof(tm_block))
		return NULL;
	b = calloc(1, sizeof(tm_block) + size);
	if (!b)
		return NULL;
	if (tm_fail_after > 0)
		tm_fail_after--;
	b->size = size;
	b->magic = TM_MAGIC;
	b->next = tm_head;
	if (tm_head)
		tm_head->prev = b;
	tm_head = b;
	tm_live++;
	tm_count++;
	tm_bytes += size;
	if (tm_bytes > tm_peak)
		tm_peak = tm_bytes;
	return b + 1;
}

static void
tm_unlink(tm_block *b)
{
	if (b->prev)
		b->prev->next = b->next;
	else
		tm_head = b->next;
	if (b->next)
		b->next->prev = b->prev;
	b->magic = 0;
	tm_live--;
	tm_bytes -= b->size;
}

static void
tm_free(void *ctx, void *ptr)
{
	tm_block   *b;

	(void) ctx;
	if (!ptr)
		return;
	b = (tm_block *) ptr - 1;
	if (b->magic != TM_MAGIC)
		abort();				/* double free or a pointer not ours */
	tm_unlink(b);
	free(b);
}

static gr_mem tm_mem = {tm_alloc, tm_free, NULL};

gr_mem *
test_mem(void)
{
	return &tm_mem;
}

size_t
test_mem_reset(void)
{
	size_t		n = tm_live;

	while (tm_head)
	{
		tm_block   *b = tm_head;

		tm_unlink(b);
		free(b);
	}
	tm_count = 0;
	tm_peak = 0;
	tm_fail_after = -1;
	return n;
}

size_t
test_mem_live(void)
{
	return tm_live;
}

size_t
test_mem_count(void)
{
	return tm_count;
}

size_t
test_mem_bytes(void)
{
	return tm_bytes;
}

size_t
test_mem_peak_bytes(void)
{
	return tm_peak;
}

void
test_mem_peak_reset(void)
{
	tm_peak = tm_bytes;
}

void
test_mem_fail_after(long n)
{
	tm_fail_after = n < 0 ? -1 : n;
}
