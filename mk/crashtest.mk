# The crash harness (crates/crashtest). Included by the root Makefile.
#   crashtest        RUNS (default 1000) runs: a child records and edits the demo record through
#                    the Store, is killed with SIGKILL at a seeded random moment (10 µs–300 ms),
#                    and the reopened record must pass PRAGMA integrity_check and hold every
#                    acknowledged write; release build. SEED picks the run sequence (default 1).
#                    The last line is `runs=N lost=L integrity_failures=F`; fails if L or F > 0.
#   crashtest-short  25 runs, debug build, part of `make test`.

RUNS ?= 1000
SEED ?= 1
CRASHTEST_DIR := $(CURDIR)/target/crashtest

.PHONY: crashtest crashtest-short

crashtest: core-deps
	$(CARGO) run --quiet --release -p quorum-crashtest -- --runs $(RUNS) --seed $(SEED) --dir $(CRASHTEST_DIR)/release

crashtest-short: core-deps
	$(CARGO) run --quiet -p quorum-crashtest -- --runs 25 --seed $(SEED) --dir $(CRASHTEST_DIR)/short
