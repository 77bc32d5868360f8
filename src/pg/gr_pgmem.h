/*
 * gr_pgmem.h - the core's allocator and stop callback, PostgreSQL style.
 *
 * Memory belongs to the memory context current when the allocator is set
 * up, so everything the core builds dies with it (large blocks come from a
 * per-backend pool and go back to it when that context is reset or
 * deleted); the core sees NULL (never an ereport) when memory runs out.  The stop callback
 * reports pending interrupts; after the core returns GR_ERR_CANCELLED the
 * caller serves them with CHECK_FOR_INTERRUPTS().
 */
#ifndef GR_PGMEM_H
#define GR_PGMEM_H

#include "gr_core.h"

/* A gr_mem allocating zeroed, 16-byte aligned blocks in CurrentMemoryContext. */
extern void gr_pg_mem_init(gr_mem *mem);

/* The stop callback: true while an interrupt is pending and can be served. */
extern bool gr_pg_stop(void *ctx);

/* Options for a core call: the size limit and the stop callback. */
extern void gr_pg_options_init(gr_options *opt);

#endif							/* GR_PGMEM_H */
