#pragma once
// Reading whole files and writing them so that a failure never leaves a
// half-written result behind (write a temporary file, then rename).
#include <string>

namespace tengerim {

std::string read_file(const std::string& path);
// Writes `content` to `path` atomically: a temporary file beside it, then rename.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace tengerim
