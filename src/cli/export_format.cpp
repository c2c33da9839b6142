#include "cli/export_format.hpp"

#include <fmt/format.h>

#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

// An RFC 5545 line may be 75 octets long, its line break not counted.
constexpr std::size_t ics_line_octets = 75;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

}  // namespace

std::string escape_keeping_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0;;) {
    const std::size_t nl = text.find('\n', pos);
    out += escape(text.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    pos = nl + 1;
  }
}

std::string csv_field(std::string_view text) {
  std::string field = escape_keeping_lines(text);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string ics_text(std::string_view text) {
  std::string out;
  for (char c : escape_keeping_lines(text)) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  std::size_t room = ics_line_octets;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && is_continuation(line[cut])) --cut;  // a sequence stays whole
    if (cut == 0) cut = room;                             // not UTF-8 at all: cut anyway
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = ics_line_octets - 1;  // the leading space counts
  }
  out.append(line);
  return out + "\r\n";
}

std::string ics_date(Day day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string ics_timestamp(Timestamp ts) {
  const Day day = std::chrono::floor<std::chrono::days>(ts);
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::seconds>(ts - day)};
  return fmt::format("{}T{:02}{:02}{:02}Z", ics_date(day), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

std::string ics_uid(std::string_view kind, std::string_view uuid) {
  return fmt::format("{}-{}@momentum", kind, uuid);
}

}  // namespace momentum::cli
