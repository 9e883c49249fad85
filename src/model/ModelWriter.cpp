#include "model/ModelWriter.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/Error.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "model/GdpReader.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& item : items) quoted.push_back(toml_string(item));
  return "[" + join(quoted, ", ") + "]";
}

std::string judgement(const Judgement& value) {
  return fmt::format("{{ value = {}, range = [{}, {}], rationale = {} }}", value.value, value.low, value.high,
                     toml_string(value.rationale));
}

std::string fill_toml(const GapFill& fill) {
  switch (fill.method) {
    case FillMethod::None: return "";
    case FillMethod::CarryForward:
    case FillMethod::Interpolate:
      return fmt::format("fill = {{ method = \"{}\", max_age = {} }}\n", to_string(fill.method), judgement(fill.max_age));
    case FillMethod::RollingSum:
    case FillMethod::RollingMean:
      return fmt::format("fill = {{ method = \"{}\", window = {} }}\n", to_string(fill.method), judgement(fill.window));
  }
  return "";
}

std::string model_toml(const Model& model) {
  std::string out = "# Written by tengerim. Every weight and substitutability is a judgement: edit them.\n\n";
  out += fmt::format("focal = {}\nname = {}\nyears = [{}, {}]\n", toml_string(model.focal), toml_string(model.name),
                     model.first_year, model.last_year);
  if (model.default_year)
    out += fmt::format("default_year = {}\ndefault_year_rationale = {}\n", *model.default_year,
                       toml_string(model.default_year_rationale));
  for (const auto& bloc : model.blocs)
    out += fmt::format("\n[[blocs]]\nid = {}\nname = {}\nmembers = {}\n", toml_string(bloc.id), toml_string(bloc.name),
                       string_list(bloc.members));
  for (const auto& direction : model.directions)
    out += fmt::format("\n[[directions]]\nid = {}\nname = {}\nmembers = {}\nrationale = {}\n", toml_string(direction.id),
                       toml_string(direction.name), string_list(direction.members), toml_string(direction.rationale));
  for (const auto& domain : model.domains) {
    out += fmt::format("\n[[domains]]\nid = {}\nname = {}\nunit = {}\ndescription = {}\nweight = {}\nsubstitutability = {}\n",
                       toml_string(domain.id), toml_string(domain.name), toml_string(domain.unit),
                       toml_string(domain.description), judgement(domain.weight), judgement(domain.substitutability));
    if (!domain.substitutability_by_direction.empty()) {
      std::vector<std::string> entries;
      for (const auto& [direction, value] : domain.substitutability_by_direction)
        entries.push_back(direction + " = " + judgement(value));
      out += "substitutability_by_direction = { " + join(entries, ", ") + " }\n";
    }
    out += fill_toml(domain.fill);
    if (domain.stock) out += "measure = \"stock\"\n";
    if (!domain.steerable) out += "steerable = false\n";
  }
  const Parameters defaults;
  std::string parameters;
  for (const auto& [key, value] : model.parameters.values())
    if (value != defaults.get(key)) parameters += fmt::format("{} = {}\n", key, value);
  if (!parameters.empty()) out += "\n[parameters]\n" + parameters;
  return out;
}

std::string sources_csv(const Model& model) {
  std::string out = "id,publisher,title,year,address\n";
  for (const auto& source : model.sources)
    out += fmt::format("{},{},{},{},{}\n", csv_field(source.id), csv_field(source.publisher), csv_field(source.title),
                       csv_field(source.year), csv_field(source.address));
  return out;
}

std::string ties_csv(const Model& model) {
  std::string out = "domain,partner,year,value,source,note\n";
  for (const auto& tie : model.ties)
    out += fmt::format("{},{},{},{},{},{}\n", csv_field(tie.domain), tie.partner, tie.year, tie.value,
                       csv_field(tie.source), csv_field(tie.note));
  return out;
}

void relations_files(const Relations& relations, std::map<std::string, std::string>& files) {
  if (!relations.alignment.empty()) {
    std::string out = "year,partner,issue,agreement,votes,source\n";
    for (const auto& row : relations.alignment)
      out += fmt::format("{},{},{},{},{},{}\n", row.year, row.partner, csv_field(row.issue), row.agreement, row.votes,
                         csv_field(row.source));
    files["alignment.csv"] = out;
  }
  if (!relations.formats.empty()) {
    std::string out = "year,format,name,kind,members,source\n";
    for (const auto& row : relations.formats)
      out += fmt::format("{},{},{},{},{},{}\n", row.year, csv_field(row.format), csv_field(row.name), row.kind,
                         join(row.members, ";"), csv_field(row.source));
    files["formats.csv"] = out;
  }
  if (!relations.alliances.empty()) {
    std::string out = "year,partner,defense,offense,neutral,nonaggression,consultation,source\n";
    for (const auto& row : relations.alliances)
      out += fmt::format("{},{},{:d},{:d},{:d},{:d},{:d},{}\n", row.year, row.partner, row.defense, row.offense,
                         row.neutral, row.nonaggression, row.consultation, csv_field(row.source));
    files["alliances.csv"] = out;
  }
  if (!relations.channels.empty()) {
    std::string out = "year,partner,events,cooperation,conflict,goldstein,source\n";
    for (const auto& row : relations.channels)
      out += fmt::format("{},{},{},{},{},{},{}\n", row.year, row.partner, row.events, row.cooperation, row.conflict,
                         row.goldstein, csv_field(row.source));
    files["channels.csv"] = out;
  }
  if (!relations.ideal_points.empty()) {
    auto cell = [](const std::optional<double>& value) { return value ? fmt::format("{}", *value) : std::string(); };
    std::string out = "year,partner,ideal_focal,ideal_partner,distance,agreement,source\n";
    for (const auto& row : relations.ideal_points)
      out += fmt::format("{},{},{},{},{},{},{}\n", row.year, row.partner, cell(row.ideal_focal), cell(row.ideal_partner),
                         cell(row.distance), cell(row.agreement), csv_field(row.source));
    files["idealpoints.csv"] = out;
  }
}

void product_files(const Model& model, std::map<std::string, std::string>& files) {
  if (!model.product_imports.empty()) {
    std::string out = "product,year,partner,imports,source\n";
    for (const auto& row : model.product_imports)
      out += fmt::format("{},{},{},{},{}\n", csv_field(row.product), row.year, row.partner, row.imports,
                         csv_field(row.source));
    files["products.csv"] = out;
  }
  if (!model.product_context.empty()) {
    std::string out = "product,year,total_demand,substitutability_ratio,source\n";
    for (const auto& row : model.product_context)
      out += fmt::format("{},{},{},{},{}\n", csv_field(row.product), row.year, row.total_demand,
                         row.substitutability_ratio, csv_field(row.source));
    files["product_context.csv"] = out;
  }
}

}  // namespace

std::map<std::string, std::string> model_files(const Model& model) {
  std::map<std::string, std::string> files;
  files["model.toml"] = model_toml(model);
  files["sources.csv"] = sources_csv(model);
  if (!model.ties.empty()) files["ties.csv"] = ties_csv(model);
  relations_files(model.relations, files);
  product_files(model, files);
  if (!model.gdp.empty()) files["gdp.csv"] = gdp_csv(model);
  return files;
}

void write_model_folder(const Model& model, const std::string& folder, const CountryTable& countries) {
  namespace fs = std::filesystem;
  const fs::path target = fs::absolute(folder);
  const fs::path staging = target.string() + ".tengerim-new";
  const fs::path previous = target.string() + ".tengerim-old";  // left by versions that moved the old one aside
  std::error_code ec;
  if (!fs::exists(target) && fs::is_directory(previous)) fs::rename(previous, target, ec);
  fs::remove_all(previous, ec);
  fs::remove_all(staging, ec);  // a killed run's: never read, replaced
  fs::create_directories(staging, ec);
  if (ec) fail_io(staging.string(), "cannot create the staging folder: " + ec.message());
  try {
    for (const auto& [name, text] : model_files(model)) write_file_atomically((staging / name).string(), text);
    // Keep whatever of the old folder the model does not describe (notes, corridor files, scenarios/...).
    if (fs::is_directory(target))
      for (const auto& entry : fs::directory_iterator(target))
        if (!fs::exists(staging / entry.path().filename()))
          fs::copy(entry.path(), staging / entry.path().filename(), fs::copy_options::recursive);
    read_model(ModelSource::directory(staging.string()), countries);  // validate before replacing
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  // One atomic step: the old folder and the new one swap names (Linux renameat2), so a
  // kill at any point leaves the old folder or the new one at `target`, never neither.
  if (fs::exists(target)) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      fail_io(target.string(), std::string("cannot move the new model into place: ") + std::strerror(errno));
  } else {
    fs::rename(staging, target, ec);
    if (ec) fail_io(target.string(), "cannot move the new model into place: " + ec.message());
  }
  fs::remove_all(staging, ec);  // now the old folder
}

}  // namespace tengerim
