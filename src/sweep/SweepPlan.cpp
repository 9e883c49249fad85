#include "sweep/SweepPlan.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "common/ContentHash.h"
#include "common/CounterRng.h"
#include "common/FileIo.h"
#include "common/OptionError.h"
#include "common/Text.h"
#include "model/ModelSource.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

namespace fs = std::filesystem;

long line_of(const toml::node& node) { return static_cast<long>(node.source().begin.line); }

nlohmann::json to_json(const toml::node& node) {
  if (auto* value = node.as_string()) return value->get();
  if (auto* value = node.as_integer()) return value->get();
  if (auto* value = node.as_floating_point()) return value->get();
  if (auto* value = node.as_boolean()) return value->get();
  if (auto* array = node.as_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : *array) out.push_back(to_json(item));
    return out;
  }
  if (auto* table = node.as_table()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : *table) out[std::string(key.str())] = to_json(item);
    return out;
  }
  return nullptr;
}

// A relative path in a plan is relative to the plan's folder; builtin:, model: and bare names are kept.
std::string resolved_path(const std::string& value, const std::string& base_dir, bool is_model) {
  if (value.empty() || value.find(':') != std::string::npos) return value;
  if (!is_model && value.find_first_of("/\\.") == std::string::npos) return value;  // a bare item name
  fs::path path(value);
  if (path.is_absolute() || base_dir.empty()) return value;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

// Options that deliver a document, or that the plan sets itself, have no place in a run.
std::string refused_in_run(const OptionSpec& spec) {
  if (spec.scope() == "output") return "a sweep stores each plan's figures in its results store: output options do not apply";
  if (std::string_view(spec.key) == "run.seed")
    return "the seed is the plan's own (the top-level `seed`); each plan's random streams derive from it and the "
           "plan's index (docs/sweep.md)";
  if (std::string_view(spec.key) == "run.progress") return "a sweep shows no progress bar per plan (its progress: sweep.status)";
  return "";
}

class PlanParser {
 public:
  PlanParser(std::string file, std::string base_dir) : file_(std::move(file)), base_dir_(std::move(base_dir)) {}

  SweepPlan parse(const std::string& text) {
    toml::table root = parse_toml(text, file_);
    TomlFields fields(root, file_, "");
    SweepPlan plan;
    plan.file = file_;
    ContentHash hash;
    hash.add("plan", text);
    plan.hash = hash.finish();
    plan.seed = RunOptions::default_of(option_spec("run.seed")).has_value()
                    ? std::get<uint64_t>(*RunOptions::default_of(option_spec("run.seed")))
                    : 0;
    if (const toml::node* seed = root.get("seed")) {
      RunOptions check("report");
      try {
        check.set_json("run.seed", to_json(*seed));
      } catch (const OptionError& error) {
        fail_input(fields.at("seed"), error.message_for("seed"));
      }
      plan.seed = check.seed("run.seed");
      if (seed->is_string()) fields.optional_string("seed");  // marks it seen (the registry took it)
      else fields.optional_integer("seed");
    }
    const toml::array* runs = root.get("runs") ? root.get("runs")->as_array() : nullptr;
    if (root.get("runs") && (!runs || !runs->is_array_of_tables()))
      fail_input(fields.at("runs"), "expected [[runs]] tables");
    if (runs) fields.optional_array("runs");
    fields.reject_unknown_keys();
    if (!runs || runs->empty()) fail_input({file_, 0, "runs"}, "a plan needs at least one [[runs]] table");
    for (size_t r = 0; r < runs->size(); ++r) {
      const toml::table& table = *runs->get(r)->as_table();
      plan.runs.push_back(parse_run(table, "runs[" + std::to_string(r) + "]", plan.seed));
      PlanRun& run = plan.runs.back();
      run.first_index = plan.total;
      plan.total += run.plans;
    }
    return plan;
  }

 private:
  PlanRun parse_run(const toml::table& table, const std::string& path, uint64_t seed) {
    TomlFields fields(table, file_, path);
    const Location where{file_, line_of(table), path};
    const std::string command = fields.string("command");
    const auto& known = sweep_commands();
    if (std::find(known.begin(), known.end(), command) == known.end())
      fail_input(fields.at("command"), "a sweep runs " + join(known, " or ") + ", not '" + command + "'");
    const CommandSpec& spec = command_spec(command);
    PlanRun run{command, RunOptions(spec), where, {}, "", 0, 0, 1, 0};
    run.options.set_json("run.seed", seed);
    // Only the report's design is split into plans (one per point); a risk run's
    // sensitivity is its own envelope, run whole inside its plan.
    for (const auto& key : spec.options)
      if (key == "report.sensitivity") run.sensitivity_key = key;
    const toml::node* draws = nullptr;
    for (const auto& [name_view, node] : table) {
      const std::string name(name_view.str());
      if (name == "command") continue;
      // `draws = [first, last]` in a run with a design is the range of its points;
      // elsewhere `draws` is the command's own option (risk.draws).
      if (name == "draws" && !run.sensitivity_key.empty()) {
        draws = &node;
        fields.optional_array("draws");
        continue;
      }
      const OptionSpec* option = name.find('.') != std::string::npos
                                     ? (takes_option(spec, name) ? &option_spec(name) : nullptr)
                                     : find_command_option(spec, name);
      if (!option || !option->offered_on(kSweep)) {
        std::vector<std::string> names;
        for (const auto& key : spec.options) {
          const OptionSpec& offered = option_spec(key);
          if (offered.offered_on(kSweep) && refused_in_run(offered).empty()) names.emplace_back(offered.name());
        }
        if (!run.sensitivity_key.empty()) names.emplace_back("draws");
        fail_input(fields.at(name), fmt::format("{} takes no option '{}' in a sweep plan (its options: {})", command,
                                                name, join(names, ", ")));
      }
      if (const std::string why = refused_in_run(*option); !why.empty()) fail_input(fields.at(name), why);
      nlohmann::json value = to_json(node);
      const bool is_model = std::string_view(option->key) == "run.model";
      if (value.is_string() && (is_model || *option->items))
        value = resolved_path(value.get<std::string>(), base_dir_, is_model);
      run.given[option->key] = fields.at(name);
      try {
        run.options.set_json(option->key, value);
      } catch (const OptionError& error) {
        fail_input(fields.at(name), error.message_for(name));
      }
      if (is_model) check_model(run.options.text("run.model"), fields.at(name));
    }
    try {
      run.options.check_required();
    } catch (const OptionError& error) {
      fail_input(where, error.message_for(std::string(option_spec(error.key()).name())));
    }
    if (!run.sensitivity_key.empty()) run.design_points = static_cast<size_t>(run.options.integer(run.sensitivity_key));
    if (run.design_points > 0) {
      run.plans = run.design_points;
      if (draws) read_range(run, *draws, fields.at("draws"));
    } else if (draws) {
      fail_input(fields.at("draws"), "a draw range needs a design: set " + std::string(option_spec(run.sensitivity_key).name()) +
                                         " (the number of parameter draws)");
    }
    return run;
  }

  void read_range(PlanRun& run, const toml::node& node, const Location& at) {
    const toml::array* array = node.as_array();
    const auto bad = [&](const std::string& why) {
      fail_input(at, fmt::format("expected [first, last], two design points in [0, {}]: {}", run.design_points - 1, why));
    };
    if (!array || array->size() != 2) bad("not a list of two whole numbers");
    const toml::node& first = *array->get(0);
    const toml::node& last = *array->get(1);
    if (!first.is_integer() || !last.is_integer()) bad("not whole numbers");
    const int64_t a = first.as_integer()->get(), b = last.as_integer()->get();
    if (a < 0 || b < a || static_cast<uint64_t>(b) >= run.design_points)
      bad(fmt::format("[{}, {}] is outside the design or reversed", a, b));
    run.first_point = static_cast<size_t>(a);
    run.plans = static_cast<size_t>(b - a + 1);
  }

  void check_model(const std::string& reference, const Location& at) {
    if (reference.rfind("builtin:", 0) == 0) {
      const auto names = ModelSource::builtin_names();
      if (std::find(names.begin(), names.end(), reference.substr(8)) == names.end())
        fail_input(at, "no built-in model '" + reference.substr(8) + "' (built-in: " + join(names, ", ") + ")");
      return;
    }
    std::error_code ec;
    if (!fs::is_directory(reference, ec)) fail_input(at, "no model folder " + reference);
  }

  std::string file_;
  std::string base_dir_;
};

}  // namespace

const std::vector<std::string>& sweep_commands() {
  static const std::vector<std::string> commands = {"report", "risk"};
  return commands;
}

PlanSlot SweepPlan::slot(size_t index) const {
  if (index >= total) throw Error(ErrorKind::Internal, {}, "plan index out of range");
  size_t r = 0;
  while (r + 1 < runs.size() && runs[r + 1].first_index <= index) ++r;
  PlanSlot slot{r, std::nullopt};
  if (runs[r].design_points > 0) slot.point = runs[r].first_point + (index - runs[r].first_index);
  return slot;
}

SweepPlan read_sweep_plan(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) fail_io(path, "no such plan file");
  return parse_sweep_plan(read_file(path), path, fs::path(path).parent_path().string());
}

SweepPlan parse_sweep_plan(const std::string& text, const std::string& file, const std::string& base_dir) {
  return PlanParser(file, base_dir).parse(text);
}

uint64_t plan_seed(uint64_t master, size_t index) {
  CounterRng stream(master, index, uint64_t{1} << 33);
  return stream.next();
}

}  // namespace tengerim
