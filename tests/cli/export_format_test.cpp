// export_format.hpp: RFC 4180 fields, RFC 5545 text, folding and ids, to the byte.
#include "cli/export_format.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace momentum::cli;
using namespace std::chrono;

TEST_CASE("csv_field: plain text as it is", "[export]") {
  CHECK(csv_field("") == "");
  CHECK(csv_field("linear regression") == "linear regression");
  CHECK(csv_field("Größe 42 ✓") == "Größe 42 ✓");
  CHECK(csv_field("a;b 'c'") == "a;b 'c'");
}

TEST_CASE("csv_field: a comma, quote or line break encloses it, quotes doubled", "[export]") {
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("csv_field: control characters become escapes, line breaks stay", "[export]") {
  CHECK(csv_field("red \x1b[31m") == "red \\x1b[31m");
  CHECK(csv_field("a\r\nb") == "\"a\\x0d\nb\"");
  CHECK(csv_field("tab\there") == "tab\\there");
  CHECK(csv_field("bad \xff byte") == "bad \\xff byte");
}

TEST_CASE("csv_record: fields joined by commas, CRLF at the end", "[export]") {
  CHECK(csv_record({"1", "a, b", "", "x"}) == "1,\"a, b\",,x\r\n");
  CHECK(csv_record({"only"}) == "only\r\n");
}

TEST_CASE("ics_text: backslash, semicolon, comma and line breaks escaped", "[export]") {
  CHECK(ics_text("plain") == "plain");
  CHECK(ics_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ics_text("two\nlines") == "two\\nlines");
  CHECK(ics_text("Größe ✓") == "Größe ✓");
  // A control character is escaped first, and its backslash then escaped for RFC 5545.
  CHECK(ics_text("bell\x07") == "bell\\\\x07");
}

TEST_CASE("ics_fold: a short line ends in CRLF", "[export]") {
  CHECK(ics_fold("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n");
  const std::string exactly_75(75, 'a');
  CHECK(ics_fold(exactly_75) == exactly_75 + "\r\n");
}

TEST_CASE("ics_fold: 75 octets, then 74 after the space of each continuation", "[export]") {
  const std::string line = "SUMMARY:" + std::string(150, 'x');  // 158 octets
  const std::string folded = ics_fold(line);
  CHECK(folded ==
        line.substr(0, 75) + "\r\n " + line.substr(75, 74) + "\r\n " + line.substr(149) + "\r\n");
}

TEST_CASE("ics_fold: never inside a UTF-8 sequence", "[export]") {
  // 73 ASCII octets, then "é" (2 octets: 74-75 fits) and "✓" (3 octets: 76-78 does not).
  const std::string line = std::string(73, 'a') + "é✓✓";
  CHECK(ics_fold(line) == std::string(73, 'a') + "é\r\n ✓✓\r\n");
  // 74 ASCII octets: "é" would take octets 75-76, so the break comes before it.
  const std::string two = std::string(74, 'b') + "éz";
  CHECK(ics_fold(two) == std::string(74, 'b') + "\r\n éz\r\n");
}

TEST_CASE("ics_fold: every folded line of multi-byte text is whole UTF-8", "[export]") {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) line += "日本";  // 3 octets each
  const std::string folded = ics_fold(line);
  std::size_t start = 0;
  std::string unfolded;
  for (std::size_t end = folded.find("\r\n"); end != std::string::npos;
       end = folded.find("\r\n", start)) {
    const std::string part = folded.substr(start, end - start);
    CHECK(part.size() <= 75);
    // A part starts with ASCII or a lead byte, never a continuation byte.
    const std::size_t body = start == 0 ? 0 : 1;
    REQUIRE(part.size() > body);
    CHECK((static_cast<unsigned char>(part[body]) & 0xc0) != 0x80);
    unfolded += part.substr(body);
    start = end + 2;
  }
  CHECK(start == folded.size());
  CHECK(unfolded == line);
}

TEST_CASE("ics_date, ics_timestamp and ics_uid", "[export]") {
  CHECK(ics_date(sys_days{2026y / March / 9}) == "20260309");
  CHECK(ics_date(sys_days{999y / December / 31}) == "09991231");
  const momentum::Timestamp ts =
      sys_days{2026y / March / 10} + hours{9} + minutes{5} + seconds{7} + milliseconds{999};
  CHECK(ics_timestamp(ts) == "20260310T090507Z");
  CHECK(ics_uid("task", "0fb63a4e-9548-41d7-a50a-2d5d435b3bdd") ==
        "task-0fb63a4e-9548-41d7-a50a-2d5d435b3bdd@momentum");
}
