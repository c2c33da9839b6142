#pragma once
// Private to the store: a shared library opened on first use. libzip (which brings libcrypto)
// and SQLite cost every process about 1.5 ms to map and relocate when linked, a prompt's whole
// budget, and only `import` of a Loop Habit Tracker backup needs them: that is when they are
// opened (docs/performance.md, "Startup").

#include <dlfcn.h>
#include <fmt/format.h>

#include <string_view>

#include "momentum/error.hpp"

namespace momentum {

class DynamicLibrary {
 public:
  // Opens the library `soname` ("libzip.so.4"); throws StorageError when it cannot be, naming
  // the Debian package `package` that provides it (when known: not empty).
  DynamicLibrary(const char* soname, const char* package)
      : soname_(soname), handle_(::dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
    if (handle_ == nullptr) {
      const std::string_view name = package;
      throw StorageError(fmt::format("cannot load {} ({}); install the package {}", soname,
                                     ::dlerror(), name.empty() ? "that provides it" : name));
    }
  }
  // Never closed: the functions looked up stay valid until the process ends.
  DynamicLibrary(const DynamicLibrary&) = delete;
  DynamicLibrary& operator=(const DynamicLibrary&) = delete;
  ~DynamicLibrary() = default;

  // The function `name`, of type `F` (decltype(&::zip_open), say); throws StorageError when
  // the library has none.
  template <typename F>
  F function(const char* name) const {
    void* at = ::dlsym(handle_, name);
    if (at == nullptr) {
      throw StorageError(fmt::format("cannot load {}: it has no {}", soname_, name));
    }
    return reinterpret_cast<F>(at);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  }

 private:
  const char* soname_;
  void* handle_;
};

}  // namespace momentum
