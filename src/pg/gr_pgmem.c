/*
 * gr_pgmem.c - the core's allocator and stop callback, PostgreSQL style.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/memutils.h"

#include "govreport.h"
#include "gr_pgmem.h"

/*
 * The core keeps 128-bit integers (gr_dec) in its structs, which the ABI
 * aligns to 16 bytes, while palloc only guarantees MAXALIGN (8).  Each block
 * is therefore over-allocated and aligned by hand, with the chunk pointer
 * stored just in front of the block for pfree.
 */
#define GR_PG_ALIGN 16

/*
 * Allocate size zeroed bytes in the context given as ctx; NULL when memory
 * runs out or the request is too large (never an ereport into the core).
 */
static void *
gr_pg_alloc(void *ctx, size_t size)
{
	char	   *raw;
	uintptr_t	p;

	if (size > MaxAllocHugeSize - 2 * GR_PG_ALIGN)
		return NULL;
	raw = MemoryContextAllocExtended((MemoryContext) ctx,
									 size + GR_PG_ALIGN,
									 MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO |
									 MCXT_ALLOC_NO_OOM);
	if (raw == NULL)
		return NULL;
	StaticAssertStmt(GR_PG_ALIGN >= sizeof(void *) + MAXIMUM_ALIGNOF,
					 "room for the chunk pointer");
	/* raw is MAXALIGNed, so at least sizeof(void *) bytes precede p */
	p = TYPEALIGN(GR_PG_ALIGN, (uintptr_t) raw + sizeof(void *));
	((void **) p)[-1] = raw;
	return (void *) p;
}

/* Free a block from gr_pg_alloc. */
static void
gr_pg_free(void *ctx, void *ptr)
{
	if (ptr != NULL)
		pfree(((void **) ptr)[-1]);
}

void
gr_pg_mem_init(gr_mem *mem)
{
	mem->alloc = gr_pg_alloc;
	mem->free = gr_pg_free;
	mem->ctx = CurrentMemoryContext;
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
