#include "model/ProductReader.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {
namespace {

struct ProductFile {
  CsvTable csv;
  size_t product, year, source;
};

std::optional<ProductFile> open(const ModelSource& source, const std::string& name,
                                const std::vector<std::string>& columns) {
  auto text = source.read(name);
  if (!text) return std::nullopt;
  auto csv = CsvTable::parse(*text, source.display_name(name));
  csv.require_columns(columns);
  const size_t product = csv.require_column("product"), year = csv.require_column("year"),
               source_column = csv.require_column("source");
  return ProductFile{std::move(csv), product, year, source_column};
}

int checked_year(const ProductFile& file, const CsvRow& row, const Model& model) {
  long year = file.csv.integer(row, file.year);
  if (year < model.first_year || year > model.last_year)
    fail_input(file.csv.at(row, file.year),
               fmt::format("year {} is outside the model's years [{}, {}]", year, model.first_year, model.last_year));
  return static_cast<int>(year);
}

void check_source(const ProductFile& file, const CsvRow& row, const std::set<std::string>& sources) {
  const std::string id = trim(file.csv.cell(row, file.source));
  if (!sources.count(id)) fail_input(file.csv.at(row, file.source), "source '" + id + "' is not in sources.csv");
}

double non_negative(const CsvTable& csv, const CsvRow& row, size_t column) {
  double value = csv.number(row, column);
  if (value < 0) fail_input(csv.at(row, column), "must be non-negative");
  return value;
}

}  // namespace

void read_products(const ModelSource& source, const CountryTable& countries, Model& model) {
  std::set<std::string> sources;
  for (const auto& entry : model.sources) sources.insert(entry.id);
  if (auto file = open(source, "products.csv", {"product", "year", "partner", "imports", "source"})) {
    const size_t partner = file->csv.require_column("partner"), imports = file->csv.require_column("imports");
    std::map<std::tuple<std::string, int, std::string>, long> seen;
    for (const auto& row : file->csv.rows()) {
      ProductImport entry{trim(row.cells[file->product]), checked_year(*file, row, model), trim(row.cells[partner]),
                          non_negative(file->csv, row, imports), trim(row.cells[file->source])};
      if (entry.product.empty()) fail_input(file->csv.at(row, file->product), "missing product code");
      if (!countries.contains(entry.partner) || entry.partner == kWorldCode)
        fail_input(file->csv.at(row, partner), "unknown supplier code '" + entry.partner + "'");
      check_source(*file, row, sources);
      auto [it, inserted] = seen.emplace(std::make_tuple(entry.product, entry.year, entry.partner), row.line);
      if (!inserted)
        fail_input(file->csv.at(row, partner), fmt::format("duplicate row: first given on line {}", it->second));
      model.product_imports.push_back(std::move(entry));
    }
  }
  if (auto file = open(source, "product_context.csv",
                       {"product", "year", "total_demand", "substitutability_ratio", "source"})) {
    const size_t demand = file->csv.require_column("total_demand"),
                 ratio = file->csv.require_column("substitutability_ratio");
    std::map<std::pair<std::string, int>, long> seen;
    for (const auto& row : file->csv.rows()) {
      ProductContext entry{trim(row.cells[file->product]), checked_year(*file, row, model),
                           non_negative(file->csv, row, demand), non_negative(file->csv, row, ratio),
                           trim(row.cells[file->source])};
      check_source(*file, row, sources);
      auto [it, inserted] = seen.emplace(std::make_pair(entry.product, entry.year), row.line);
      if (!inserted)
        fail_input(file->csv.at(row, file->product), fmt::format("duplicate row: first given on line {}", it->second));
      model.product_context.push_back(std::move(entry));
    }
  }
}

}  // namespace tengerim
