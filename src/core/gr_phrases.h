/*
 * gr_phrases.h - find many fixed phrases in one pass over a text.
 *
 * The narrative reader looks for ~150 trigger phrases in every prose line.
 * Searching for each phrase separately reads each line ~150 times; a
 * phrase set is indexed by the first character of its phrases, and one
 * walk over the text, one hash probe per character, reports every
 * occurrence of every phrase in text order.
 */
#ifndef GR_PHRASES_H
#define GR_PHRASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GR_PHRASES_MAX 255
#define GR_PHRASES_BUCKETS 2048

typedef struct gr_phrases
{
	int			n;
	const char *text[GR_PHRASES_MAX];
	uint8_t		len[GR_PHRASES_MAX];
	uint64_t	pre[GR_PHRASES_MAX];	/* first (up to) 8 bytes, as loaded */
	uint64_t	mask[GR_PHRASES_MAX];	/* which bytes of pre count */
	uint8_t		next[GR_PHRASES_MAX];	/* next phrase of the bucket, + 1 */
	uint8_t		head[GR_PHRASES_BUCKETS];	/* first phrase of the bucket, + 1 */
	uint64_t	pair[65536 / 64];	/* first two bytes of some phrase */

	/*
	 * First characters of the phrases that start with a three-byte lead
	 * (E0..EF): bit a of entry b | c << 8 for bytes E0|a, 80|b, 80|c (all
	 * bytes masked so, whatever they are), so that the second and third
	 * bytes as loaded, masked once, are the index.  Usable only when each
	 * such phrase has at least three bytes (not tri_bad).
	 */
	uint16_t	tri[0x4000];
	bool		tri_bad;		/* a phrase of 1..2 bytes with such a lead */

	/*
	 * A second look at a character that tri lets through (about one in
	 * ten of prose, most of which start no phrase): a bit per hash of the
	 * first six bytes of the phrases of tri (six bytes or more), and the
	 * first characters of those shorter than six bytes, whose bucket is
	 * searched whatever follows them (at most GR_PHRASES_SHORT3; more, and
	 * pre6_bad turns the second look off).
	 */
#define GR_PHRASES_PRE6_BITS 13
#define GR_PHRASES_SHORT3 2		/* gr_phrases_scan tests both */
	uint64_t	pre6[(1 << GR_PHRASES_PRE6_BITS) / 64];
	uint32_t	short3[GR_PHRASES_SHORT3];	/* first three bytes, as loaded */
	int			nshort3;
	bool		pre6_bad;
} gr_phrases;

/* An empty set. */
void		gr_phrases_init(gr_phrases *ps);

/*
 * Add a NUL-terminated phrase (1..255 bytes, kept by reference); the same
 * text twice gets the same id.  Returns the id (0..GR_PHRASES_MAX-1), or
 * -1 when the set is full or the phrase is empty or too long.
 */
int			gr_phrases_add(gr_phrases *ps, const char *text);

/*
 * Call hit(ctx, id, pos) for every occurrence of every phrase in s[0..len),
 * in increasing pos (phrases starting at the same pos: in bucket order).
 * Occurrences may overlap.  Stops and returns false as soon as hit does.
 */
typedef bool (*gr_phrase_hit) (void *ctx, int id, size_t pos);
bool		gr_phrases_scan(const gr_phrases *ps, const char *s, size_t len,
							gr_phrase_hit hit, void *ctx);

#endif							/* GR_PHRASES_H */
