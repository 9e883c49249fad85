#include "common/MappedFile.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/Error.h"
#include "common/FileIo.h"

namespace tengerim {

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail_io(path, std::string("cannot open for reading: ") + std::strerror(errno));
  struct stat info {};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0;
  if (regular) {
    const auto size = static_cast<size_t>(info.st_size);
    // MAP_POPULATE maps the pages in one call instead of one fault per page; for
    // a file of gigabytes (ICEWS) that would read it all in first, so only below kPopulateLimit.
    constexpr size_t kPopulateLimit = size_t{512} << 20;
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (size <= kPopulateLimit ? MAP_POPULATE : 0), fd, 0);
    if (mapping != MAP_FAILED) {
      mapping_ = mapping;
      mapped_size_ = size;
      ::madvise(mapping, size, MADV_SEQUENTIAL);
      text_ = std::string_view(static_cast<const char*>(mapping), size);
    }
  }
  ::close(fd);
  if (!mapping_) {  // a pipe, an empty file or a file system without mmap: read it (read_file names errors)
    copy_ = read_file(path);
    text_ = copy_;
  }
}

MappedFile::~MappedFile() {
  if (mapping_) ::munmap(mapping_, mapped_size_);
}

}  // namespace tengerim
