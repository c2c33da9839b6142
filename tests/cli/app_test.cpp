// run()'s one catch: how each kind of failure is printed and which exit code it maps to.
#include "cli/app.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

#include "momentum/error.hpp"

using momentum::cli::report_failure;

namespace {

struct Reported {
  int code;
  std::string err;
};

template <typename E>
Reported report(const E& failure) {
  std::ostringstream err;
  const int code = report_failure(std::make_exception_ptr(failure), err);
  return {code, err.str()};
}

}  // namespace

TEST_CASE("a usage error is exit 2 and a storage error exit 3", "[app][errors]") {
  const Reported usage = report(momentum::UsageError("unknown goal '7'"));
  CHECK(usage.code == 2);
  CHECK(usage.err == "momentum: error: unknown goal '7'\n");

  const Reported storage = report(momentum::StorageError("cannot read journal 'j': EIO"));
  CHECK(storage.code == 3);
  CHECK(storage.err == "momentum: error: cannot read journal 'j': EIO\n");
}

TEST_CASE("any other exception is a bug: an internal error, exit 70", "[app][errors]") {
  SECTION("a std::exception") {
    const Reported bug = report(std::out_of_range("map::at"));
    CHECK(bug.code == 70);
    CHECK(bug.err == "momentum: internal error: map::at\n");
  }
  SECTION("its message is escaped like every error line") {
    const Reported bug = report(std::logic_error("bad \x1b[2J byte"));
    CHECK(bug.code == 70);
    CHECK(bug.err == "momentum: internal error: bad \\x1b[2J byte\n");
  }
  SECTION("something that is not a std::exception") {
    const Reported bug = report(42);
    CHECK(bug.code == 70);
    CHECK(bug.err == "momentum: internal error: an exception that is not a std::exception\n");
  }
}
