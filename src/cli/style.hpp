#pragma once
// How text output looks: decided once from the locale, the terminal and the options, and
// handed to every renderer instead of the whole Context.

namespace momentum::cli {

// A renderer's look: UTF-8 glyphs or ASCII ones, colour or none, and the columns to fit.
struct Style {
  bool utf8 = true;
  bool color = false;
  int width = 80;
};

}  // namespace momentum::cli
