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
 * Bytes: requested sizes of the blocks allocated now, and the most there
 * were at once since the last reset or test_mem_peak_reset() (which
 * starts the count from the bytes allocated now).  The allocator's own
 * headers are not counted: this is what the core asks for.
 */
size_t		test_mem_bytes(void);
size_t		test_mem_peak_bytes(void);
void		test_mem_peak_reset(void);

/*
 * After n more successful allocations, every allocation returns NULL until
 * the next reset or a call with n < 0 (which means: never fail).
 */
void		test_mem_fail_after(long n);

#endif							/* TEST_MEM_H */
