// AtomicFile: output streamed into a temporary file, renamed over the target when whole.
#include <fmt/format.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <streambuf>
#include <system_error>

#include "file_io.hpp"
#include "momentum/error.hpp"
#include "momentum/store/files.hpp"

namespace momentum {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, int err) {
  throw StorageError(
      fmt::format("cannot write '{}': {}", file.string(), std::generic_category().message(err)));
}

// A buffer in front of a file descriptor that remembers the first failed write (a stream
// cannot carry it; commit() reports it).
class FdBuf final : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* at = pbase();
    while (error_ == 0 && at < pptr()) {
      const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error_ = n < 0 ? errno : EIO;
      if (n > 0) at += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::array<char, std::size_t{64} * 1024> buffer_{};
};

int fsync_dir(const fs::path& dir) {
  const Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return errno;
  return ::fsync(fd.get()) == 0 ? 0 : errno;
}

}  // namespace

namespace {

// The temporary file's name: hidden, beside `file`, unique (mkostemp fills in the X's).
std::string temp_name(const fs::path& file) {
  return (file.parent_path() / ("." + file.filename().string() + ".tmp.XXXXXX")).string();
}

}  // namespace

struct AtomicFile::Impl {
  Impl(fs::path file_in, fs::perms perms_in)
      : file(std::move(file_in)),
        perms(perms_in),
        temp(temp_name(file)),
        fd(::mkostemp(temp.data(), O_CLOEXEC)) {}
  fs::path file;
  fs::perms perms;
  std::string temp;
  Fd fd;
  std::unique_ptr<FdBuf> buf;
  std::unique_ptr<std::ostream> out;
  bool committed = false;
};

AtomicFile::AtomicFile(fs::path file, fs::perms perms)
    : impl_(std::make_unique<Impl>(std::move(file), perms)) {
  Impl& i = *impl_;
  if (!i.fd) {
    const int err = errno;
    const fs::path dir = i.file.parent_path();
    if (err == ENOENT) {
      throw StorageError(fmt::format("cannot write '{}': no such directory '{}'", i.file.string(),
                                     dir.empty() ? "." : dir.string()));
    }
    fail(i.file, err);
  }
  i.buf = std::make_unique<FdBuf>(i.fd.get());
  i.out = std::make_unique<std::ostream>(i.buf.get());
}

AtomicFile::~AtomicFile() {
  if (!impl_->committed) ::unlink(impl_->temp.c_str());
}

std::ostream& AtomicFile::stream() { return *impl_->out; }

void AtomicFile::commit() {
  Impl& i = *impl_;
  i.out->flush();
  const auto step = [&]() -> int {
    if (i.buf->error() != 0) return i.buf->error();
    if (!*i.out) return EIO;
    if (::fchmod(i.fd.get(), static_cast<mode_t>(i.perms & fs::perms::mask)) != 0) return errno;
    if (::fsync(i.fd.get()) != 0) return errno;
    if (::close(i.fd.release()) != 0) return errno;
    if (::rename(i.temp.c_str(), i.file.c_str()) != 0) return errno;
    i.committed = true;
    return fsync_dir(i.file.parent_path());
  };
  if (const int err = step(); err != 0) fail(i.file, err);
}

bool same_file(const fs::path& a, const fs::path& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace momentum
