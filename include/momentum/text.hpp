#pragma once
// User text made safe to print: the one escaping that every renderer and every error and
// warning line goes through, so no control byte a user typed reaches a terminal.

#include <cstddef>
#include <string>
#include <string_view>

namespace momentum {

// `text` with control characters shown as escapes: \n, \t, \x1b (C0 and DEL), \u009b (C1),
// \u202e (bidi marks, overrides and isolates, line and paragraph separators) and \xff for a byte
// that is not UTF-8. Idempotent: escaped text comes back unchanged.
std::string escape(std::string_view text);

// The length of the UTF-8 sequence that starts with `lead`; 1 for a stray byte.
std::size_t utf8_sequence_length(unsigned char lead);

}  // namespace momentum
