#include "model/ModelSource.h"

#include <filesystem>

#include "common/EmbeddedData.h"
#include "common/Error.h"
#include "common/FileIo.h"

namespace tengerim {

ModelSource ModelSource::directory(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec))
    fail_io(path, "not a model folder (expected a folder holding model.toml)");
  ModelSource source;
  source.root_ = path;
  source.label_ = path;
  return source;
}

ModelSource ModelSource::builtin(const std::string& name) {
  ModelSource source;
  source.builtin_ = true;
  source.root_ = "models/" + name + "/";
  source.label_ = "builtin:" + name;
  if (!find_embedded_file(source.root_ + "model.toml")) {
    std::string known;
    for (const auto& builtin : builtin_names()) known += (known.empty() ? "" : ", ") + builtin;
    fail_io(source.label_, "no such built-in model (built-in models: " + known + ")");
  }
  return source;
}

ModelSource ModelSource::from_argument(const std::string& argument) {
  if (argument.empty()) return builtin(kDefaultBuiltin);
  if (argument.rfind("builtin:", 0) == 0) return builtin(argument.substr(8));
  return directory(argument);
}

std::vector<std::string> ModelSource::builtin_names() { return embedded_folders("models/"); }

std::optional<std::string> ModelSource::read(const std::string& file_name) const {
  if (builtin_) {
    auto text = find_embedded_file(root_ + file_name);
    if (!text) return std::nullopt;
    return std::string(*text);
  }
  auto path = std::filesystem::path(root_) / file_name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  return read_file(path.string());
}

std::string ModelSource::display_name(const std::string& file_name) const {
  if (builtin_) return label_ + "/" + file_name;
  return (std::filesystem::path(root_) / file_name).string();
}

}  // namespace tengerim
