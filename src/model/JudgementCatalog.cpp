#include "model/JudgementCatalog.h"

#include <algorithm>

#include "common/CsvTable.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A table is a judgement when it has a numeric value and a two-number range
// (the shape TomlFields::judgement reads; the reader has checked it already).
bool read_judgement(const toml::table& table, Judgement& out) {
  const auto value = table["value"].value<double>();
  const toml::array* range = table["range"].as_array();
  if (!value || !range || range->size() != 2) return false;
  out.value = *value;
  out.low = (*range)[0].value<double>().value_or(*value);
  out.high = (*range)[1].value<double>().value_or(*value);
  out.rationale = table["rationale"].value<std::string>().value_or("");
  return true;
}

// A Beta severity {alpha, beta, range} is a judgement on its mean alpha / (alpha + beta),
// the figure `risk --sensitivity` varies (the reader has checked the range contains it).
bool read_severity_mean(const toml::table& table, Judgement& out) {
  const auto alpha = table["alpha"].value<double>(), beta = table["beta"].value<double>();
  const toml::array* range = table["range"].as_array();
  if (!alpha || !beta || !range || range->size() != 2 || !(*alpha + *beta > 0)) return false;
  out.value = *alpha / (*alpha + *beta);
  out.low = (*range)[0].value<double>().value_or(out.value);
  out.high = (*range)[1].value<double>().value_or(out.value);
  out.rationale = table["rationale"].value<std::string>().value_or("");
  return true;
}

// An element of an array of tables is named by its id (or name, direction, group) when it has one.
std::string element_name(const toml::node& node, size_t index) {
  if (const toml::table* table = node.as_table())
    for (const char* key : {"id", "name", "direction", "group"})
      if (auto name = (*table)[key].value<std::string>()) return *name;
  return std::to_string(index);
}

void walk(const toml::node& node, const std::string& key, const std::string& file,
          std::vector<DeclaredJudgement>& out) {
  if (const toml::table* table = node.as_table()) {
    Judgement judgement;
    if (!key.empty() && read_judgement(*table, judgement)) {
      out.push_back({file, static_cast<long>(node.source().begin.line), key, "", judgement});
      return;
    }
    if (ends_with(key, ".severity") && read_severity_mean(*table, judgement)) {
      out.push_back({file, static_cast<long>(node.source().begin.line), key + ".mean", "", judgement});
      return;
    }
    for (const auto& [name, child] : *table)
      walk(child, key.empty() ? std::string(name.str()) : key + "." + std::string(name.str()), file, out);
  } else if (const toml::array* array = node.as_array()) {
    for (size_t i = 0; i < array->size(); ++i)
      walk((*array)[i], key + "[" + element_name((*array)[i], i) + "]", file, out);
  }
}

// Rows of a CSV with value (or share), low and high columns, and a range.
void csv_judgements(const ModelSource& source, const std::string& file, const char* id_column,
                    const char* value_column, const char* why_column, std::vector<DeclaredJudgement>& out) {
  const auto text = source.read(file);
  if (!text) return;
  const CsvTable csv = CsvTable::parse(*text, source.display_name(file));
  const auto id = csv.find_column(id_column), value = csv.find_column(value_column), low = csv.find_column("low"),
             high = csv.find_column("high"), unit = csv.find_column("unit"), why = csv.find_column(why_column);
  if (!id || !value || !low || !high) return;
  for (const auto& row : csv.rows()) {
    Judgement judgement{csv.number(row, *value), csv.number(row, *low), csv.number(row, *high),
                        why ? csv.cell(row, *why) : std::string()};
    if (judgement.high <= judgement.low) continue;  // a sourced figure, not varied
    out.push_back({file, row.line, csv.cell(row, *id), unit ? csv.cell(row, *unit) : std::string(), judgement});
  }
}

}  // namespace

std::vector<DeclaredJudgement> declared_judgements(const ModelSource& source) {
  std::vector<DeclaredJudgement> out;
  for (const auto& file : source.file_names()) {
    if (ends_with(file, ".toml")) {
      const auto text = source.read(file);
      if (!text) continue;
      const size_t first = out.size();
      walk(parse_toml(*text, source.display_name(file)), "", file, out);
      std::stable_sort(out.begin() + static_cast<long>(first), out.end(),
                       [](const DeclaredJudgement& a, const DeclaredJudgement& b) { return a.line < b.line; });
    } else if (file == "judgements.csv") {
      csv_judgements(source, file, "id", "value", "rationale", out);
    } else if (file == "groups.csv") {
      csv_judgements(source, file, "group", "share", "note", out);
    }
  }
  return out;
}

}  // namespace tengerim
