#include "run/ItemReference.h"

#include <filesystem>

#include "common/EmbeddedData.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "common/OptionError.h"

namespace tengerim {
namespace {

struct KindLayout {
  const char* folder;     // in a model folder and under data/ ("" = not in model folders)
  const char* builtin;    // prefix of the embedded files
  const char* extension;
  bool underscores;       // built-in file names use '_' where names use '-'
};

KindLayout layout(ItemKind kind) {
  switch (kind) {
    case ItemKind::Scenario: return {"scenarios", "scenarios/", ".toml", false};
    case ItemKind::Policy: return {"policies", "policies/", ".toml", false};
    case ItemKind::Issue: return {"", "issues/", ".csv", true};
  }
  return {"", "", "", false};
}

std::string file_name_of(const KindLayout& where, std::string name) {
  if (where.underscores)
    for (char& c : name)
      if (c == '-') c = '_';
  return name + where.extension;
}

std::string name_of(const KindLayout& where, std::string file) {
  file = file.substr(0, file.size() - std::string(where.extension).size());
  if (where.underscores)
    for (char& c : file)
      if (c == '_') c = '-';
  return file;
}

std::vector<std::string> names_under(const std::vector<std::string>& paths, const std::string& prefix,
                                     const KindLayout& where) {
  std::vector<std::string> names;
  for (const auto& path : paths) {
    if (path.rfind(prefix, 0) != 0 || !path.ends_with(where.extension)) continue;
    std::string rest = path.substr(prefix.size());
    if (rest.find('/') != std::string::npos) continue;
    names.push_back(name_of(where, rest));
  }
  return names;
}

bool is_bare_name(const std::string& argument) {
  return !argument.empty() && argument.find_first_of("/\\.") == std::string::npos &&
         argument.find(':') == std::string::npos;
}

std::string known(const ItemNames& names) {
  std::string out;
  if (!names.model.empty()) out += "model:" + join(names.model, ", model:");
  if (!names.builtin.empty()) out += (out.empty() ? "" : "; ") + ("builtin:" + join(names.builtin, ", builtin:"));
  return out.empty() ? "none" : out;
}

}  // namespace

ItemNames item_names(ItemKind kind, const ModelSource* source) {
  const KindLayout where = layout(kind);
  ItemNames names;
  if (source && *where.folder) names.model = names_under(source->file_names(where.folder), std::string(where.folder) + "/", where);
  std::vector<std::string> embedded;
  for (const auto& file : embedded_files()) embedded.emplace_back(file.path);
  names.builtin = names_under(embedded, where.builtin, where);
  return names;
}

ItemText resolve_item(ItemKind kind, const std::string& argument, const ModelSource* source, const std::string& key,
                      bool allow_paths) {
  const KindLayout where = layout(kind);
  auto from_model = [&](const std::string& name) -> std::optional<ItemText> {
    if (!source || !*where.folder || !is_bare_name(name)) return std::nullopt;
    const std::string file = std::string(where.folder) + "/" + file_name_of(where, name);
    if (auto text = source->read(file)) return ItemText{*text, source->display_name(file), "model:" + name};
    return std::nullopt;
  };
  auto from_builtin = [&](const std::string& name) -> std::optional<ItemText> {
    if (!is_bare_name(name)) return std::nullopt;
    const std::string file = where.builtin + file_name_of(where, name);
    if (auto text = find_embedded_file(file)) return ItemText{std::string(*text), "builtin:" + file, "builtin:" + name};
    return std::nullopt;
  };
  auto refuse = [&](const std::string& why) -> ItemText {
    fail_option(key, argument, why + " (known: " + known(item_names(kind, source)) + ")");
  };
  if (argument.rfind("model:", 0) == 0) {
    if (auto item = from_model(argument.substr(6))) return *item;
    return refuse("the model has no such item");
  }
  if (argument.rfind("builtin:", 0) == 0) {
    if (auto item = from_builtin(argument.substr(8))) return *item;
    return refuse("no such built-in item");
  }
  if (is_bare_name(argument)) {
    if (auto item = from_model(argument)) return *item;
    if (auto item = from_builtin(argument)) return *item;
    return refuse("neither model:" + argument + " nor builtin:" + argument + " exists");
  }
  if (!allow_paths) return refuse("name a model: or builtin: item; files are not read here");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(argument, ec)) return refuse("no such file");
  return ItemText{read_file(argument), argument, argument};
}

}  // namespace tengerim
