/*
 * replay_main.c - run the fuzz target over files, without libFuzzer.
 *
 * "make fuzz-replay" links this with test/fuzz/fuzz_parse.c and the core,
 * under the same sanitizers as the unit tests (gcc: ASan + UBSan), and runs
 * it on every input of test/fuzz/regressions/, so "make test" replays the
 * inputs that once crashed the parser on any machine, clang or not.
 *
 *   test/fuzz/replay FILE...     prints "replay: N inputs, 0 failed"
 *
 * A failing input stops the program with the sanitizer's report or the
 * target's assertion message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");
		uint8_t    *buf;
		long		n;

		if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
			fseek(f, 0, SEEK_SET) != 0)
		{
			fprintf(stderr, "replay: cannot read %s\n", argv[i]);
			return 2;
		}
		buf = malloc(n ? (size_t) n : 1);
		if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n)
		{
			fprintf(stderr, "replay: cannot read %s\n", argv[i]);
			return 2;
		}
		fclose(f);
		fprintf(stderr, "replay: %s\n", argv[i]);
		LLVMFuzzerTestOneInput(buf, (size_t) n);
		free(buf);
	}
	printf("replay: %d inputs, 0 failed\n", argc - 1);
	return 0;
}
