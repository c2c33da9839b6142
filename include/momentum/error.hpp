#pragma once
// The two kinds of failure a user can meet, and the exit codes they map to.

#include <stdexcept>

namespace momentum {

// Any failure momentum reports to the user; the message is one line, no trailing period.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Bad input: an unknown ID, a malformed date, an out-of-range number (exit 2).
struct UsageError : Error {
  using Error::Error;
};

// The journal or its directory cannot be read, locked or written (exit 3).
struct StorageError : Error {
  using Error::Error;
};

}  // namespace momentum
