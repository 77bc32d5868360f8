# govreport: PostgreSQL extension that parses Chinese government
# information-disclosure annual reports.  PGXS build, see README.md.
#
#   make && make install        build and install into $(PG_CONFIG)'s server
#   make installcheck           pg_regress against a running server
#   make unit                   core unit tests, standalone, ASan + UBSan
#   make test                   everything, from a fresh Debian 12 machine
#   make demo                   throwaway cluster loaded with sample reports

EXTENSION   = govreport
MODULE_big  = govreport
CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)
DATA        = $(sort $(wildcard sql/$(EXTENSION)--*.sql))
SCRIPTS     = bin/govreport-load

# pg_regress tests, in order; engineers append their own names here.
REGRESS     = install parse srf errors legacy layouts checks triggers limits security analyst
REGRESS_OPTS = --encoding=UTF8

ICU_PKGS    = icu-uc icu-i18n
ICU_CFLAGS := $(shell pkg-config --cflags $(ICU_PKGS) 2>/dev/null)
ICU_LIBS   := $(shell pkg-config --libs $(ICU_PKGS) 2>/dev/null)

# PGXS folds PG_CPPFLAGS into CPPFLAGS at include time: set it first.
PG_CPPFLAGS += -Isrc/core $(ICU_CFLAGS)
PG_CFLAGS   += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Werror=implicit-function-declaration
SHLIB_LINK  += $(ICU_LIBS)

EXTRA_CLEAN += test/unit/run test/fuzz/run test/fuzz/replay

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
else
# A bare machine: only test, demo and deps work, and they install the rest.
all:
	@echo 'pg_config not found: run "make deps" as root, or "make test" / "make demo"' >&2
	@exit 1
endif

# ---------------------------------------------------------------------------
# Standalone targets (after the include so that "all" stays the default).

# PGXS tracks no header dependencies: rebuild every object when a header
# changes (a struct that grows must never meet an object built before).
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

# Unit tests of src/core: no server headers, no -fwrapv, sanitizers on.
UNIT_CC    ?= $(CC)
SAN         = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
UNIT_SRCS   = $(sort $(wildcard test/unit/*.c))

# Always relinked: a test file added or removed must show in the run.
test/unit/run: FORCE
	$(UNIT_CC) $(SAN) -std=gnu11 -Wall -Wextra -Isrc/core -Itest/unit \
		$(ICU_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_LIBS)

# The same tests on the portable code: src/core has SSE2 fast paths (x86-64),
# each with a plain-C equivalent that -DGR_NO_SSE2 selects (gr_util.h); this
# build runs that one, which other CPUs get.
test/unit/run-portable: FORCE
	$(UNIT_CC) $(SAN) -DGR_NO_SSE2 -std=gnu11 -Wall -Wextra -Isrc/core -Itest/unit \
		$(ICU_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_LIBS)

# Run from the top of the tree, so tests open fixtures as test/fixtures/...
unit: test/unit/run
	test/unit/run

unit-portable: test/unit/run-portable
	test/unit/run-portable

deps:
	test/install-deps.sh

test:
	test/run-all.sh

demo:
	test/run-demo.sh

.PHONY: unit unit-portable deps test demo FORCE
FORCE:

# Benchmark (bench/run.sh: synthetic corpus, throwaway cluster, bench/RESULTS.md).
bench:
	bench/run.sh

# libFuzzer target over src/core (only src/core on the include path); "make
# fuzz" replays test/fuzz/regressions/ then fuzzes for FUZZ_SECONDS.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
test/fuzz/run: FORCE
	$(FUZZ_CC) -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -std=gnu11 -Isrc/core $(ICU_CFLAGS) \
		-o $@ test/fuzz/fuzz_parse.c $(CORE_SRCS) $(ICU_LIBS)

fuzz: test/fuzz/run
	FUZZ_SECONDS=$(FUZZ_SECONDS) test/fuzz/run.sh

# The fuzz target without libFuzzer, under the unit tests' sanitizers, over
# test/fuzz/regressions/ ("make test" runs it).  clang where installed: its
# UBSan also checks pointer arithmetic that gcc's lets pass.
REPLAY_CC    ?= $(if $(shell command -v clang 2>/dev/null),clang,$(UNIT_CC))
test/fuzz/replay: FORCE
	$(REPLAY_CC) $(SAN) -std=gnu11 -Wall -Isrc/core $(ICU_CFLAGS) \
		-o $@ test/fuzz/replay_main.c test/fuzz/fuzz_parse.c $(CORE_SRCS) $(ICU_LIBS)

test/fuzz/replay-portable: FORCE
	$(REPLAY_CC) $(SAN) -DGR_NO_SSE2 -std=gnu11 -Wall -Isrc/core $(ICU_CFLAGS) \
		-o $@ test/fuzz/replay_main.c test/fuzz/fuzz_parse.c $(CORE_SRCS) $(ICU_LIBS)

# both builds: the SSE2 fast paths and their portable equivalents
fuzz-replay: test/fuzz/replay test/fuzz/replay-portable
	test/fuzz/replay test/fuzz/regressions/*
	test/fuzz/replay-portable test/fuzz/regressions/*

.PHONY: bench fuzz fuzz-replay
