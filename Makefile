# Quorum: the two commands a new user runs are `make run` and `make test`; both install what is
# missing first. Desktop targets live in mk/*.mk.
SHELL := /bin/bash
CARGO ?= cargo
DEMO_DB ?= $(CURDIR)/target/demo/quorum.db
DOCS_DIR ?= $(CURDIR)/docs-demo

# Packages the core's tests use to check PDFs (pdftotext, pdffonts, pdftoppm, qpdf).
CORE_APT := build-essential pkg-config poppler-utils qpdf

.PHONY: deps core-deps run cli-demo test core-test lint

include $(wildcard mk/*.mk)

core-deps:
	@command -v $(CARGO) >/dev/null || { echo "Rust is missing: install it from https://rustup.rs and run make again."; exit 1; }
	@scripts/ensure-apt $(CORE_APT)

deps: core-deps desktop-deps

# Prints the demo meeting with the CLI (the desktop app's target extends `run`).
cli-demo: core-deps
	$(CARGO) build --quiet -p quorum-cli
	@mkdir -p $(dir $(DEMO_DB))
	@[ -s $(DEMO_DB) ] || ./target/debug/quorum --db $(DEMO_DB) demo
	./target/debug/quorum --db $(DEMO_DB) meeting show --body E-helserådet 4/2025

# The crates without the desktop: one cargo run, so the `quorum` binary the document tests
# call is built with them.
CORE_CRATES := -p quorum-typeset -p quorum-record -p quorum-documents -p quorum-cli -p quorum-bench

core-test: core-deps
	$(CARGO) test $(CORE_CRATES)

# Opens the desktop app on the user's record; an empty record starts as the demo council.
run: deps desktop-run

# Every test: the core (record rules, PDFs, CLI), the desktop commands, the UI logic and the
# real window end to end.
test: deps core-test crashtest-short desk-test ui-test e2e

# The desktop crate is checked with the features it is built with (mk/desktop.mk), so its
# dependencies are not compiled a second time.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --features quorum-desk/custom-protocol -- -D warnings
