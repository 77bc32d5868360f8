# test/tools/grdump.mk - build test/tools/grdump, the standalone JSON dumper
# of the parsing core (src/core + ICU, no PostgreSQL).
#
# Include it from the top-level Makefile (after the PGXS include, so that
# "all" stays the default goal):
#
#     include test/tools/grdump.mk
#
# or use it on its own from the top of the tree:
#
#     make -f test/tools/grdump.mk grdump
#
# Then:  test/tools/grdump FILE            (JSON on stdout)
#        python3 test/corpus/check_truth.py (seeds vs ground truth)
#        python3 test/fixtures/validate.py --grdump test/tools/grdump

GRDUMP_CC       ?= $(CC)
GRDUMP_CFLAGS   ?= -O2 -g -std=gnu11 -Wall -Wextra -Wno-unused-parameter
GRDUMP_ICU_PKGS ?= icu-uc icu-i18n
GRDUMP_CORE     := $(sort $(wildcard src/core/*.c))
GRDUMP_HDRS     := $(wildcard src/core/*.h)

test/tools/grdump: test/tools/grdump.c $(GRDUMP_CORE) $(GRDUMP_HDRS)
	$(GRDUMP_CC) $(GRDUMP_CFLAGS) -Isrc/core \
		$(shell pkg-config --cflags $(GRDUMP_ICU_PKGS)) \
		-o $@ test/tools/grdump.c $(GRDUMP_CORE) \
		$(shell pkg-config --libs $(GRDUMP_ICU_PKGS))

grdump: test/tools/grdump

# Seeds vs ground truth; prints "corpus: skipped ..." when ../shared is absent.
corpus-check: test/tools/grdump
	python3 test/corpus/check_truth.py

# Fixture arithmetic, plus the parser's reading of every fixture.
fixtures-check: test/tools/grdump
	python3 test/fixtures/validate.py --grdump test/tools/grdump

.PHONY: grdump corpus-check fixtures-check
EXTRA_CLEAN += test/tools/grdump
