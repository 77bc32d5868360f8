/*
 * gr_phrases.c - one-pass search for a set of fixed phrases (gr_phrases.h).
 *
 * Phrases are chained in buckets by a hash of their first UTF-8 character.
 * The scan steps through the text one character at a time (a stray
 * continuation byte is a character of its own), hashes it, and compares
 * the phrases of that bucket only, so its cost is one probe per character
 * plus one memcmp per real or colliding candidate: with 2048 buckets and
 * ~100 distinct first characters a random CJK character lands in an empty
 * bucket about 95 % of the time.
 */
#include "gr_phrases.h"
#include "gr_util.h"

#include <string.h>

/* First character of s[i..len) as one integer; *n gets its byte length. */
static inline uint32_t
first_char(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	unsigned	c = s[i];
	size_t		k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	uint32_t	key = c;

	if (i + k > len)
		k = 1;
	for (size_t j = 1; j < k; j++)
		key = (key << 8) | s[i + j];
	*n = k;
	return key;
}

static inline unsigned
bucket_of(uint32_t key)
{
	return (unsigned) ((key * 2654435761u) >> (32 - 11)) & (GR_PHRASES_BUCKETS - 1);
}

/* The bit of pre6 for the first six bytes of w (as loaded). */
static inline unsigned
pre6_hash(uint64_t w)
{
	return (unsigned) (((w << 16) * 0x9E3779B97F4A7C15u) >> (64 - GR_PHRASES_PRE6_BITS));
}

void
gr_phrases_init(gr_phrases *ps)
{
	memset(ps, 0, sizeof(*ps));
	/* no three-byte load of text equals these */
	for (int k = 0; k < GR_PHRASES_SHORT3; k++)
		ps->short3[k] = UINT32_MAX;
}

int
gr_phrases_add(gr_phrases *ps, const char *text)
{
	size_t		len = strlen(text);
	size_t		n;
	unsigned	b;

	unsigned char first8[8] = {0};
	unsigned char mask8[8] = {0};

	if (len == 0 || len > 255)
		return -1;
	b = bucket_of(first_char((const unsigned char *) text, len, 0, &n));
	for (unsigned k = ps->head[b]; k; k = ps->next[k - 1])
		if (ps->len[k - 1] == len && memcmp(ps->text[k - 1], text, len) == 0)
			return (int) k - 1;
	if (ps->n >= GR_PHRASES_MAX)
		return -1;
	for (size_t j = 0; j < 8 && j < len; j++)
	{
		first8[j] = (unsigned char) text[j];
		mask8[j] = 0xFF;
	}
	{
		unsigned	pr = ((unsigned) (unsigned char) text[0] << 8) |
			(len > 1 ? (unsigned char) text[1] : 0);

		if (len > 1)
			ps->pair[pr / 64] |= (uint64_t) 1 << (pr % 64);
		else
		{
			/* a one-byte phrase: every pair starting with it */
			for (unsigned k = pr; k < pr + 256; k++)
				ps->pair[k / 64] |= (uint64_t) 1 << (k % 64);
		}
	}
	if (((unsigned char) text[0] & 0xF0) == 0xE0)
	{
		if (len >= 3)
		{
			uint32_t	k3 = (uint32_t) (unsigned char) text[0] |
				(uint32_t) (unsigned char) text[1] << 8 |
				(uint32_t) (unsigned char) text[2] << 16;

			ps->tri[((unsigned char) text[1] & 0x3F) |
					((unsigned char) text[2] & 0x3F) << 8] |=
				(uint16_t) (1u << ((unsigned char) text[0] & 0x0F));
			if (len >= 6)
			{
				unsigned	h = pre6_hash(gr_load_le64(first8));

				ps->pre6[h / 64] |= (uint64_t) 1 << (h % 64);
			}
			else
			{
				int			k;

				for (k = 0; k < ps->nshort3 && ps->short3[k] != k3; k++)
					;
				if (k == ps->nshort3)
				{
					if (k < GR_PHRASES_SHORT3)
						ps->short3[ps->nshort3++] = k3;
					else
						ps->pre6_bad = true;
				}
			}
		}
		else
			ps->tri_bad = true;
	}
	ps->text[ps->n] = text;
	ps->len[ps->n] = (uint8_t) len;
	memcpy(&ps->pre[ps->n], first8, 8);
	memcpy(&ps->mask[ps->n], mask8, 8);
	ps->next[ps->n] = ps->head[b];
	ps->head[b] = (uint8_t) (ps->n + 1);
	return ps->n++;
}

bool
gr_phrases_scan(const gr_phrases *ps, const char *s, size_t len,
				gr_phrase_hit hit, void *ctx)
{
	const unsigned char *u = (const unsigned char *) s;
	bool		tri = !ps->tri_bad && len >= 4;
	bool		pre6 = !ps->pre6_bad && len >= 8;
	size_t		last4 = len - 4;	/* the last i with four bytes (if tri) */
	const unsigned char *p4 = tri ? u + last4 : u;	/* the same as a pointer */
	const unsigned char *p8 = pre6 ? u + len - 8 : u;	/* eight bytes */

	for (size_t i = 0; i < len;)
	{
		size_t		n;
		unsigned	b;

		/*
		 * A run of characters with a three-byte lead (the ideographs of
		 * prose), one four-byte load each: a phrase can start at one only
		 * if its first three bytes are some phrase's, which one bit test
		 * of tri rules out for about four in five, without the pair test
		 * and the length of the character below.  A character it lets
		 * through goes straight to its bucket.  The step is the lead's,
		 * as below.  (Two characters per eight-byte load cost more: one
		 * pair in three holds a candidate.)
		 */
		if (tri && i <= last4)
		{
			/* one induction variable: the loop is the whole scan's cost */
			const unsigned char *p = u + i;

			for (;;)
			{
				uint32_t	w = gr_load_le32(p);

				if ((w & 0xF0) != 0xE0)
					break;
				/*
				 * (the lead's bit 4 is clear: & 0x1F is & 0x0F, one bt; the
				 * second and third bytes a load of their own, which does not
				 * wait for the lead's)
				 */
				if (ps->tri[gr_load_le16(p + 1) & 0x3F3F] >> (w & 0x1F) & 1)
				{
					/*
					 * Its first six bytes start no phrase of six bytes or
					 * more, and it starts no shorter one: on to the next.
					 * (Near the end of the text, the bucket decides.)
					 */
					if (pre6 && p <= p8)
					{
						uint64_t	w8 = gr_load_le64(p);
						uint32_t	k3 = (uint32_t) w8 & 0xFFFFFF;
						unsigned	h = pre6_hash(w8);

						if (!(ps->pre6[h / 64] >> (h % 64) & 1) &&
							k3 != ps->short3[0] && k3 != ps->short3[1])
							goto next3;
					}
					/* first_char's key and length, the pair test moot */
					i = (size_t) (p - u);
					b = ps->head[bucket_of((uint32_t) p[0] << 16 |
										   (uint32_t) p[1] << 8 | p[2])];
					n = 3;
					goto probe;
				}
		next3:
				p += 3;
				if (p > p4)
					break;
			}
			i = (size_t) (p - u);
			if (i >= len)
				break;
		}

		/*
		 * Most characters start no phrase: the pair of their first two
		 * bytes says so with one bit test (a CJK character shares its
		 * pair with 63 others, so about four in five are out).
		 */
		if (i + 1 < len)
		{
			unsigned	pr = ((unsigned) u[i] << 8) | u[i + 1];

			if (!(ps->pair[pr / 64] >> (pr % 64) & 1))
			{
				unsigned	c = u[i];

				i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
				continue;
			}
		}
		b = ps->head[bucket_of(first_char(u, len, i, &n))];
probe:

		if (b && i + 8 <= len)
		{
			uint64_t	w;

			/*
			 * The first eight bytes decide almost every candidate.  (Four,
			 * a character and a byte, left one memcmp per ~6 characters
			 * of prose: many phrases share their first character.)
			 */
			memcpy(&w, s + i, 8);
			do
			{
				int			k = b - 1;

				if ((w & ps->mask[k]) == ps->pre[k] && ps->len[k] <= len - i &&
					(ps->len[k] <= 8 ||
					 memcmp(s + i + 8, ps->text[k] + 8, ps->len[k] - 8) == 0) &&
					!hit(ctx, k, i))
					return false;
				b = ps->next[k];
			} while (b);
		}
		for (; b; b = ps->next[b - 1])
		{
			int			k = b - 1;

			if (ps->len[k] <= len - i && memcmp(s + i, ps->text[k], ps->len[k]) == 0 &&
				!hit(ctx, k, i))
				return false;
		}
		i += n;
	}
	return true;
}
