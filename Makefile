# The two set-up commands of the README: `make demo` and `make test`; then `make install`.
SWIFT ?= swift
BIN := .build/debug/contactdesk

# Where `make install` puts things (PREFIX=/usr/local by default; DESTDIR for packaging).
PREFIX ?= /usr/local
DESTDIR ?=
# The build whose binary `install-files` copies; `make install` makes a release one.
BUILD_DIR ?= .build/release
# swift-argument-parser's generate-manual plugin writes the man page here.
MAN_PAGE := .build/plugins/GenerateManual/outputs/contactdesk/contactdesk.1

# Every path `make install` writes, relative to DESTDIR$(PREFIX); `make uninstall` removes exactly these.
THEMES := $(notdir $(wildcard themes/*.toml)) README.md
INSTALLED := bin/contactdesk share/man/man1/contactdesk.1 \
	share/bash-completion/completions/contactdesk share/zsh/site-functions/_contactdesk \
	share/fish/vendor_completions.d/contactdesk.fish $(addprefix share/contactdesk/themes/,$(THEMES))

.PHONY: demo test build deps bench clean install install-files uninstall man themes docs reliability

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# The main job: the TUI on the built-in emulator with demo data (LANG falls back to C.UTF-8).
demo: build
	LANG=$${LANG:-C.UTF-8} $(BIN) --demo

# Every test: unit, integration over loopback and end to end against the built binary. The man page is
# generated from the debug build first, because the install test installs that build.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) package generate-manual --configuration debug >/dev/null
	LANG=C.UTF-8 LC_ALL=C.UTF-8 $(SWIFT) test --skip-build

# The reliability campaign at full size (docs/RELIABILITY.md): kill -9 of apply and of the TUI mid-submit, a
# submit under mixed faults, hostile replies, the file fuzzers and a secrets scan; one line each, with its seed.
reliability: deps
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/reliability.sh

# A release build (the man page's plugin builds it), then the files. Run as root for /usr/local.
install: deps
	$(SWIFT) package generate-manual --configuration release >/dev/null
	$(MAKE) install-files BUILD_DIR=.build/release

# Copies an existing build: the binary, the man page, completions made by the binary, the themes.
install-files:
	@test -x $(BUILD_DIR)/contactdesk || { echo "make: $(BUILD_DIR)/contactdesk is missing; run make install" >&2; exit 1; }
	@test -f $(MAN_PAGE) || { echo "make: $(MAN_PAGE) is missing; run make install" >&2; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/contactdesk/themes
	install -m 755 $(BUILD_DIR)/contactdesk $(DESTDIR)$(PREFIX)/bin/contactdesk
	install -m 644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/contactdesk.1
	@# Through a file first, so a failed run installs nothing rather than an empty completion, with 0644 whatever the umask.
	for shell in bash zsh fish; do $(BUILD_DIR)/contactdesk --generate-completion-script $$shell > .build/completion.$$shell || exit 1; done
	install -m 644 .build/completion.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/contactdesk
	install -m 644 .build/completion.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_contactdesk
	install -m 644 .build/completion.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/contactdesk.fish
	install -m 644 $(addprefix themes/,$(THEMES)) $(DESTDIR)$(PREFIX)/share/contactdesk/themes/
	@echo "installed $(DESTDIR)$(PREFIX)/bin/contactdesk; try: man contactdesk"

# Removes exactly what install wrote, then the folders of ours it leaves empty.
uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALLED))
	-rmdir $(DESTDIR)$(PREFIX)/share/contactdesk/themes $(DESTDIR)$(PREFIX)/share/contactdesk 2>/dev/null

# The man page alone, from a debug build, to read with `man -l .build/plugins/.../contactdesk.1`.
man: build
	$(SWIFT) package generate-manual --configuration debug >/dev/null
	@echo "man -l $(MAN_PAGE)"

# Regenerates the built-in copy of themes/ (a test fails when it is stale).
themes:
	python3 scripts/embed-themes.py

# Regenerates docs/ERROR-CODES.md from the error catalog (a test fails when it is stale).
docs: build
	$(BIN) errors --markdown > docs/ERROR-CODES.md

# Performance figures (BENCHMARKS.md): release builds of the TUI and the benchmark, then every scenario.
# BENCH_ARGS passes options, e.g. make bench BENCH_ARGS="--only filter --runs 3".
bench: deps
	$(SWIFT) build -c release --product contactdesk
	$(SWIFT) build -c release --product contactdesk-bench
	LANG=C.UTF-8 .build/release/contactdesk-bench $(BENCH_ARGS)

clean:
	rm -rf .build
