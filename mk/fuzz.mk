# Fuzzing with cargo-fuzz (fuzz/ is its own Cargo workspace, so the main build and `make test`
# never compile libFuzzer). Targets:
#   fuzz         cargo-fuzz if missing, then each target in turn for FUZZ_SECONDS (default 600)
#                with one job; what libFuzzer finds new is kept in fuzz/corpus/<target>, a crash
#                in fuzz/artifacts/<target>
#   fuzz-cmin    shrink the committed corpora to the inputs that add coverage
#   fuzz-replay  the committed corpora through the same checks as a plain cargo test (seconds)
# The toolchain is stable: RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly flags it needs.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= numbers import richtext
# address, or none where AddressSanitizer is not available
FUZZ_SANITIZER ?= address
FUZZ_BIN_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
FUZZ_RUN = cd fuzz && RUSTC_BOOTSTRAP=1 $(CARGO) fuzz

.PHONY: fuzz fuzz-deps fuzz-cmin fuzz-replay

fuzz-deps:
	@if command -v cargo-fuzz >/dev/null 2>&1 || [ -x "$(FUZZ_BIN_DIR)/cargo-fuzz" ]; then \
	  echo "fuzz: cargo-fuzz present"; \
	else \
	  echo "fuzz: cargo install cargo-fuzz --locked"; \
	  $(CARGO) install cargo-fuzz --locked; \
	fi

# The import target gets a dictionary of the export's keys and values.
fuzz: fuzz-deps
	@set -e; for t in $(FUZZ_TARGETS); do \
	  dict=""; [ -f fuzz/dicts/$$t.dict ] && dict="-dict=dicts/$$t.dict"; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  ( $(FUZZ_RUN) run -s $(FUZZ_SANITIZER) $$t corpus/$$t -- \
	      -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict ); \
	done

fuzz-cmin: fuzz-deps
	@set -e; for t in $(FUZZ_TARGETS); do \
	  ( $(FUZZ_RUN) cmin -s $(FUZZ_SANITIZER) $$t corpus/$$t ); \
	done

fuzz-replay:
	cd fuzz && $(CARGO) test
