#include "model/ModelSource.h"

#include <algorithm>
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

ModelSource ModelSource::with_file(const std::string& file_name, std::string text) const {
  ModelSource source = *this;
  source.replaced_[file_name] = std::move(text);
  return source;
}

std::optional<std::string> ModelSource::read(const std::string& file_name) const {
  if (auto found = replaced_.find(file_name); found != replaced_.end()) return found->second;
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

std::vector<std::string> ModelSource::file_names(const std::string& folder) const {
  std::vector<std::string> names;
  const std::string prefix = folder.empty() ? "" : folder + "/";
  if (builtin_) {
    for (const auto& file : embedded_files()) {
      std::string_view path = file.path;
      if (path.rfind(root_ + prefix, 0) == 0) names.emplace_back(path.substr(root_.size()));
    }
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base(root_);
    if (fs::is_directory(base / folder, ec))
      for (auto it = fs::recursive_directory_iterator(base / folder, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) names.push_back(fs::relative(it->path(), base, ec).generic_string());
  }
  for (const auto& [name, text] : replaced_)
    if (name.rfind(prefix, 0) == 0) names.push_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string ModelSource::display_name(const std::string& file_name) const {
  if (builtin_) return label_ + "/" + file_name;
  return (std::filesystem::path(root_) / file_name).string();
}

}  // namespace tengerim
