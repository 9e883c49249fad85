#include "common/FileIo.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/Error.h"

namespace tengerim {

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail_io(path, "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_io(path, std::string("cannot open for reading: ") + std::strerror(errno));
  // One allocation and one read: the big public files (UN votes, COW trade) are 20-60 MB.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string text;
  if (size > 0) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    if (in.gcount() != size) fail_io(path, "read error");
  } else {
    std::ostringstream buffer;  // not seekable (a pipe): read as a stream
    buffer << in.rdbuf();
    text = buffer.str();
  }
  return text;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp-tengerim";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail_io(path, std::string("cannot open for writing: ") + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      fail_io(path, "write error");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    fail_io(path, "cannot move the finished file into place: " + ec.message());
  }
}

}  // namespace tengerim
