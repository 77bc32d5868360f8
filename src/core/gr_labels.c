/*
 * gr_labels.c - label keys and their tolerant comparison.
 */
#include "gr_labels.h"
#include "gr_text.h"

#include <string.h>

int
gr_item_key(const char *buf, const gr_item *it, char *out, gr_error *err)
{
	return gr_label_key(buf + it->off, it->len, out, GR_KEY_SIZE, err);
}

bool
gr_starts(const char *key, const char *prefix)
{
	return strncmp(key, prefix, strlen(prefix)) == 0;
}

bool
gr_contains(const char *key, const char *needle)
{
	return strstr(key, needle) != NULL;
}

/*
 * Length of the run of Chinese numerals of outline numbering (一 二 三 四
 * 五 六 七 八 九 十) at s.
 */
static size_t
cjk_number_len(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		n = 0;

	/*
	 * Every numeral starts with E4 or E5: most keys are out at the first
	 * byte.  A byte is read only when the one before is no NUL (the
	 * numerals have none).
	 */
	while ((u[n] == 0xE4 || u[n] == 0xE5) && u[n + 1] != 0 && u[n + 2] != 0 &&
		   gr_cjk_numeral(u + n))
		n += 3;
	return n;
}

static size_t
numbering_len(const char *k)
{
	size_t		n;

	if (k[0] == '(')
	{
		n = cjk_number_len(k + 1);
		if (n == 0)
			while (k[1 + n] >= '0' && k[1 + n] <= '9')
				n++;
		if (n > 0 && k[1 + n] == ')')
			return n + 2;
		return 0;
	}
	n = cjk_number_len(k);
	if (n > 0)
	{
		if (strncmp(k + n, "、", 3) == 0 || strncmp(k + n, "．", 3) == 0)
			return n + 3;
		if (k[n] == '.')
			return n + 1;
		return 0;
	}
	while (k[n] >= '0' && k[n] <= '9')
		n++;
	if (n > 0 && n <= 2)
	{
		if (k[n] == '.' || k[n] == ')')
			return n + 1;
		if (strncmp(k + n, "、", 3) == 0 || strncmp(k + n, "．", 3) == 0)
			return n + 3;
	}
	return 0;
}

void
gr_strip_numbering(char *key)
{
	size_t		n;
	char	   *w;
	const char *r;

	/* at most two levels: "三、(一)予以公开" */
	for (int pass = 0; pass < 2; pass++)
	{
		n = numbering_len(key);
		if (n == 0)
			break;
		memmove(key, key + n, strlen(key + n) + 1);
	}
	/*
	 * Quotes never matter for matching.  Up to the first byte that may
	 * start one nothing moves: found by strcspn (SIMD in glibc), most
	 * keys have none.
	 */
	r = key + strcspn(key, "\"'\xE2\xE3");
	for (w = (char *) r; *r;)
	{
		/* “”‘’ start with E2, 「」 with E3 */
		if (((unsigned char) *r == 0xE2 || (unsigned char) *r == 0xE3) &&
			(strncmp(r, "“", 3) == 0 || strncmp(r, "”", 3) == 0 ||
			 strncmp(r, "‘", 3) == 0 || strncmp(r, "’", 3) == 0 ||
			 strncmp(r, "「", 3) == 0 || strncmp(r, "」", 3) == 0))
		{
			r += 3;
			continue;
		}
		if (*r == '"' || *r == '\'')
		{
			r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

gr_cell_class
gr_classify_cell(const char *buf, const gr_item *it)
{
	size_t		i = 0;
	int			han = 0;
	const char *s = buf + it->off;

	/* two or more ideographs make a label; "无" alone is a filler */
	while (i < it->len)
	{
		uint32_t	c;

		/* ASCII (the digits of most cells) is no ideograph: no call */
		if ((unsigned char) s[i] < 0x80)
		{
			i++;
			continue;
		}

		/*
		 * A well-formed three-byte character decoded here, as
		 * gr_utf8_next would (E0 and ED, which may start an overlong
		 * form or a surrogate, go to it); the common ideographs are
		 * han without the call.
		 */
		if (((unsigned char) s[i] & 0xF0) == 0xE0 && (unsigned char) s[i] != 0xE0 &&
			(unsigned char) s[i] != 0xED && i + 2 < it->len &&
			((unsigned char) s[i + 1] & 0xC0) == 0x80 && ((unsigned char) s[i + 2] & 0xC0) == 0x80)
		{
			c = ((uint32_t) (s[i] & 0x0F) << 12) | ((uint32_t) (s[i + 1] & 0x3F) << 6) |
				(uint32_t) (s[i + 2] & 0x3F);
			i += 3;
		}
		else
			c = gr_utf8_next(s, it->len, &i);
		if (((c >= 0x4E00 && c <= 0x9FFF) || gr_is_han(c)) &&
			c != 0x65E0 /* 无 */ && c != 0x5143 /* 元 */ &&
			c != 0x4E07 /* 万 */ && c != 0x4EF6 /* 件 */ && c != 0x6761 /* 条 */ &&
			c != 0x4E2A /* 个 */ && c != 0x4EBA /* 人 */ && c != 0x6B21 /* 次 */)
		{
			if (++han >= 1)
				return GR_CC_LABEL;
		}
	}
	return GR_CC_VALUE;
}

size_t
gr_numbering_at(const char *s, size_t n)
{
	size_t		i = 0,
				k = 0;
	bool		paren = false;

	if (n >= 3 && memcmp(s, "（", 3) == 0)
	{
		paren = true;
		i = 3;
	}
	else if (n >= 1 && s[0] == '(')
	{
		paren = true;
		i = 1;
	}
	for (;;)
	{
		bool		hit = false;

		/* a numeral (cjk_number_len) */
		if (n - i >= 3 && gr_cjk_numeral((const unsigned char *) s + i))
		{
			i += 3;
			k++;
			hit = true;
		}
		if (!hit)
		{
			if (i < n && s[i] >= '0' && s[i] <= '9')
			{
				i++;
				k++;
			}
			else if (n - i >= 3 && (unsigned char) s[i] == 0xEF &&
					 (unsigned char) s[i + 1] == 0xBC &&
					 (unsigned char) s[i + 2] >= 0x90 && (unsigned char) s[i + 2] <= 0x99)
			{
				i += 3;			/* full-width digit */
				k++;
			}
			else
				break;
		}
		if (k > 3)
			return 0;
	}
	if (k == 0 || i >= n)
		return 0;
	if (paren)
	{
		if (s[i] == ')')
			return i + 1;
		if (n - i >= 3 && memcmp(s + i, "）", 3) == 0)
			return i + 3;
		return 0;
	}
	if (s[i] == '.' || s[i] == ')')
		return i + 1;
	if (n - i >= 3 && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "．", 3) == 0))
		return i + 3;
	return 0;
}
