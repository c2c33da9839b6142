# A thin front for CMake presets. `make run` and `make test` work on a fresh Debian machine.
# libsqlite3-dev, libzip-dev and pkg-config: `import --from loop` reads Loop's backups and zips.
# dpkg-dev and file: CPack asks dpkg-shlibdeps for the .deb's Depends (make package).
PACKAGES := cmake g++ make git libcli11-dev nlohmann-json3-dev libfmt-dev libsimdjson-dev catch2 libxml2-utils \
            libsqlite3-dev libzip-dev pkg-config \
            dpkg-dev file
# Only for `make format`, `format-check` and `tidy`, which CI runs.
# clang-tidy 16: Debian's default clang-tidy (14) cannot parse libstdc++ 12's <ranges>.
DEV_PACKAGES := clang-format clang-tidy-16
# Only for `make bench` (hyperfine; GNU time for peak RSS) and `make bench-peers` (the peers).
BENCH_PACKAGES := hyperfine time python3
PEER_PACKAGES := taskwarrior timewarrior
# Journal sizes (events) for `make bench`, e.g. make bench SIZES="1000 100000".
SIZES ?= 1000 100000 1000000
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VERSION := $(shell sed -n 's/^project.momentum VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
DEB = build/release/momentum_$(VERSION)_$(shell dpkg --print-architecture).deb

.PHONY: all deps dev-deps build release run test asan install package package-check format \
        format-check tidy bench bench-peers bench-floors clean

all: build

# Installs only the packages that are missing; a no-op when all are present.
deps:
	@$(MAKE) --no-print-directory install-missing WANTED="$(PACKAGES)"

dev-deps:
	@$(MAKE) --no-print-directory install-missing WANTED="$(DEV_PACKAGES)"

.PHONY: install-missing
install-missing:
	@missing=""; for p in $(WANTED); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

run: release
	./build/release/momentum $(ARGS)

test: build
	ctest --preset dev

asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

# The binary, the man page and the bash, zsh and fish completions under $(PREFIX).
install: deps
	cmake --preset release -DCMAKE_INSTALL_PREFIX=$(abspath $(PREFIX)) >/dev/null
	cmake --build --preset release -j $(JOBS)
	cmake --install build/release

# The same as a Debian package for prefix /usr: build/release/momentum_<version>_<arch>.deb.
package: deps
	cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
	cmake --build --preset release -j $(JOBS)
	cpack --config build/release/CPackConfig.cmake -B build/release
	@echo "built $(DEB)"

# Installs the .deb on this machine, checks it, and removes it again (CI).
package-check: package
	.ci/check-package $(DEB) $(VERSION)

# Every tracked C++ file in the repository's .clang-format style.
SOURCES = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

format: dev-deps
	clang-format -i $(SOURCES)

# Fails, naming the files, when a file is not formatted (CI).
format-check: dev-deps
	@clang-format --dry-run --Werror $(SOURCES)
	@echo "format-check: $(words $(SOURCES)) C++ files follow .clang-format"

# The checks in .clang-tidy over every source file of the program; a finding fails (CI).
# Only configures (for compile_commands.json): clang-tidy parses the sources itself.
tidy: deps dev-deps
	cmake --preset tidy >/dev/null
	run-clang-tidy-16 -clang-tidy-binary clang-tidy-16 -p build/tidy -j $(JOBS) -quiet \
	  '$(CURDIR)/src/' >build/tidy/tidy.log 2>&1 \
	  || { grep -E 'warning:|error:' build/tidy/tidy.log | sort -u; echo "tidy: findings above (build/tidy/tidy.log)"; exit 1; }
	@echo "tidy: $$(grep -c '^clang-tidy' build/tidy/tidy.log) files pass .clang-tidy"

# Speed, measured, never in `make test` or CI: docs/performance.md. Generated journals and the
# peers' data are cached under build/bench, so a rerun only times.
bench-floors: release
	@$(MAKE) --no-print-directory install-missing WANTED="$(BENCH_PACKAGES)"
	cmake -S bench -B build/bench/floors -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build build/bench/floors -j $(JOBS)

bench: bench-floors
	python3 bench/bench.py --sizes "$(SIZES)"

bench-peers: bench-floors
	@$(MAKE) --no-print-directory install-missing WANTED="$(PEER_PACKAGES)"
	python3 bench/bench.py peers

clean:
	rm -rf build
