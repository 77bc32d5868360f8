/*
 * gr_pgmem.c - the core's allocator and stop callback, PostgreSQL style.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "lib/ilist.h"
#include "utils/memutils.h"

#include "govreport.h"
#include "gr_pgmem.h"

/*
 * The core keeps 128-bit integers (gr_dec) in its structs, which the ABI
 * aligns to 16 bytes, while palloc only guarantees MAXALIGN (8).  Each block
 * is therefore over-allocated and aligned by hand, with a header just in
 * front of the block saying how to give it back.
 *
 * Large blocks (POOL_MIN..POOL_MAX bytes: the item, cell and text arrays
 * of a report, 5-8 per parse) come from a per-backend pool instead of
 * palloc.  Freed through palloc, they went back to malloc at the end of
 * every call, glibc trimmed them back to the kernel, and the next call
 * faulted them in again: about a tenth of a parse.  A pooled block still
 * lives exactly as long as the memory context it was asked for in: a reset
 * callback on that context (one "lease" per gr_pg_mem_init) hands the
 * lease's blocks back to the pool, which keeps up to POOL_KEEP bytes in its
 * own context ("govreport block pool", under TopMemoryContext) and frees
 * the rest.
 */
#define GR_PG_ALIGN 16
#define POOL_MIN (16 * 1024)
#define POOL_MAX (4 * 1024 * 1024)
#define POOL_KEEP ((Size) 32 * 1024 * 1024)
#define POOL_CLASSES 32			/* four per power of two, 16 KB .. 4 MB */

typedef struct gr_lease
{
	MemoryContext cxt;			/* where plain blocks go, whose reset ends it */
	dlist_head	blocks;			/* its pooled blocks in use */
	MemoryContextCallback cb;
} gr_lease;

/* In front of every block; sizeof is a multiple of GR_PG_ALIGN. */
typedef struct gr_blockhdr
{
	void	   *raw;			/* palloc'd chunk (plain block), NULL if pooled */
	void	   *chunk;			/* pooled: its palloc'd chunk in pool_cxt */
	dlist_node	node;			/* pooled: in its lease's list, or the pool's */
	int64		cls;			/* pooled: size class */
	int64		pad;			/* to a multiple of GR_PG_ALIGN */
} gr_blockhdr;

StaticAssertDecl(sizeof(gr_blockhdr) % GR_PG_ALIGN == 0,
				 "a block header keeps the block 16-byte aligned");

static MemoryContext pool_cxt = NULL;
static dlist_head pool_free[POOL_CLASSES];
static Size pool_kept = 0;

/* Bytes of class c: 16 KB * 2^(c/4) * (4 + c%4) / 4. */
static Size
class_size(int c)
{
	return (Size) POOL_MIN * ((Size) 1 << (c / 4)) * (4 + c % 4) / 4;
}

static int
class_of(Size size)
{
	for (int c = 0; c < POOL_CLASSES; c++)
		if (class_size(c) >= size)
			return c;
	return -1;
}

/* Give a pooled block back: to the pool, or to malloc when it holds enough. */
static void
pool_release(gr_blockhdr *h)
{
	if (pool_kept + class_size(h->cls) <= POOL_KEEP)
	{
		dlist_push_head(&pool_free[h->cls], &h->node);
		pool_kept += class_size(h->cls);
	}
	else
		pfree(h->chunk);
}

/* The lease's context is being reset or deleted: its blocks go back. */
static void
lease_end(void *arg)
{
	gr_lease   *l = arg;
	dlist_mutable_iter it;

	dlist_foreach_modify(it, &l->blocks)
	{
		gr_blockhdr *h = dlist_container(gr_blockhdr, node, it.cur);

		dlist_delete(&h->node);
		pool_release(h);
	}
}

static void *
pooled_alloc(gr_lease *l, Size size)
{
	int			c = class_of(size);
	gr_blockhdr *h;
	void	   *chunk;

	if (c < 0)
		return NULL;
	if (!dlist_is_empty(&pool_free[c]))
	{
		h = dlist_container(gr_blockhdr, node, dlist_pop_head_node(&pool_free[c]));
		pool_kept -= class_size(c);
	}
	else
	{
		if (pool_cxt == NULL)
		{
			pool_cxt = AllocSetContextCreate(TopMemoryContext, "govreport block pool",
											 ALLOCSET_SMALL_SIZES);
			for (int k = 0; k < POOL_CLASSES; k++)
				dlist_init(&pool_free[k]);
		}
		chunk = MemoryContextAllocExtended(pool_cxt,
										   GR_PG_ALIGN + sizeof(gr_blockhdr) + class_size(c),
										   MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
		if (chunk == NULL)
			return NULL;		/* the caller tries the plain path */
		/* palloc gives MAXALIGN (8): align the header, hence the block, to 16 */
		h = (gr_blockhdr *) TYPEALIGN(GR_PG_ALIGN, (uintptr_t) chunk);
		h->chunk = chunk;
	}
	h->raw = NULL;
	h->cls = c;
	dlist_push_head(&l->blocks, &h->node);
	memset(h + 1, 0, size);
	return h + 1;
}

/*
 * Allocate size zeroed bytes for the lease given as ctx; NULL when memory
 * runs out or the request is too large (never an ereport into the core).
 */
static void *
gr_pg_alloc(void *ctx, size_t size)
{
	gr_lease   *l = ctx;
	char	   *raw;
	uintptr_t	p;

	if (size > MaxAllocHugeSize - 2 * GR_PG_ALIGN - sizeof(gr_blockhdr))
		return NULL;
	if (size >= POOL_MIN && size <= POOL_MAX)
	{
		void	   *b = pooled_alloc(l, size);

		if (b)
			return b;
	}
	raw = MemoryContextAllocExtended(l->cxt, size + sizeof(gr_blockhdr) + GR_PG_ALIGN,
									 MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO |
									 MCXT_ALLOC_NO_OOM);
	if (raw == NULL)
		return NULL;
	p = TYPEALIGN(GR_PG_ALIGN, (uintptr_t) raw + sizeof(gr_blockhdr));
	((gr_blockhdr *) p)[-1].raw = raw;
	return (void *) p;
}

/* Free a block from gr_pg_alloc. */
static void
gr_pg_free(void *ctx, void *ptr)
{
	gr_blockhdr *h;

	if (ptr == NULL)
		return;
	h = (gr_blockhdr *) ptr - 1;
	if (h->raw != NULL)
		pfree(h->raw);
	else
	{
		dlist_delete(&h->node);
		pool_release(h);
	}
}

void
gr_pg_mem_init(gr_mem *mem)
{
	gr_lease   *l = palloc(sizeof(gr_lease));

	l->cxt = CurrentMemoryContext;
	dlist_init(&l->blocks);
	l->cb.func = lease_end;
	l->cb.arg = l;
	MemoryContextRegisterResetCallback(l->cxt, &l->cb);
	mem->alloc = gr_pg_alloc;
	mem->free = gr_pg_free;
	mem->ctx = l;
}

/*
 * True when an interrupt is pending and may be served now, so that the
 * core stops, cleans up and returns GR_ERR_CANCELLED.
 */
bool
gr_pg_stop(void *ctx)
{
	return INTERRUPTS_PENDING_CONDITION() && INTERRUPTS_CAN_BE_PROCESSED();
}

void
gr_pg_options_init(gr_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->max_bytes = (size_t) govreport_max_input_bytes;
	opt->stop = gr_pg_stop;
	opt->stop_ctx = NULL;
}
