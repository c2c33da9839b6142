// escape(): what every renderer, error and warning line shows of user text.
#include "momentum/text.hpp"

#include <catch2/catch.hpp>
#include <string>

using momentum::escape;

TEST_CASE("escape shows control characters as escapes", "[text]") {
  CHECK(escape("plain text, ünïcode, 日本語 and …") == "plain text, ünïcode, 日本語 and …");
  CHECK(escape("a\nb\tc") == "a\\nb\\tc");
  CHECK(escape("\x1b[2J\x07\x7f") == "\\x1b[2J\\x07\\x7f");
  CHECK(escape(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(escape("x\xc2\x9b"
               "31m") == "x\\u009b31m");    // C1 CSI
  CHECK(escape("\xc2\xa0") == "\xc2\xa0");  // NBSP is text
}

TEST_CASE("escape shows bidi and line-breaking format characters", "[text]") {
  CHECK(escape("\xe2\x80\xae"
               "evil") == "\\u202eevil");                           // RIGHT-TO-LEFT OVERRIDE
  CHECK(escape("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");  // isolates
  CHECK(escape("\xe2\x80\x8f\xe2\x80\xa8") == "\\u200f\\u2028");
  CHECK(escape("\xd8\x9cx") == "\\u061cx");         // ARABIC LETTER MARK
  CHECK(escape("\xe2\x80\x94") == "\xe2\x80\x94");  // an em dash is text
}

TEST_CASE("escape shows bytes that are not UTF-8", "[text]") {
  CHECK(escape("\xff") == "\\xff");
  CHECK(escape("a\x80z") == "a\\x80z");       // a stray continuation byte
  CHECK(escape("\xe2\x80") == "\\xe2\\x80");  // a sequence cut short
  CHECK(escape("\xc3(") == "\\xc3(");
}

TEST_CASE("escape is idempotent", "[text]") {
  for (const std::string text : {"\x1b[31mred", "a\nb", "\xe2\x80\xae", "\xff", "back\\slash"}) {
    const std::string once = escape(text);
    CHECK(escape(once) == once);
  }
}
