# Thin wrapper over CMake (as cmark does).  Set-up for a new user:
#   make run    installs missing Debian packages (as root; else prints the
#               apt-get line), builds, codes the bundled example into parley.db
#   make test   same set-up, then the whole test suite (CTest)
MAKEFLAGS += --no-print-directory
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= 2
DEB_PKGS = build-essential cmake pkg-config libsqlite3-dev libjansson-dev \
           libutf8proc-dev sqlite3 time  # sqlite3, time: used by tests/cli
# only for `make fuzz` (libFuzzer comes with clang's runtime package)
FUZZ_PKGS = clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
EXAMPLE = examples/ceasefire_talks.txt
EXAMPLE_DATE = 2024-10-24

.PHONY: all deps build run test asan bench fuzz format lint clean

all: build

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get install -y $$missing >/dev/null 2>&1 || \
	     (apt-get update >/dev/null && apt-get install -y $$missing >/dev/null)) || \
	     { echo "apt-get failed"; exit 1; }; \
	  else \
	    echo "missing packages; run:  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@rm -f parley.db parley.db-wal parley.db-shm
	$(BUILD)/parley code $(EXAMPLE) --date $(EXAMPLE_DATE) --source example \
	  --db parley.db --format pretty

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON \
	  -DPARLEY_WERROR=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

bench: build
	@if [ -x bench/run.sh ]; then bench/run.sh $(BUILD)/parley; \
	 else echo "bench: not built yet"; exit 1; fi

# each fuzz/fuzz_*.c target for FUZZ_SECONDS on its corpus (build-fuzz/)
fuzz:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) $(FUZZ_PKGS)"
	@FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c cli/*.h

lint:
	@! grep -nE '\b(gets|strcpy|strcat|sprintf|strtok|atoi|atol)\s*\(' src/*.c \
	  || { echo "lint: banned function in src/"; exit 1; }
	@echo "lint: ok"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz build-nosimd parley.db parley.db-wal parley.db-shm
