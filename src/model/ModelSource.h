#pragma once
// Where a model's files come from: a folder on disk, or a model compiled into
// the binary ("builtin:kaz"). Readers ask it for files by name.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tengerim {

class ModelSource {
 public:
  static ModelSource directory(const std::string& path);
  static ModelSource builtin(const std::string& name);
  // "builtin:NAME" or a folder path; an empty argument means the default built-in model.
  static ModelSource from_argument(const std::string& argument);
  static std::vector<std::string> builtin_names();
  // This source with `file_name` holding `text` instead (in memory; the fuzz targets and tests).
  ModelSource with_file(const std::string& file_name, std::string text) const;
  static constexpr const char* kDefaultBuiltin = "kaz";

  // The file's text, or nothing when the model has no such file.
  std::optional<std::string> read(const std::string& file_name) const;
  // The names of the files under `folder` ("" = the whole model), relative to the model's root,
  // sorted: e.g. {"scenarios/cpc-halt.toml", ...} for "scenarios".
  std::vector<std::string> file_names(const std::string& folder = "") const;
  // How messages name the file, e.g. "builtin:kaz/ties.csv" or "models/mng/ties.csv".
  std::string display_name(const std::string& file_name) const;
  const std::string& label() const { return label_; }

 private:
  bool builtin_ = false;
  std::string root_;   // folder path, or the embedded prefix "models/NAME/"
  std::string label_;  // for messages and reports
  std::map<std::string, std::string> replaced_;  // file name -> text, read before the folder's
};

}  // namespace tengerim
