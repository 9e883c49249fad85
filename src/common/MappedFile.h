#pragma once
// A whole input file as text without copying it: the big public files (UN
// votes, COW trade, ICEWS) are mapped read-only from the page cache, so
// reading costs neither a copy nor freshly zeroed memory. Files that cannot
// be mapped (pipes, empty files) are read into memory instead.
#include <string>
#include <string_view>

namespace tengerim {

class MappedFile {
 public:
  // Fails (exit 2, naming the file) when it cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return text_; }

 private:
  void* mapping_ = nullptr;
  size_t mapped_size_ = 0;
  std::string copy_;  // the text when it is not mapped
  std::string_view text_;
};

}  // namespace tengerim
