# The two set-up commands of the README: `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/contactdesk

.PHONY: demo test build deps bench clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# The main job: the TUI on the built-in emulator with demo data (LANG falls back to C.UTF-8).
demo: build
	LANG=$${LANG:-C.UTF-8} $(BIN) --demo

# Every test: unit, integration over loopback and end to end against the built binary.
test: deps
	$(SWIFT) build --build-tests
	LANG=C.UTF-8 LC_ALL=C.UTF-8 $(SWIFT) test --skip-build

# Performance figures (BENCHMARKS.md): release builds of the TUI and the benchmark, then every scenario.
# BENCH_ARGS passes options, e.g. make bench BENCH_ARGS="--only filter --runs 3".
bench: deps
	$(SWIFT) build -c release --product contactdesk
	$(SWIFT) build -c release --product contactdesk-bench
	LANG=C.UTF-8 .build/release/contactdesk-bench $(BENCH_ARGS)

clean:
	rm -rf .build
