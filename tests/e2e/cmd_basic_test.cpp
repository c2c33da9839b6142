#include <catch2/catch.hpp>

#include "sandbox.hpp"

using momentum::test::Sandbox;

TEST_CASE("momentum --version prints the version and exits 0", "[e2e]") {
  Sandbox box;
  const auto r = box.run({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("momentum ", 0) == 0);
}
