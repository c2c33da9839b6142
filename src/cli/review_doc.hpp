#pragma once
// A tiny document writer for `review`: CommonMark, or plain text; never colour.

#include <ostream>
#include <string>
#include <string_view>

namespace momentum::cli {

class ReviewDoc {
 public:
  ReviewDoc(std::ostream& out, bool markdown) : out_(out), md_(markdown) {}
  // A heading of `level` (1-3).
  void heading(int level, std::string_view text);
  // A list item whose text is already escaped with text().
  void item(std::string_view text);
  // A paragraph of escaped text.
  void para(std::string_view text);
  // User text made safe: control characters become spaces; in Markdown, characters with a
  // meaning are escaped with a backslash.
  std::string text(std::string_view user) const;

 private:
  void blank();
  std::ostream& out_;
  bool md_;
  bool in_list_ = false;
  bool started_ = false;
};

}  // namespace momentum::cli
