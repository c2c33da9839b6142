#include "momentum/text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "momentum/parse.hpp"

namespace momentum {
namespace {

// Invisible code points that reorder or break the text around them (Trojan Source):
// U+200E/F marks, U+2028/9 separators, U+202A–E embeddings and overrides, U+2066–9 isolates.
bool is_format_control(char32_t c) {
  return c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char32_t decode3(std::string_view s) {
  return static_cast<char32_t>(((static_cast<unsigned char>(s[0]) & 0x0f) << 12) |
                               ((static_cast<unsigned char>(s[1]) & 0x3f) << 6) |
                               (static_cast<unsigned char>(s[2]) & 0x3f));
}

}  // namespace

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = std::min(utf8_sequence_length(c), text.size() - i);
    const std::string_view seq = text.substr(i, n);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && n == 1)) {  // a stray byte, too
      out += fmt::format("\\x{:02x}", c);
    } else if (n > 1 && !is_valid_utf8(seq)) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    } else if (c == 0xc2 && n == 2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1 controls
    } else if (seq == "\xd8\x9c") {
      out += "\\u061c";  // ARABIC LETTER MARK, a bidi control
    } else if (n == 3 && is_format_control(decode3(seq))) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(decode3(seq)));
    } else {
      out.append(seq);
    }
    i += n;
  }
  return out;
}

}  // namespace momentum
