# Documents of the demo record, and the document benchmark. Included by the root Makefile.
#   docs-demo  every document of the demo record as PDF in docs-demo/ (gitignored), from a fresh
#              demo record under target/docs-demo/: agenda and meeting pack of 4/2025, the memos
#              of 32/25–37/25, minutes of 3/2025 and the 2025 decision register, each also in its
#              public version (*-public.pdf). The public versions are written from a copy of the
#              record where 33/25 (meeting 4/2025) and 26/25 (meeting 3/2025) are exempt from
#              public disclosure, so that every public document shows an exempt case.
#   bench      the figures of issue 9 in one release run (crates/bench): generates the 20-, 5- and
#              1-year records into target/bench/ (cached per parameters and seed), times import,
#              open, search against a LIKE scan, saves against the disk's fdatasync, minutes and
#              register against a small record, the agenda of 4/2025 as a `quorum` process and a
#              ~100-page minutes volume against Chromium headless (installs chromium), and the
#              desktop app's release build over WebDriver (start-up to the meeting list, memory
#              after 10 searches in the window, search latency in the window, binary size; builds
#              ui/dist and target/release/quorum-desk first, runs under xvfb-run without a
#              DISPLAY); prints a table and BENCH lines and writes docs/benchmarks.md.

DOCS_DEMO_DIR := $(CURDIR)/target/docs-demo
DOCS_DEMO_DB := $(DOCS_DEMO_DIR)/quorum.db
DOCS_EXEMPT_DB := $(DOCS_DEMO_DIR)/quorum-exempt.db
DOCS_QUORUM := $(CURDIR)/target/debug/quorum
DOCS_BODY := --body E-helserådet
DOCS_MEMOS := 32/25 33/25 34/25 35/25 36/25 37/25
DOCS_EXEMPT_BASIS := offl. § 14

.PHONY: docs-demo bench

docs-demo:
	@command -v $(CARGO) >/dev/null || { echo "Rust is missing: install it from https://rustup.rs and run make again."; exit 1; }
	$(CARGO) build --quiet -p quorum-cli
	rm -rf $(DOCS_DEMO_DIR)
	rm -f $(DOCS_DIR)/*.pdf
	mkdir -p $(DOCS_DEMO_DIR) $(DOCS_DIR)
	$(DOCS_QUORUM) --db $(DOCS_DEMO_DB) demo
	cp $(DOCS_DEMO_DB) $(DOCS_EXEMPT_DB)
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) case exempt $(DOCS_BODY) 33/25 --basis "$(DOCS_EXEMPT_BASIS)"
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) case exempt $(DOCS_BODY) 26/25 --basis "$(DOCS_EXEMPT_BASIS)"
	$(DOCS_QUORUM) --db $(DOCS_DEMO_DB) pdf agenda $(DOCS_BODY) --meeting 4/2025 -o $(DOCS_DIR)/agenda-4-2025.pdf
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) pdf agenda $(DOCS_BODY) --meeting 4/2025 --public -o $(DOCS_DIR)/agenda-4-2025-public.pdf
	for n in $(DOCS_MEMOS); do \
	  $(DOCS_QUORUM) --db $(DOCS_DEMO_DB) pdf memo $(DOCS_BODY) --case $$n -o $(DOCS_DIR)/memo-$${n/\//-}.pdf || exit 1; \
	done
	$(DOCS_QUORUM) --db $(DOCS_DEMO_DB) pdf minutes $(DOCS_BODY) --meeting 3/2025 -o $(DOCS_DIR)/minutes-3-2025.pdf
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) pdf minutes $(DOCS_BODY) --meeting 3/2025 --public -o $(DOCS_DIR)/minutes-3-2025-public.pdf
	$(DOCS_QUORUM) --db $(DOCS_DEMO_DB) pdf register $(DOCS_BODY) --year 2025 -o $(DOCS_DIR)/register-2025.pdf
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) pdf register $(DOCS_BODY) --year 2025 --public -o $(DOCS_DIR)/register-2025-public.pdf
	$(DOCS_QUORUM) --db $(DOCS_DEMO_DB) pdf pack $(DOCS_BODY) --meeting 4/2025 -o $(DOCS_DIR)/pack-4-2025.pdf
	$(DOCS_QUORUM) --db $(DOCS_EXEMPT_DB) pdf pack $(DOCS_BODY) --meeting 4/2025 --public -o $(DOCS_DIR)/pack-4-2025-public.pdf
	@echo "Wrote $$(ls $(DOCS_DIR) | wc -l) documents to $(DOCS_DIR)"

# The desktop figures need the release app (custom-protocol: it embeds ui/dist), tauri-driver,
# WebKitWebDriver and a display: without a DISPLAY the benchmark runs under xvfb-run. The desktop
# crate is built in a cargo run of its own (`desktop-release`, the features mk/desktop.mk builds
# it with), so that the CLI and the benchmark keep their own feature set (no rebuilds between).
bench: desktop-deps desktop-release
	@command -v $(CARGO) >/dev/null || { echo "Rust is missing: install it from https://rustup.rs and run make again."; exit 1; }
	@scripts/ensure-apt chromium
	$(CARGO) build --quiet --release -p quorum-cli -p quorum-bench
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  echo "bench: no DISPLAY, running under xvfb-run -a"; \
	  set -- xvfb-run -a -s "-screen 0 1280x800x24"; \
	fi; \
	PATH="$$PATH:$(CARGO_BIN_DIR)" "$$@" ./target/release/quorum-bench
