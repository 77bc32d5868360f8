/*
 * test_mem.h - a malloc-backed gr_mem for unit tests.
 *
 * Every block is tracked, so test_mem_reset() can free whatever the core
 * left behind (the core may rely on the caller's arena, as it does with
 * palloc); the runner calls it after each test, which keeps LeakSanitizer
 * quiet.  Blocks are zeroed and 16-byte aligned, like the glue's allocator.
 * test_mem_fail_after() makes a later allocation fail, to test GR_ERR_NOMEM
 * paths.
 */
#ifndef TEST_MEM_H
#define TEST_MEM_H

#include <stddef.h>

#include "gr_core.h"

/* The shared tracking allocator. */
gr_mem	   *test_mem(void);

/* Free every block still allocated; returns how many there were. */
size_t		test_mem_reset(void);

/* Blocks currently allocated, and allocations made since the last reset. */
size_t		test_mem_live(void);
size_t		test_mem_count(void);

/*
 * After n more successful allocations, every allocation returns NULL until
 * the next reset or a call with n < 0 (which means: never fail).
 */
void		test_mem_fail_after(long n);

#endif							/* TEST_MEM_H */
