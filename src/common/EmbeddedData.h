#pragma once
// The shipped data files (built-in models, reference tables) compiled into
// the binary by cmake/EmbedFiles.cmake, addressed by their path under data/.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tengerim {

struct EmbeddedFile {
  std::string_view path;  // e.g. "models/kaz/ties.csv"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();
std::optional<std::string_view> find_embedded_file(std::string_view path);
// Names of the folders directly under `prefix` (e.g. "models/" -> {"kaz"}).
std::vector<std::string> embedded_folders(std::string_view prefix);

}  // namespace tengerim
