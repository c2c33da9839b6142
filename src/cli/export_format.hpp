#pragma once
// The exact byte rules of the export formats, apart from what they show: RFC 4180 fields,
// RFC 5545 text, line folding and ids. Pure functions, tested to the byte.

#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"

namespace momentum::cli {

// User text with every control character shown as an escape, as escape() (text.hpp) does,
// except the line breaks ("\n"), which a field or a description may hold.
std::string escape_keeping_lines(std::string_view text);

// One CSV field (RFC 4180): enclosed in double quotes, inner quotes doubled, when it holds a
// comma, a quote, CR or LF; as it is otherwise. Control characters are escaped first.
std::string csv_field(std::string_view text);

// A CSV record: the fields (csv_field each) joined by commas, ending in CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// RFC 5545 TEXT: backslash, semicolon and comma escaped with a backslash, a line break as
// "\n"; control characters are escaped first (escape_keeping_lines).
std::string ics_text(std::string_view text);

// A content line folded as RFC 5545 §3.1 asks: at most 75 octets a line, the break a CRLF and a
// space, never inside a UTF-8 sequence; the result ends in CRLF.
std::string ics_fold(std::string_view line);

// A DATE value: "20260310".
std::string ics_date(Day day);

// A UTC DATE-TIME value (seconds; milliseconds dropped): "20260310T090000Z".
std::string ics_timestamp(Timestamp ts);

// A globally unique, stable UID: "<kind>-<uuid>@momentum" ("task-1b4e…@momentum").
std::string ics_uid(std::string_view kind, std::string_view uuid);

}  // namespace momentum::cli
