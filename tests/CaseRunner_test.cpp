// The behaviour cases (tests/cases/**/*.case, format in tests/cases/README.md):
// each case is run through the CLI (with 1 and 2 threads where the command
// takes them) and, where the command is served, through the HTTP API in
// process (ApiService::handle, the code the web server calls), and its
// expected figures or error are checked in each front end's own spelling.
#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <toml++/toml.h>

#include "TestSupport.h"
#include "common/Error.h"
#include "report/OptionsReport.h"
#include "run/OptionRegistry.h"
#include "run/Pipeline.h"
#include "serve/ApiService.h"

namespace tengerim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Expectation {
  std::string pointer;   // extended JSON pointer: /years[year=2023]/domains[id=imports]/share
  json value;            // expected value
  bool has_value = false;  // false: only that the pointer exists
  double tolerance = 0;  // for numbers: |actual - value| <= tolerance
  std::string contains;  // for text output: a fragment it must contain
  std::string missing;   // a fragment it must not contain
};

struct ExpectedError {
  std::string kind;     // invalid_input, invalid_model, io, invalid_json, ...
  std::string at;       // "ties.csv:3: field 'value'" (a file of the case's model folder)
  std::string option;   // a registry key: each front end must name it in its own spelling
  std::string message;  // a fragment of the message
  int exit = 2;         // CLI exit status
  int http = 0;         // HTTP status (0: 422 unless the kind says otherwise)
};

struct Case {
  std::string name, file, description, command, model;
  toml::table options;
  std::vector<toml::table> files;
  std::vector<Expectation> expect;
  std::optional<ExpectedError> error;
  bool cli = true, http = true;
  std::optional<toml::table> http_request;  // method, path, body, query overrides
};

json to_json(const toml::node& node) {
  if (auto* value = node.as_string()) return value->get();
  if (auto* value = node.as_integer()) return value->get();
  if (auto* value = node.as_floating_point()) return value->get();
  if (auto* value = node.as_boolean()) return value->get();
  if (auto* array = node.as_array()) {
    json out = json::array();
    for (const auto& item : *array) out.push_back(to_json(item));
    return out;
  }
  if (auto* table = node.as_table()) {
    json out = json::object();
    for (const auto& [key, item] : *table) out[std::string(key.str())] = to_json(item);
    return out;
  }
  return nullptr;
}

Case read_case(const fs::path& path) {
  Case c;
  c.file = path.string();
  c.name = fs::relative(path, testing::source_path("tests/cases")).replace_extension().string();
  toml::table root = toml::parse_file(c.file);
  c.description = root["description"].value_or(std::string());
  c.command = root["command"].value_or(std::string());
  c.model = root["model"].value_or(std::string());
  if (auto* options = root["options"].as_table()) c.options = *options;
  if (auto* files = root["files"].as_array())
    for (const auto& entry : *files) c.files.push_back(*entry.as_table());
  if (auto* expect = root["expect"].as_array())
    for (const auto& node : *expect) {
      const toml::table& entry = *node.as_table();
      Expectation e;
      e.pointer = entry["pointer"].value_or(std::string());
      if (entry.contains("value")) {
        e.value = to_json(*entry.get("value"));
        e.has_value = true;
      }
      e.tolerance = entry["tolerance"].value_or(0.0);
      e.contains = entry["contains"].value_or(std::string());
      e.missing = entry["missing"].value_or(std::string());
      c.expect.push_back(e);
    }
  if (auto* error = root["error"].as_table()) {
    ExpectedError e;
    e.kind = (*error)["kind"].value_or(std::string());
    e.at = (*error)["at"].value_or(std::string());
    e.option = (*error)["option"].value_or(std::string());
    e.message = (*error)["message"].value_or(std::string());
    e.exit = static_cast<int>((*error)["exit"].value_or(int64_t{2}));
    e.http = static_cast<int>((*error)["http"].value_or(int64_t{0}));
    c.error = e;
  }
  if (auto* front_ends = root["front_ends"].as_array()) {
    c.cli = c.http = false;
    for (const auto& item : *front_ends) {
      c.cli = c.cli || item.value_or(std::string()) == "cli";
      c.http = c.http || item.value_or(std::string()) == "http";
    }
  }
  if (auto* request = root["http"].as_table()) c.http_request = *request;
  return c;
}

std::vector<Case> all_cases() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_path("tests/cases")))
    if (entry.path().extension() == ".case") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Case> cases;
  for (const auto& path : paths) cases.push_back(read_case(path));
  return cases;
}

// The registry key of an option a case gives by key or by name within its command.
const OptionSpec& option_of(const CommandSpec& command, const std::string& given) {
  if (const OptionSpec* spec = find_option(given); spec && takes_option(command, given)) return *spec;
  if (const OptionSpec* spec = find_command_option(command, given)) return *spec;
  throw std::runtime_error("case option '" + given + "' is not an option of " + command.name);
}

// Extended JSON pointer: segments split by '/', a segment "name[key=value]" picks the element of
// array `name` whose `key` equals `value` (compared as text).
const json* resolve(const json& document, const std::string& pointer) {
  static const std::regex selector(R"(^([^\[]*)\[([^=\]]+)=([^\]]*)\]$)");
  const json* at = &document;
  size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    auto slash = pointer.find('/', start);
    std::string segment = pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    std::smatch match;
    if (std::regex_match(segment, match, selector)) {
      if (!match[1].str().empty()) {
        if (!at->is_object() || !at->contains(match[1].str())) return nullptr;
        at = &(*at)[match[1].str()];
      }
      if (!at->is_array()) return nullptr;
      const json* found = nullptr;
      for (const auto& item : *at) {
        if (!item.is_object() || !item.contains(match[2].str())) continue;
        const json& key = item[match[2].str()];
        const std::string text = key.is_string() ? key.get<std::string>() : key.dump();
        if (text == match[3].str()) found = &item;
      }
      if (!found) return nullptr;
      at = found;
    } else if (at->is_array()) {
      size_t index = 0;
      try {
        index = std::stoul(segment);
      } catch (const std::exception&) {
        return nullptr;
      }
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      if (!at->is_object() || !at->contains(segment)) return nullptr;
      at = &(*at)[segment];
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return at;
}

void check_document(const Case& c, const json& document, const std::string& front_end) {
  for (const auto& e : c.expect) {
    if (e.pointer.empty()) continue;
    const json* actual = resolve(document, e.pointer);
    ASSERT_NE(actual, nullptr) << front_end << ": no " << e.pointer;
    if (!e.has_value) continue;
    if (e.value.is_number() && actual->is_number())
      EXPECT_NEAR(actual->get<double>(), e.value.get<double>(), e.tolerance) << front_end << ": " << e.pointer;
    else
      EXPECT_EQ(*actual, e.value) << front_end << ": " << e.pointer;
  }
}

// "\\xff" -> the byte 0xff: for inputs TOML strings cannot hold (bytes that are not UTF-8).
std::string unescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 3 < text.size() + 0 && text[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The case's model folder: a copy of the named folder with the case's files applied.
class CaseInputs {
 public:
  explicit CaseInputs(const Case& c) : dir_(testing::make_temp_dir("case")) {
    if (c.model.rfind("builtin:", 0) == 0 || c.model.empty()) {
      model_ = c.model;
      if (!c.files.empty() && !c.model.empty()) materialise_builtin(c.model.substr(8));
    } else {
      fs::copy(testing::source_path(c.model), dir_ + "/model", fs::copy_options::recursive);
      model_ = dir_ + "/model";
    }
    for (const auto& file : c.files) apply(file);
  }
  ~CaseInputs() { fs::remove_all(dir_); }
  const std::string& model() const { return model_; }
  const std::string& dir() const { return dir_; }
  std::string model_dir() const { return model_.rfind("builtin:", 0) == 0 ? model_ : dir_ + "/model"; }
  // "@name" is a file of the case's model folder.
  // "@NAME": a file of the case's model folder; "repo:PATH": a file of the repository (e.g. docs/backtest/).
  std::string value(const std::string& text) const {
    if (text.rfind("@", 0) == 0) return dir_ + "/model/" + text.substr(1);
    if (text.rfind("repo:", 0) == 0) return testing::source_path(text.substr(5));
    return text;
  }

 private:
  void materialise_builtin(const std::string& name) {
    const ModelSource source = ModelSource::builtin(name);
    for (const auto& file : source.file_names()) {
      fs::create_directories(fs::path(dir_ + "/model/" + file).parent_path());
      testing::write_text(dir_ + "/model/" + file, *source.read(file));
    }
    model_ = dir_ + "/model";
  }
  void apply(const toml::table& file) {
    const std::string path = dir_ + "/model/" + file["name"].value_or(std::string());
    fs::create_directories(fs::path(path).parent_path());
    if (file["remove"].value_or(false)) {
      fs::remove(path);
      return;
    }
    if (auto text = file["text"].value<std::string>()) {
      testing::write_text(path, *text);
      return;
    }
    std::string text = testing::read_text(path);
    const std::string find = file["find"].value_or(std::string());
    std::string replace = file["replace"].value_or(std::string());
    if (auto escaped = file["replace_escaped"].value<std::string>()) replace = unescape(*escaped);
    if (find.empty()) {
      text += replace;
    } else {
      auto at = text.find(find);
      if (at == std::string::npos) throw std::runtime_error("case setup: no '" + find + "' in " + path);
      text.replace(at, find.size(), replace);
    }
    testing::write_text(path, text);
  }
  std::string dir_, model_;
};

std::vector<std::string> cli_values(const toml::node& node, const CaseInputs& inputs) {
  std::vector<std::string> out;
  auto text = [&](const toml::node& item) -> std::string {
    if (auto* value = item.as_string()) return inputs.value(value->get());
    if (auto* value = item.as_integer()) return std::to_string(value->get());
    if (auto* value = item.as_floating_point()) return fmt::format("{}", value->get());
    if (auto* value = item.as_boolean()) return value->get() ? "true" : "false";
    return "";
  };
  if (auto* array = node.as_array()) for (const auto& item : *array) out.push_back(text(item));
  else out.push_back(text(node));
  return out;
}

bool wants_json(const Case& c, const CommandSpec& command) {
  if (c.options.contains("format") || c.options.contains("output.format")) return false;
  return std::find(command.formats.begin(), command.formats.end(), "json") != command.formats.end();
}

std::vector<std::string> cli_arguments(const Case& c, const CommandSpec& command, const CaseInputs& inputs,
                                       const std::vector<std::string>& extra) {
  std::vector<std::string> arguments{c.command};
  std::map<std::string, const toml::node*> given;
  for (const auto& [key, node] : c.options) given[option_of(command, std::string(key.str())).key] = &node;
  if (takes_option(command, "run.model") && !inputs.model().empty() && !given.count("run.model"))
    arguments.push_back(inputs.model());
  for (const auto& key : command.options) {  // positional ones in declaration order
    const OptionSpec& spec = option_spec(key);
    if (spec.positional && given.count(key))
      for (const auto& value : cli_values(*given[key], inputs)) arguments.push_back(value);
  }
  for (const auto& [key, node] : given) {
    const OptionSpec& spec = option_spec(key);
    if (spec.positional) continue;
    if (spec.type == OptionType::Flag) {
      if (node->value_or(false)) arguments.push_back(cli_spelling(spec));
      continue;
    }
    arguments.push_back(cli_spelling(spec));
    for (const auto& value : cli_values(*node, inputs)) arguments.push_back(value);
  }
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  return arguments;
}

void check_error_text(const Case& c, const std::string& text, const std::string& model_dir, const std::string& front_end) {
  const ExpectedError& e = *c.error;
  EXPECT_NE(text.find(e.message), std::string::npos) << front_end << ": expected '" << e.message << "' in: " << text;
  if (!e.at.empty()) {
    EXPECT_NE(text.find(model_dir + "/" + e.at), std::string::npos)
        << front_end << ": expected location " << model_dir << "/" << e.at << " in: " << text;
  }
}

void run_cli(const Case& c, const CommandSpec& command, const CaseInputs& inputs) {
  std::vector<std::string> extra;
  const bool json_out = wants_json(c, command);
  if (json_out) extra = {"--format", "json"};
  const std::string out_file = inputs.dir() + "/out.document";
  if (c.error && takes_option(command, "output.out")) extra.insert(extra.end(), {"--out", out_file});
  auto result = testing::run_tengerim(cli_arguments(c, command, inputs, extra));
  if (c.error) {
    const ExpectedError& e = *c.error;
    EXPECT_EQ(result.exit_code, e.exit) << "cli: " << result.err;
    EXPECT_NE(result.err.find("error (" + e.kind + ")"), std::string::npos) << "cli: kind " << e.kind << " in: " << result.err;
    check_error_text(c, result.err, inputs.model_dir(), "cli");
    if (!e.option.empty()) {
      const std::string spelling = cli_spelling(option_spec(e.option));
      EXPECT_NE(result.err.find(spelling), std::string::npos) << "cli: expected " << spelling << " in: " << result.err;
    }
    EXPECT_TRUE(result.out.empty()) << "cli: nothing on stdout on error";
    EXPECT_FALSE(fs::exists(out_file)) << "cli: nothing written on error";
    return;
  }
  ASSERT_EQ(result.exit_code, 0) << "cli: " << result.err;
  for (const auto& e : c.expect) {
    if (!e.contains.empty()) {
      EXPECT_NE(result.out.find(e.contains), std::string::npos) << "cli: '" << e.contains << "'";
    }
    if (!e.missing.empty()) {
      EXPECT_EQ(result.out.find(e.missing), std::string::npos) << "cli: '" << e.missing << "'";
    }
  }
  if (json_out) check_document(c, json::parse(result.out), "cli");
  // Results never depend on the thread count.
  if (takes_option(command, "run.threads") && !c.options.contains("threads")) {
    extra.insert(extra.end(), {"--threads", "2"});
    auto two = testing::run_tengerim(cli_arguments(c, command, inputs, extra));
    ASSERT_EQ(two.exit_code, 0) << "cli --threads 2: " << two.err;
    EXPECT_EQ(two.out, result.out) << "cli: 1 and 2 threads differ";
  }
}

bool servable(const Case& c, const CommandSpec& command) {
  if (!*command.endpoint || !c.http) return false;
  for (const auto& [key, node] : c.options) {
    const OptionSpec& spec = option_of(command, std::string(key.str()));
    if (!spec.offered_on(kHttp)) return false;
    if (auto* text = node.as_string(); text && (text->get().rfind("@", 0) == 0 || text->get().rfind("repo:", 0) == 0))
      return false;
  }
  return true;
}

void run_http(const Case& c, const CommandSpec& command, const CaseInputs& inputs) {
  ApiResponse response;
  std::shared_ptr<const ModelSnapshot> snapshot;
  try {
    snapshot = Pipeline::load_snapshot(inputs.model().empty() ? "builtin:kaz" : inputs.model());
  } catch (const Error& error) {  // the server does not start: the same error as the CLI's
    ASSERT_TRUE(c.error) << "http: the model does not load: " << error.what();
    EXPECT_EQ(to_string(error.kind()), c.error->kind);
    check_error_text(c, error.what(), inputs.model_dir(), "http (start-up)");
    return;
  }
  ServeOptions serve;
  ApiService api(snapshot, serve);
  ApiRequest request;
  request.path = command.endpoint;
  request.method = c.command == "report" || c.command == "options" ? "GET" : "POST";
  json body = json::object();
  for (const auto& [key, node] : c.options) {
    const OptionSpec& spec = option_of(command, std::string(key.str()));
    if (request.method == "GET") {
      for (const auto& value : cli_values(node, inputs)) request.query.emplace(field_spelling(spec), value);
    } else {
      body[field_spelling(spec)] = to_json(node);
    }
  }
  if (c.http_request) {
    const toml::table& over = *c.http_request;
    request.method = over["method"].value_or(request.method);
    request.path = over["path"].value_or(request.path);
    if (auto* extra = over["fields"].as_table())
      for (const auto& [key, node] : *extra) body[std::string(key.str())] = to_json(node);
    if (auto* query = over["query"].as_table())
      for (const auto& [key, node] : *query) request.query.emplace(std::string(key.str()), node.value_or(std::string()));
  }
  request.body = request.method == "POST" ? body.dump() : "";
  if (c.http_request)
    if (auto raw = (*c.http_request)["body"].value<std::string>()) request.body = *raw;
  response = api.handle(request);
  json document = json::parse(response.body);
  if (c.error) {
    const ExpectedError& e = *c.error;
    EXPECT_EQ(response.status, e.http ? e.http : 422) << "http: " << response.body;
    EXPECT_EQ(document["error"]["kind"], e.kind) << "http: " << response.body;
    const std::string message = document["error"]["message"];
    EXPECT_NE(message.find(e.message), std::string::npos) << "http: expected '" << e.message << "' in: " << message;
    EXPECT_EQ(message.find("--"), std::string::npos) << "http: a CLI flag in: " << message;
    if (!e.option.empty()) {
      EXPECT_EQ(document["error"]["field"], field_spelling(option_spec(e.option))) << response.body;
    }
    return;
  }
  ASSERT_EQ(response.status, 200) << "http: " << response.body;
  check_document(c, document, "http");
}

class BehaviourCase : public ::testing::TestWithParam<Case> {};

TEST_P(BehaviourCase, HoldsInEveryFrontEnd) {
  const Case& c = GetParam();
  ASSERT_FALSE(c.command.empty()) << c.file << ": no command";
  ASSERT_TRUE(c.error || !c.expect.empty()) << c.file << ": a case needs [[expect]] entries or an [error]";
  const CommandSpec* command = find_command(c.command);
  ASSERT_NE(command, nullptr) << c.file << ": unknown command " << c.command;
  CaseInputs inputs(c);
  if (c.cli) {
    SCOPED_TRACE("cli: " + c.file);
    run_cli(c, *command, inputs);
  }
  if (servable(c, *command)) {
    SCOPED_TRACE("http: " + c.file);
    run_http(c, *command, inputs);
  }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.name;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, BehaviourCase, ::testing::ValuesIn(all_cases()), case_name);

TEST(BehaviourCases, ThereAreAtLeastEighty) { EXPECT_GE(all_cases().size(), 80u); }

}  // namespace
}  // namespace tengerim
