/*
 * test_label_key.c - gr_label_key gives, on every input, what its
 * definition says: the text (skip markers aside, at most 1022 characters)
 * normalised to NFKC by ICU, without white space, cut where the output is
 * full.  Labels of ASCII, CJK ideographs and common punctuation take a
 * path without ICU; this compares both paths with an ICU reference on
 * random labels that mix such characters with ones that need NFKC.
 */
#include "gr_test.h"
#include "gr_text.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

/* The definition, by ICU alone (no skip markers in these inputs). */
static void
reference_key(const char *s, size_t len, char *out, size_t outsize)
{
	UChar		src[1100];
	UChar		dst[2400];
	int32_t		srclen = 0;
	int32_t		dstlen;
	UErrorCode	status = U_ZERO_ERROR;
	size_t		o = 0;

	for (int32_t i = 0; i < (int32_t) len && srclen < 1024 - 2;)
	{
		UChar32		c;

		U8_NEXT(s, i, (int32_t) len, c);
		if (c < 0)
			c = 0xFFFD;
		if (c >= 0x10000)
		{
			src[srclen++] = U16_LEAD(c);
			src[srclen++] = U16_TRAIL(c);
		}
		else
			src[srclen++] = (UChar) c;
	}
	dstlen = unorm2_normalize(unorm2_getNFKCInstance(&status), src, srclen,
							  dst, 2400, &status);
	for (int32_t i = 0; i < dstlen;)
	{
		UChar32		c;
		uint8_t		tmp[4];
		int32_t		n = 0;
		UBool		e = 0;

		U16_NEXT(dst, i, dstlen, c);
		if (gr_is_space((uint32_t) c) || u_isUWhiteSpace(c))
			continue;
		U8_APPEND(tmp, n, 4, c, e);
		if (e || o + (size_t) n + 1 > outsize)
			break;
		memcpy(out + o, tmp, (size_t) n);
		o += (size_t) n;
	}
	out[o] = '\0';
}

TEST(label_key_common_labels)
{
	char		key[512];
	gr_error	err;

	CHECK(gr_label_key("（一）本年新收政府信息公开申请数量", strlen("（一）本年新收政府信息公开申请数量"),
					   key, sizeof(key), &err) >= 0);
	CHECK_EQ_STR(key, "(一)本年新收政府信息公开申请数量");	/* full-width: NFKC */
	CHECK(gr_label_key("一、 本年新收\xe3\x80\x80申请\xc2\xa0数量", strlen("一、 本年新收\xe3\x80\x80申请\xc2\xa0数量"),
					   key, sizeof(key), &err) >= 0);
	CHECK_EQ_STR(key, "一、本年新收申请数量");		/* spaces of three kinds */
	CHECK(gr_label_key("规范性文件", strlen("规范性文件"), key, 7, &err) >= 0);
	CHECK_EQ_STR(key, "规范");						/* cut where out is full */
}

TEST(label_key_agrees_with_icu)
{
	static const char *const alphabet[] = {
		/* no normaliser needed */
		"政", "府", "信", "息", "公", "开", "、", "。", "《", "》", "【", "】",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "a", "Z", "3", "(", ".", " ", "\t",
		"\xe3\x80\x80", "\xc2\xa0",
		/* NFKC changes these, or they combine */
		"（", "）", "１", "Ａ", "\xef\xa4\x80", "\xcc\x81", "\xe2\x85\xa0", "½",
		"\xe2\x80\x83", "\xf0\x9f\x98\x80", "ｶ", "\xef\xbe\x9e"
	};
	const int	na = (int) (sizeof(alphabet) / sizeof(alphabet[0]));
	unsigned	seed = 4242;

	for (int round = 0; round < 3000; round++)
	{
		char		text[4200];
		size_t		len = 0;
		char		got[512];
		char		want[512];
		gr_error	err;
		int			nchars;
		size_t		outsize;
		bool		plain = (round % 2) == 0;	/* half: only the first 23 */

		seed = seed * 1103515245u + 12345u;
		nchars = (int) ((seed >> 16) % (round % 50 == 0 ? 1100 : 40));
		for (int k = 0; k < nchars; k++)
		{
			const char *c;

			seed = seed * 1103515245u + 12345u;
			c = alphabet[(seed >> 16) % (unsigned) (plain ? 23 : na)];
			memcpy(text + len, c, strlen(c));
			len += strlen(c);
		}
		seed = seed * 1103515245u + 12345u;
		outsize = round % 7 == 0 ? 1 + (seed >> 16) % 40 : sizeof(got);
		REQUIRE(gr_label_key(text, len, got, outsize, &err) >= 0);
		reference_key(text, len, want, outsize);
		CHECK_EQ_STR(got, want);
	}
}
