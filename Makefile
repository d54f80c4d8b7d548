# journal: `make run` shows the example review, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
EXAMPLE = journal-example
EXAMPLE_AS_OF = 2026-11-27

.PHONY: all deps test-deps man-deps build release run test lint format install uninstall e2e-editor e2e-everyday e2e-completions ics-venv e2e-ics ics-golden e2e-browser screenshot e2e-lsp bench fuzz test-asan clean

all: build

# libcmark and libsqlite3 (the entry index) are the system libraries we need; install them
# when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark sqlite3 2>/dev/null; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "make: libcmark or sqlite3 not found; installing libcmark-dev, libsqlite3-dev and pkg-config with apt-get"; \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev libsqlite3-dev pkg-config; \
		elif command -v brew >/dev/null 2>&1; then \
			echo "make: libcmark or sqlite3 not found; installing cmark and sqlite with brew"; \
			brew install cmark sqlite pkg-config; \
		else \
			echo "make: libcmark or sqlite3 not found and no apt-get or brew; install cmark (>= 0.30) and sqlite3 by hand" >&2; exit 2; \
		fi; \
	fi

# The markdown report's rendering test also renders with GitHub's dialect: Debian's cmark-gfm.
test-deps: deps
	@if ! command -v cmark-gfm >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "make: cmark-gfm not found; installing it with apt-get (for the markdown report test)"; \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get install -y -qq cmark-gfm || { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq cmark-gfm; }; \
		else \
			echo "make: cmark-gfm not found and no apt-get; its markdown test is skipped" >&2; \
		fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	$(SWIFT) run journal review --journal $(EXAMPLE) --as-of $(EXAMPLE_AS_OF)

test: test-deps man-deps ics-venv
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests

# `make release` as yourself, then `sudo make install`: install only copies what was built, so
# nothing is compiled as root. `make uninstall` removes exactly the files install wrote.
INSTALLED = $(BINDIR)/journal $(PREFIX)/share/bash-completion/completions/journal \
	$(PREFIX)/share/zsh/site-functions/_journal $(PREFIX)/share/fish/vendor_completions.d/journal.fish \
	$(PREFIX)/share/man/man1/journal.1

install:
	@[ -x .build/release/journal ] || { echo "make: run 'make release' first (install builds nothing)" >&2; exit 2; }
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 .build/release/journal $(DESTDIR)$(BINDIR)/journal
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/man/man1
	.build/release/journal --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/journal
	.build/release/journal --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_journal
	.build/release/journal --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/journal.fish
	install -m 644 docs/journal.1 $(DESTDIR)$(PREFIX)/share/man/man1/journal.1

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# The manual's tests run mandoc and groff; install them when missing.
man-deps:
	@if ! command -v mandoc >/dev/null 2>&1 || ! command -v groff >/dev/null 2>&1; then \
		echo "make: installing mandoc and groff for the manual's tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq mandoc groff-base >/dev/null; \
	fi

# The calendar export's round-trip test reads the export with Python's icalendar (PyPI), from a
# virtualenv under .build/; ExportCommandTests runs scripts/e2e-ics.py when it exists.
ICS_VENV = .build/venv-ics
ics-venv:
	@if ! $(ICS_VENV)/bin/python -c 'import icalendar' 2>/dev/null; then \
		echo "make: creating $(ICS_VENV) with icalendar from PyPI (for the calendar export test)"; \
		rm -rf $(ICS_VENV); \
		if ! python3 -m venv $(ICS_VENV) >/dev/null 2>&1; then \
			rm -rf $(ICS_VENV); \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3 python3-venv >/dev/null; \
			python3 -m venv $(ICS_VENV); \
		fi; \
		$(ICS_VENV)/bin/pip install -q --disable-pip-version-check 'icalendar==7.3.0'; \
	fi

e2e-ics: build ics-venv
	$(ICS_VENV)/bin/python scripts/e2e-ics.py .build/debug/journal

# Rewrites the golden export of the example journal; read the diff before committing it.
ics-golden: build
	.build/debug/journal export ics --journal $(EXAMPLE) --as-of $(EXAMPLE_AS_OF) \
		> Tests/Fixtures/Export/$(EXAMPLE)-$(EXAMPLE_AS_OF).ics

# Benchmarks (issue 6): never part of `make test`. BENCH_SIZES picks corpora, RUNS the repetitions.
BENCH_SIZES ?= typical heavy lifetime
HASH_SIZES ?= typical heavy lifetime realistic
FLOOR = Benchmarks/floor/cmark-floor

# A person's use of `journal new`: tmux, a real vi, keystrokes, then `journal review`.
e2e-editor: build
	bash scripts/e2e-editor.sh .build/debug/journal

# add, done, move, edit in a real vi and review at 80x24 under tmux: nothing wraps.
e2e-everyday: build
	bash scripts/e2e-everyday.sh .build/debug/journal

# Tab completion in bash, zsh and fish under tmux, from the generated scripts.
e2e-completions: build
	bash scripts/e2e-completions.sh .build/debug/journal

# The example's HTML review in headless Chromium (installed when missing), 1280 and 390 px, light
# and dark, checked over the DevTools protocol and printed to PDF; screenshots in .build/e2e-browser/.
e2e-browser: build
	EXAMPLE_AS_OF=$(EXAMPLE_AS_OF) bash scripts/e2e-browser.sh .build/debug/journal

# Not in CI: regenerates the README's screenshot of the HTML review (cropped, pngquant, < 200 KB).
screenshot: build
	EXAMPLE_AS_OF=$(EXAMPLE_AS_OF) bash scripts/e2e-browser.sh .build/debug/journal --screenshot docs/review-html.png

# `journal lsp` under Debian's Neovim (installed when missing): diagnostics, completion, hover,
# definition and a code action, with no file on disk changed.
e2e-lsp: build
	bash scripts/e2e-lsp.sh .build/debug/journal

bench: release bench-floor
	Benchmarks/bench.sh $(BENCH_SIZES)

bench-floor: deps $(FLOOR)

# Warm-index runs (the entry index) on the heavy corpus, apart from bench.sh.
bench-index: release bench-floor
	Benchmarks/bench-index.sh heavy

$(FLOOR): Benchmarks/floor/cmark-floor.c
	cc -O2 -Wall -Wextra -pthread -o $@ $< $$(pkg-config --cflags --libs libcmark)

bench-corpora:
	@for size in $(BENCH_SIZES); do \
		[ -f Benchmarks/corpora/$$size/journal.yml ] || python3 Benchmarks/generate.py $$size; \
	done

# The corpora's outputs, byte for byte, against Benchmarks/output-hashes.txt (issue 13). After a
# deliberate change to what a report says, `make bench-hashes-update` rewrites the hashes.
bench-hashes: release
	Benchmarks/output-hashes.sh $(HASH_SIZES)

bench-hashes-update: release
	Benchmarks/output-hashes.sh --update $(HASH_SIZES)

bench-micro: deps
	cd Benchmarks/Micro && $(SWIFT) build -c release --product Micro && .build/release/Micro

.PHONY: bench-floor bench-corpora bench-hashes bench-hashes-update bench-micro fuzz-build fuzz-entry fuzz-load

# Fuzzing and sanitizers (issue 5). `make fuzz SECONDS=600` fuzzes longer; docs/SAFETY.md says more.
# Everything is built with AddressSanitizer and coverage; only the fuzzer target links libFuzzer.
SECONDS ?= 60
FUZZ_SCRATCH = .build-fuzz
FUZZ_FLAGS = -Xswiftc -sanitize=address \
	-Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xswiftc -use-ld=lld

# `make fuzz` runs both targets for SECONDS each; `make fuzz-load SECONDS=600` only the second.
fuzz: fuzz-entry fuzz-load

fuzz-build: deps
	cd Fuzz && ASAN_OPTIONS=detect_leaks=0 $(SWIFT) build -c debug --scratch-path $(FUZZ_SCRATCH) $(FUZZ_FLAGS)
	mkdir -p Fuzz/$(FUZZ_SCRATCH)/corpus Fuzz/$(FUZZ_SCRATCH)/corpus-load Fuzz/$(FUZZ_SCRATCH)/artifacts

fuzz-entry: fuzz-build
	cd Fuzz && $(FUZZ_SCRATCH)/debug/EntryParserFuzzer $(FUZZ_SCRATCH)/corpus corpus \
		-max_total_time=$(SECONDS) -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=$(FUZZ_SCRATCH)/artifacts/ -print_final_stats=1

# The whole load path, inputs up to 256 KiB, 30 s per input: a quadratic loop at that size
# takes minutes. Seeded with issue 10's shapes (Fuzz/seeds.py).
fuzz-load: fuzz-build
	python3 Fuzz/seeds.py Fuzz/$(FUZZ_SCRATCH)/seeds-load
	cd Fuzz && $(FUZZ_SCRATCH)/debug/LoadPathFuzzer $(FUZZ_SCRATCH)/corpus-load $(FUZZ_SCRATCH)/seeds-load corpus \
		-max_total_time=$(SECONDS) -max_len=262144 -timeout=30 -rss_limit_mb=4096 \
		-artifact_prefix=$(FUZZ_SCRATCH)/artifacts/load- -print_final_stats=1

# The unit tests under AddressSanitizer: the cmark binding is where memory bugs would hide.
test-asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --filter JournalKitTests

clean:
	rm -rf .build
