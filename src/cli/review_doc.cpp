#include "cli/review_doc.hpp"

#include <cctype>

namespace momentum::cli {
namespace {

// Characters that would start a block at the start of a list item or heading text.
bool starts_block(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '-' || s.front() == '+' || s.front() == '=') return true;
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  return i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')');
}

}  // namespace

std::string ReviewDoc::text(std::string_view user) const {
  std::string out;
  for (char c : user) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += ' ';
    } else if (md_ && std::string_view("\\`*_[]<>#!|~&").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  if (md_ && starts_block(out)) {
    const std::size_t at = std::isdigit(static_cast<unsigned char>(out.front()))
                               ? out.find_first_not_of("0123456789")
                               : 0;
    out.insert(at, "\\");
  }
  return out;
}

void ReviewDoc::blank() {
  if (started_) out_ << '\n';
  started_ = true;
}

void ReviewDoc::heading(int level, std::string_view text) {
  blank();
  in_list_ = false;
  if (md_) {
    out_ << std::string(static_cast<std::size_t>(level), '#') << ' ' << text << '\n';
  } else {
    out_ << text << '\n';
    if (level < 3) out_ << std::string(text.size(), level == 1 ? '=' : '-') << '\n';
  }
}

void ReviewDoc::item(std::string_view text) {
  if (!in_list_) blank();
  in_list_ = true;
  out_ << (md_ ? "- " : "  * ") << text << '\n';
}

void ReviewDoc::para(std::string_view text) {
  blank();
  in_list_ = false;
  out_ << text << '\n';
}

}  // namespace momentum::cli
