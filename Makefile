# TermDash. `make demo` runs the monitor on a simulated store; `make test` runs every test.
SWIFT ?= swift
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev tmux
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps build release demo test bench clean

# Installs the system packages the build and the tests need, only when one is missing.
deps:
	@missing=""; for package in $(SYSTEM_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	./.build/release/termdash demo

test: deps
	$(SWIFT) build
	$(SWIFT) test

# The snapshot bar of DESIGN.md, in release: every pane from a store of 10 M CDRs vs plain SQL over the raw CDRs.
# The store is built once (a few minutes) and reused; e.g. `make bench BENCH_ARGS="--cdrs 1000000 --runs 25"`.
BENCH_ARGS ?=
bench: deps
	$(SWIFT) build -c release --product termdash-bench
	./.build/release/termdash-bench --store .build/bench/store.db $(BENCH_ARGS)

clean:
	rm -rf .build
