/*
 * test_traditional.c - gr_has_traditional (is the text traditional Chinese?)
 * agrees with a plain character-by-character reading on random byte
 * strings: simplified and traditional ideographs, ASCII, CJK punctuation,
 * two- and four-byte characters, stray and truncated sequences.
 */
#include "gr_layouts.h"
#include "gr_test.h"
#include "gr_util.h"
#include "test_mem.h"
#include "test_util.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The list as gr_text.c documents it. */
static const char trad_doc[] =
"國開關請數資處務機與會條項計結轉辦議訟復認規範費權護類過號應執證對實為爲區縣發員單業況總舉報訴內來個時這說設給組紀據擬戶從傳兩階際隱";

static bool
in_list(uint32_t c)
{
	const unsigned char *u = (const unsigned char *) trad_doc;

	for (size_t i = 0; i + 2 < sizeof(trad_doc); i += 3)
		if ((((uint32_t) (u[i] & 0x0F) << 12) | ((uint32_t) (u[i + 1] & 0x3F) << 6) |
			 (u[i + 2] & 0x3F)) == c)
			return true;
	return false;
}

/* Three or more listed characters, read one character at a time. */
static bool
reference(const unsigned char *u, size_t len)
{
	int			n = 0;

	for (size_t i = 0; i < len;)
	{
		if ((u[i] & 0xF0) == 0xE0 && i + 2 < len &&
			(u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		{
			if (in_list(((uint32_t) (u[i] & 0x0F) << 12) |
						((uint32_t) (u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F)) &&
				++n >= 3)
				return true;
			i += 3;
			continue;
		}
		i++;
		while (i < len && (u[i] & 0xC0) == 0x80)
			i++;
	}
	return false;
}

TEST(traditional_agrees_with_reference)
{
	static const char *const pieces[] = {
		"国", "开", "关", "年", "报", "。", "，", "a", "12", " ", "\xC2\xA0",
		"國", "開", "關", "會", "條", "\xF0\x9F\x98\x80", "\x80", "\xE5\x9C",
		"\xE5", "\xE3\x80\x80", "\xEF\xBC\x8C", "\xE5\x9C\x8B\x80"
	};
	unsigned	seed = 2026;
	int			bad = 0,
				yes = 0;

	CHECK_EQ_INT((long long) (sizeof(trad_doc) - 1) / 3, 66);
	for (int round = 0; round < 20000; round++)
	{
		char		tmp[512];
		size_t		len;
		char	   *h;

		len = test_random_pieces(&seed, pieces, sizeof(pieces) / sizeof(pieces[0]),
								 (int) (test_rand(&seed) % 40), tmp);
		/* exactly len bytes: ASan sees any read past the text */
		h = gr_alloc(test_mem(), len ? len : 1);
		REQUIRE(h != NULL);
		memcpy(h, tmp, len);
		if (gr_has_traditional(h, len) != reference((const unsigned char *) h, len))
			bad++;
		yes += reference((const unsigned char *) h, len);
	}
	CHECK_EQ_INT(bad, 0);
	/* both answers come up often */
	CHECK(yes > 1000 && yes < 19000);
}

/*
 * Every character of the list is found, alone (three times, between
 * simplified text and digits, as a table has it) and not at twice: the
 * list is a table indexed by a character's last twelve bits, and two listed
 * characters that shared them would leave one of them out.
 */
TEST(traditional_every_listed_character)
{
	int			missed = 0,
				extra = 0;

	for (size_t i = 0; i + 2 < sizeof(trad_doc); i += 3)
	{
		char		s[64];
		int			n;

		n = snprintf(s, sizeof(s), "收到%.3s\t1%.3s2\t%.3s。", trad_doc + i, trad_doc + i, trad_doc + i);
		REQUIRE(n > 0 && (size_t) n < sizeof(s));
		if (!gr_has_traditional(s, (size_t) n) || !gr_has_traditional_or_marker(s, (size_t) n))
			missed++;
		n = snprintf(s, sizeof(s), "收到%.3s\t12\t%.3s。", trad_doc + i, trad_doc + i);
		REQUIRE(n > 0 && (size_t) n < sizeof(s));
		if (gr_has_traditional(s, (size_t) n))
			extra++;
	}
	CHECK_EQ_INT(missed, 0);
	CHECK_EQ_INT(extra, 0);
}
