# TermDash. `make demo` runs the monitor on a simulated store; `make test` runs every test.
SWIFT ?= swift
# libhpdf-dev, poppler-utils, fonts-dejavu-core: invoice PDFs (libharu, pdftotext in the tests, the embedded font).
# libqrencode-dev: the portal's 2FA QR code; zbar-tools: its test decodes the QR code drawn (zbarimg).
# kamailio (jsonrpcs and xhttp are in the base package), its json and sqlite modules and sipp (sip-tester): the
# Kamailio feed's end-to-end test runs a real switch. sqlite3: the lab creates Kamailio's accounting database.
# prometheus: the exporter's end-to-end test has a real Prometheus scrape it.
# openssh-server: the portal's end-to-end test serves it over a real sshd on loopback.
# postgresql, clickhouse-server, clickhouse-client: the servers store's conformance tests start PostgreSQL 15 and two
# ClickHouse 18.16 servers on loopback themselves (Tests/ServerSupport); their package services are not used.
# dpkg-dev (dpkg-shlibdeps: the package's Depends), debootstrap (the package test's clean bookworm root), systemd
# (systemd-analyze verify of the units): `make deb` and its test; python3: packaging/link-static.sh reads SwiftPM's
# build plan (JSON lines), and the package test checks the man page against the command tree.
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev tmux libhpdf-dev poppler-utils fonts-dejavu-core \
	kamailio kamailio-json-modules kamailio-sqlite-modules sip-tester sqlite3 prometheus openssh-server \
	libqrencode-dev zbar-tools dpkg-dev debootstrap systemd python3 postgresql clickhouse-server clickhouse-client
# What `make bench` needs besides: htop, the program the monitor's cost is measured against.
BENCH_PACKAGES := htop
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# The Kamailio lab and the monitor on it (docs/kamailio.md): Kamailio, sipp carriers and callers, on loopback.
.PHONY: deps bench-deps build release demo demo-kamailio test bench bench-monitor bench-first-frame bench-memory \
	bench-kamailio bench-cluster fuzz clean release-static packaged-binary dist install deb package-test

# Installs the system packages in $(1), only when one is missing.
define install_missing
@missing=""; for package in $(1); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

# The system packages the build and the tests need.
deps:
	$(call install_missing,$(SYSTEM_PACKAGES))

bench-deps: deps
	$(call install_missing,$(BENCH_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	./.build/release/termdash demo

demo-kamailio: release
	integrations/kamailio/lab.sh ./.build/release/termdash

# Every test, and the package's: the .deb installed into a clean bookworm root (packaging/test-package.sh; the root is
# cached under .build/pkgtest). PACKAGE_TEST=0 skips it. The package holds the debug build the tests ran, linked
# again with the Swift runtime (PACKAGED=tested, packaging/link-static.sh), so the suite compiles the code once; it
# is made and tested beside the tests, at a lower priority, since most of the tests' time is waiting. The tests run
# as two processes at once (Tests/run-in-two-lanes.sh).
PACKAGE_TEST ?= 1
PACKAGE_TEST_LOG := .build/package-test.log
test: deps
	$(SWIFT) build --build-tests
	@package=""; if [ "$(PACKAGE_TEST)" = 1 ]; then \
		echo "Packaging the tested build and testing the package beside the tests (log: $(PACKAGE_TEST_LOG))"; \
		nice -n 10 $(MAKE) --no-print-directory package-test PACKAGED=tested > $(PACKAGE_TEST_LOG) 2>&1 & \
		package=$$!; fi; \
	sh Tests/run-in-two-lanes.sh; tests=$$?; \
	if [ -n "$$package" ]; then wait $$package; packaged=$$?; cat $(PACKAGE_TEST_LOG); \
		[ $$packaged -eq 0 ] || { echo "make test: the package test failed"; exit 1; }; fi; \
	exit $$tests

# Installing (docs/install.md). `make install` builds a release binary with the Swift runtime linked in, generates
# the man page and completions from the command tree, and installs them under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/termdash
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
UNITDIR ?= $(PREFIX)/lib/systemd/system
DIST := .build/dist
# The package's version: VersionStamp's release number.
VERSION := $(shell sed -n 's/^let release = "\(.*\)"/\1/p' Sources/VersionStamp/main.swift)
DEB := .build/termdash_$(VERSION)_$(shell dpkg --print-architecture).deb
# The man page's date: the last commit's, so the same sources give the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# Its own build folder: `make release` (for make demo) links the Swift runtime dynamically.
STATIC_BUILD := .build-static
release-static: deps
	$(SWIFT) build -c release --static-swift-stdlib --product termdash --scratch-path $(STATIC_BUILD)

# The binary packaged: the release build with the Swift runtime linked in (release, the default: make install, make
# deb), or the debug build the tests ran, linked the same way (tested: make test's package test).
PACKAGED ?= release
ifeq ($(PACKAGED),tested)
PACKAGED_BINARY := .build/tested-static/termdash
PACKAGED_CHECKOUTS := .build/checkouts
packaged-binary:
	packaging/link-static.sh $(PACKAGED_BINARY)
else
PACKAGED_BINARY := $(STATIC_BUILD)/release/termdash
PACKAGED_CHECKOUTS := $(STATIC_BUILD)/checkouts
packaged-binary: release-static
endif
GENERATE_MANUAL_BUILD := $(dir $(PACKAGED_CHECKOUTS))generate-manual

# swift-argument-parser's generate-manual (from the resolved checkout, so offline) reads the binary's
# --experimental-dump-help: every subcommand and option is in the page.
dist: packaged-binary
	$(SWIFT) build --package-path $(PACKAGED_CHECKOUTS)/swift-argument-parser --scratch-path $(GENERATE_MANUAL_BUILD) \
		--product generate-manual
	rm -rf $(DIST) && mkdir -p $(DIST)
	# XDG_DATA_HOME=~/...: the help names the default store as ~/.local/share/..., not the builder's home.
	env -u XDG_CONFIG_HOME XDG_DATA_HOME='~/.local/share' $(GENERATE_MANUAL_BUILD)/debug/generate-manual \
		$(PACKAGED_BINARY) --date $(MAN_DATE) --output-directory $(DIST)
	for shell in bash zsh fish; do \
		$(PACKAGED_BINARY) --generate-completion-script $$shell > $(DIST)/termdash.$$shell || exit 1; done

install: dist
	install -D -s -m 0755 $(PACKAGED_BINARY) $(DESTDIR)$(BINDIR)/termdash
	install -D -m 0644 $(DIST)/termdash.1 $(DESTDIR)$(MANDIR)/man1/termdash.1
	install -D -m 0644 $(DIST)/termdash.bash $(DESTDIR)$(BASHCOMPDIR)/termdash
	install -D -m 0644 $(DIST)/termdash.zsh $(DESTDIR)$(ZSHCOMPDIR)/_termdash
	install -D -m 0644 $(DIST)/termdash.fish $(DESTDIR)$(FISHCOMPDIR)/termdash.fish
	for unit in packaging/systemd/*.service; do \
		sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' $$unit > $(DIST)/$${unit##*/} && \
		install -D -m 0644 $(DIST)/$${unit##*/} $(DESTDIR)$(UNITDIR)/$${unit##*/} || exit 1; done
	install -d $(DESTDIR)$(DOCDIR)
	install -m 0644 README.md config.example.toml packaging/debian/copyright docs/*.md $(DESTDIR)$(DOCDIR)/

# The Debian package: the install staged under /usr, zsh and systemd files where Debian keeps them.
deb: deps
	rm -rf .build/deb-root
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/.build/deb-root PREFIX=/usr \
		ZSHCOMPDIR=/usr/share/zsh/vendor-completions UNITDIR=/lib/systemd/system
	packaging/build-deb.sh .build/deb-root $(VERSION) $(DEB)
	@echo "Built $(DEB)"

# The .deb in a clean debootstrapped bookworm (root needed: chroot): installed, upgraded over an older version with
# a store the previous release wrote, purged (packaging/test-package.sh).
package-test: deb
	$(SUDO) packaging/test-package.sh $(DEB) .build/deb-root

# The snapshot bars, in release: every pane vs plain SQL over the raw CDRs at three traffic rates — 10 M CDRs over
# 7 days, the same over 1 day, 30 M over 1 day — and the cost ratio of the slowest to the fastest. Each store is
# built once (minutes; .build/bench/store-N-Dd.db) and reused; e.g. `make bench BENCH_RATES=1000000/7,1000000/1
# BENCH_ARGS="--runs 25"`. Then the monitor bar, below.
BENCH_RATES ?= 10000000/7,10000000/1,30000000/1
BENCH_ARGS ?=
bench: deps
	$(SWIFT) build -c release --product termdash-bench
	./.build/release/termdash-bench --store .build/bench/store.db --rates $(BENCH_RATES) $(BENCH_ARGS)
	@$(MAKE) --no-print-directory bench-first-frame
	@$(MAKE) --no-print-directory bench-monitor

# The first-frame bar: `termdash monitor` on the 10 M-CDR store (built by `make bench`) draws its first full frame
# within 300 ms of starting, median of FIRST_FRAME_RUNS (5) runs (bench/first-frame.sh).
FIRST_FRAME_STORE ?= .build/bench/store-10000000-7d.db
bench-first-frame: deps
	$(SWIFT) build -c release --product termdash
	@if [ -f $(FIRST_FRAME_STORE) ]; then TERMDASH=.build/release/termdash bench/first-frame.sh $(FIRST_FRAME_STORE); \
	else echo "first frame: not measured, no store at $(FIRST_FRAME_STORE) (make bench builds it; or FIRST_FRAME_STORE=PATH)"; fi

# The monitor bar of DESIGN.md: `termdash monitor` and `htop -d 10` side by side in tmux at 200x50 for the same
# minute with simulated traffic; CPU seconds and bytes written to the terminal (bench/monitor-vs-htop.sh), at the
# simulator's default rate and at carrier rate (200 CPS); `MONITOR_BENCH_CPS=N` measures at N alone.
# A quick run: `make bench-monitor MONITOR_BENCH_SECONDS=10 MONITOR_BENCH_WARMUP=5`; `MONITOR_BENCH_ARGS=--strict`
# makes a missed bar an error.
MONITOR_BENCH_ARGS ?=
bench-monitor: bench-deps
	$(SWIFT) build -c release --product termdash
	if [ -n "$$MONITOR_BENCH_CPS" ]; then \
		TERMDASH=.build/release/termdash bench/monitor-vs-htop.sh $(MONITOR_BENCH_ARGS); \
	else \
		TERMDASH=.build/release/termdash bench/monitor-vs-htop.sh $(MONITOR_BENCH_ARGS) && \
		MONITOR_BENCH_CPS=200 TERMDASH=.build/release/termdash bench/monitor-vs-htop.sh $(MONITOR_BENCH_ARGS); \
	fi

# The memory bar: the monitor's RSS at most 60 MB and flat over MEMORY_BENCH_SECONDS (default 1800) of simulated
# traffic at MEMORY_BENCH_CPS (200), sampled every 10 s: first, last and maximum (bench/monitor-memory.sh).
bench-memory: bench-deps
	$(SWIFT) build -c release --product termdash
	TERMDASH=.build/release/termdash bench/monitor-memory.sh

# The Kamailio feed's cost: 200 CPS through Kamailio for 60 s, the feed's CPU beside Kamailio's, and whether it
# kept up (bench/kamailio-cps.sh; KAMAILIO_BENCH_CPS, KAMAILIO_BENCH_SECONDS).
bench-kamailio: deps
	$(SWIFT) build -c release --product termdash
	TERMDASH=.build/release/termdash bench/kamailio-cps.sh

# The servers store's bars (issue 15; docs/scale-out.md, "make bench-cluster"): PostgreSQL 15 and a two-shard
# ClickHouse cluster started on loopback (data in .build/bench-cluster, stopped by PID at the end), BENCH_CLUSTER_CDRS/2
# seeded Asterisk rows per importer (files of an hour of traffic) loaded by two concurrent `termdash import` processes (bar >= 200,000
# CDRs/s together), the snapshot of every pane on the servers (bar <= 100 ms median) against plain SQL over the raw
# ClickHouse table, and the disk used per million CDRs. The issue's size is 100 M (BENCH_CLUSTER_CDRS=100000000:
# some 19 GB of files); the default finishes in a minute. E.g. BENCH_CLUSTER_ARGS="--runs 25 --keep", then
# BENCH_CLUSTER_ARGS=--reuse measures the kept servers again without loading them.
BENCH_CLUSTER_CDRS ?= 2000000
BENCH_CLUSTER_ARGS ?=
bench-cluster: deps
	$(SWIFT) build -c release --product termdash
	$(SWIFT) build -c release --product termdash-bench
	./.build/release/termdash-bench cluster --folder .build/bench-cluster --cdrs $(BENCH_CLUSTER_CDRS) $(BENCH_CLUSTER_ARGS)

# libFuzzer over CDR format detection and every format's parser, for FUZZ_SECONDS (default 60). The parsing sources
# compile alone (no GRDB); seeds: Fuzz/corpus and, when beside the checkout, ../shared/cdr-samples. New inputs are
# kept in .build/fuzz/corpus, crashes written to .build/fuzz/crash-*.
SWIFTC ?= swiftc
FUZZ_SECONDS ?= 60
FUZZ_SOURCES := Sources/Metrics/Records/CallRecord.swift Sources/Metrics/Records/Disposition.swift Sources/Metrics/Records/Outcome.swift Sources/Metrics/Rating/Money.swift \
	Sources/Metrics/Rollups/TimeBuckets.swift Sources/Metrics/Records/RowKey.swift $(addprefix Sources/Metrics/Import/, CSVReader.swift \
	CSVFields.swift CDRFileReader.swift CDRFormat.swift CDRColumns.swift CallerID.swift ColumnLayout.swift DetectionError.swift \
	Dispositions.swift FormatDetection.swift LocalTimeParser.swift ZoneOffsets.swift NativeColumns.swift NativeTime.swift \
	RegistrationSample.swift RowError.swift RowParser.swift RowParserCore.swift SwitchRow.swift ContentHash.swift \
	FormatCandidates.swift UTF16Detection.swift)
fuzz:
	@mkdir -p .build/fuzz/corpus
	$(SWIFTC) -sanitize=fuzzer,address -parse-as-library -O -wmo -module-name CDRFuzz $(FUZZ_SOURCES) Fuzz/CDRFuzz.swift \
		-o .build/fuzz/cdr-fuzz
	seeds=Fuzz/corpus; if [ -d ../shared/cdr-samples ]; then seeds="$$seeds ../shared/cdr-samples"; fi; \
	./.build/fuzz/cdr-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -dict=Fuzz/cdr.dict -artifact_prefix=.build/fuzz/ \
		.build/fuzz/corpus $$seeds

clean:
	rm -rf .build
