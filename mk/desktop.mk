# Desktop shell (src-tauri/), its web UI (ui/) and the end-to-end test (tests/e2e/).
# Included by the root Makefile (`include mk/*.mk`). Targets:
#   desktop-deps   Debian packages, tauri-driver and ui/node_modules, each only if missing
#   ui-deps        npm ci in ui/ when node_modules is missing or older than the lock file
#   ui-bindings    regenerate the TypeScript types in ui/src/lib/bindings from Rust (ts-rs)
#   ui-build       vite build into ui/dist
#   ui-test        svelte-check (the vocabularies are union types: a misspelt status is a type
#                  error), then vitest run (components and logic, IPC mocked)
#   desktop-build  ui-build, then the quorum-desk debug binary serving ui/dist
#   desktop-release  ui-build, then the optimised quorum-desk (target/release; `make bench` times it)
#   desktop-run    build and open the app (DB=/path/to.db to choose the database)
#   desk-test      cargo test -p quorum-desk (commands through tauri::test, bindings current), with
#                  the same features as desktop-build so that Tauri and WebKit compile once
#   e2e            desktop-build, then drive the real window over WebDriver (Xvfb if no DISPLAY)

DESKTOP_APT_PACKAGES := libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev \
	libayatana-appindicator3-dev libssl-dev pkg-config \
	xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick fonts-dejavu-core

CARGO ?= cargo
NPM ?= npm
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
UI_DIR := ui
UI_STAMP := $(UI_DIR)/node_modules/.package-lock.json
DESK_TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
DESK_BIN := $(DESK_TARGET_DIR)/debug/quorum-desk
CARGO_BIN_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin

.PHONY: desktop-deps desktop-apt-deps tauri-driver ui-deps ui-bindings ui-build ui-test \
	desktop-build desktop-release desktop-run desk-test e2e

desktop-deps: desktop-apt-deps tauri-driver ui-deps

desktop-apt-deps:
	@scripts/ensure-apt $(DESKTOP_APT_PACKAGES)
	@command -v node >/dev/null && command -v npm >/dev/null || scripts/ensure-apt nodejs npm

tauri-driver:
	@if command -v tauri-driver >/dev/null 2>&1 || [ -x "$(CARGO_BIN_DIR)/tauri-driver" ]; then \
	  echo "desktop-deps: tauri-driver present"; \
	else \
	  echo "desktop-deps: cargo install tauri-driver --locked"; \
	  $(CARGO) install tauri-driver --locked; \
	fi

# npm writes node_modules/.package-lock.json on every install; older than the lock file
# (or package.json) means stale.
$(UI_STAMP): $(UI_DIR)/package.json $(UI_DIR)/package-lock.json
	cd $(UI_DIR) && $(NPM) ci --no-audit --no-fund
	@touch $@

ui-deps: $(UI_STAMP)

# The desktop crate is always built with custom-protocol (it embeds ui/dist): one set of
# compiled dependencies serves the tests, the bindings and the app.
DESK_FEATURES := --features custom-protocol

ui-bindings: ui-build
	QUORUM_BLESS_BINDINGS=1 $(CARGO) test -p quorum-desk $(DESK_FEATURES) --lib bindings::

ui-build: ui-deps
	cd $(UI_DIR) && $(NPM) run build

ui-test: ui-deps
	cd $(UI_DIR) && $(NPM) run check && $(NPM) test

# Without the custom-protocol feature the binary would load devUrl (a vite dev server).
desktop-build: ui-build
	$(CARGO) build -p quorum-desk $(DESK_FEATURES)

# The optimised binary, as [profile.release] in Cargo.toml builds it (`make bench` measures it).
desktop-release: ui-build
	$(CARGO) build --release -p quorum-desk $(DESK_FEATURES)

desktop-run: desktop-build
	$(DESK_BIN) $(if $(DB),--db "$(DB)")

desk-test: ui-build
	$(CARGO) test -p quorum-desk $(DESK_FEATURES)

# The test is compiled before xvfb-run so that build output is not mixed into its run.
e2e: desktop-build tauri-driver
	$(CARGO) test -p quorum-e2e --test e2e --no-run
	@if [ -z "$$DISPLAY" ]; then \
	  echo "e2e: no DISPLAY, running under xvfb-run -a"; \
	  set -- xvfb-run -a -s "-screen 0 1280x800x24"; \
	fi; \
	PATH="$$PATH:$(CARGO_BIN_DIR)" "$$@" $(CARGO) test -p quorum-e2e --test e2e -- --nocapture; \
	status=$$?; \
	echo "e2e: artifacts in e2e-artifacts/:"; ls -l e2e-artifacts/ 2>/dev/null; \
	exit $$status
