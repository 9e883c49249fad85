#include "run/OptionRegistry.h"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>

#include "common/Error.h"

namespace tengerim {
namespace {

using T = OptionType;

// The one table of run options. Keys are scope.name; shared scopes are `run`
// (what any run may take) and `output` (how a document is delivered).
const std::array kOptions = {
    // Shared by several commands.
    OptionSpec{"run.model", T::Text, "builtin:kaz", "", "", "",
               "The model: a model folder, or builtin:NAME for a shipped one", kCli | kSweep, true},
    OptionSpec{"run.seed", T::Seed, "20240101", "", "", "",
               "Master seed; every random stream derives from it and the draw's index (docs/model.md §9)",
               kEverywhere},
    OptionSpec{"run.threads", T::Integer, "1", "threads", "[1, 1024]", "",
               "Worker threads (capped at the number of cores); results do not depend on it", kEngine, false, false, 0,
               true},
    OptionSpec{"run.year", T::Integer, "", "year", "[1800, 2200]", "",
               "Exposure year of the losses: shares, money values, prices and GDP are each the latest at or before "
               "it (default: the model's default year, as report shows)",
               kEverywhere},
    OptionSpec{"run.progress", T::Flag, "", "", "", "",
               "Show a progress bar on stderr even when stderr is not a terminal", kCli, false, false, 0, true},
    OptionSpec{"output.format", T::Choice, "text", "", "", "text|json|csv|html|markdown",
               "Output format (each command lists the ones it writes)", kCli | kSweep, false, false, 0, true},
    OptionSpec{"output.out", T::Text, "", "", "", "",
               "Write the result to this file (atomically: the old file or the whole new one, never a mix)", kCli, false,
               false, 0, true},
    OptionSpec{"output.profile", T::Flag, "", "", "", "",
               "Time each stage: a table on stderr, and in JSON under \"profile\"", kCli, false, false, 0, true},
    OptionSpec{"output.charts", T::Flag, "", "", "", "", "Add the SVG charts of the document under \"charts\"",
               kHttp, false, false, 0, true},

    // report
    OptionSpec{"report.year", T::Integer, "", "year", "[1800, 2200]", "",
               "Year to show (text and html: default the model's latest published year; json and csv: every year)",
               kEverywhere},
    OptionSpec{"report.basis", T::Choice, "filled", "", "", "filled|observed",
               "Series basis: filled (the fixed basket, each domain's declared gap filling) or observed (only "
               "what was observed in the year)",
               kEverywhere},
    OptionSpec{"report.weights", T::Choice, "declared", "", "", "declared|magnitude",
               "Domain weights: declared (the model's judgements) or magnitude (the money domains present share "
               "their declared weight in proportion to their USD totals)",
               kEverywhere},
    OptionSpec{"report.sensitivity", T::Integer, "0", "draws", "[0, 100000]", "",
               "Sensitivity run: Latin-hypercube draws over every judgement of the sheet; bands p05, p50, p95 "
               "(0: none)",
               kEverywhere},
    OptionSpec{"report.explain", T::Integers, "", "year", "[1800, 2200]", "",
               "Two published years A B: the change in B, D and Lambda from A to B split exactly into basket, "
               "share and weight parts (Shapley)",
               kEverywhere, false, false, 2},

    // shock
    OptionSpec{"shock.scenario", T::Text, "", "", "", "",
               "The scenario: model:NAME (the model's scenarios/), builtin:NAME, or a .toml file; a bare NAME is "
               "model:NAME, else builtin:NAME; default: the model's scenarios/default.toml",
               kEverywhere, false, false, 0, false, "scenario"},

    // risk
    OptionSpec{"risk.scenario", T::Text, "", "", "", "",
               "The scenario (as for shock); default: the model's scenarios/default.toml", kEverywhere, false, false, 0, false, "scenario"},
    OptionSpec{"risk.draws", T::Integer, "100000", "draws", "[1, 1000000000]", "",
               "Monte Carlo draws (simulated years)", kEverywhere},
    OptionSpec{"risk.level", T::Numbers, "0.95,0.99", "", "(0, 1)", "",
               "Tail level(s) of VaR and CVaR, each in (0, 1)", kEverywhere},
    OptionSpec{"risk.sensitivity", T::Integer, "0", "draws", "[0, 100000]", "",
               "Envelope: Latin-hypercube draws over every judgement of the losses (weights, sigma, probabilities, "
               "severities, durations, loadings, coupling), the Monte Carlo at each; p05, p50, p95 (0: none)",
               kEverywhere},

    // simulate
    OptionSpec{"simulate.policy", T::Text, "balanced", "", "", "",
               "The policy: model:NAME (the model's policies/), builtin:NAME, or a .toml file; a bare NAME is "
               "model:NAME, else builtin:NAME",
               kEverywhere, false, false, 0, false, "policy"},
    OptionSpec{"simulate.horizon", T::Integer, "10", "years", "[1, 100]", "", "Years to simulate", kEverywhere},
    OptionSpec{"simulate.sensitivity", T::Integer, "0", "draws", "[0, 100000]", "",
               "Sensitivity run: Latin-hypercube draws over every judgement's range (0: none); with --sweep, the "
               "sweep's draws",
               kEngine},
    OptionSpec{"simulate.sweep", T::Choice, "", "", "", "tilt",
               "Dose-response: tilt: tilts 0, 0.1, 0.2, 0.35, 0.5, 0.75, 1 toward each direction, each held over the "
               "horizon, with its net outcome and the share of draws in which each conclusion holds",
               kEngine},

    // optimize
    OptionSpec{"optimize.scenario", T::Text, "", "", "", "",
               "The scenario (as for shock); default: the model's scenarios/default.toml", kEverywhere, false, false, 0, false, "scenario"},
    OptionSpec{"optimize.draws", T::Integer, "10000", "draws", "[100, 10000000]", "",
               "Monte Carlo draws the CVaR programme is taken over", kEverywhere},
    OptionSpec{"optimize.level", T::Number, "0.95", "", "(0, 1)", "", "Tail level of the CVaR minimised",
               kEverywhere},
    OptionSpec{"optimize.budget", T::Number, "none", "loss units", "[0, inf)", "none",
               "Cap on the adjustment cost; none: no budget", kEverywhere},

    // bargain
    OptionSpec{"bargain.issue", T::Text, "", "", "", "",
               "The issue: a CSV Actor,Capability,Position,Salience[,Source], or builtin:NAME", kEngine, true, true, 0,
               false, "issue"},
    OptionSpec{"bargain.variant", T::Choice, "scholz-code", "", "", "scholz-code|published",
               "Preset: scholz-code (the replication code's choices) or published (pairwise normaliser, least-move "
               "compromise, capitulation on)",
               kEverywhere},
    OptionSpec{"bargain.rounds", T::Integer, "", "rounds", "[1, 1000]", "",
               "Bargaining rounds (default: the preset's, 10)", kEverywhere},
    OptionSpec{"bargain.q", T::Number, "", "", "[0, inf)", "",
               "Weight Q of the status-quo utility (default: the preset's, 1)", kEverywhere},
    OptionSpec{"bargain.normaliser", T::Choice, "", "", "", "all-pairs|pairwise",
               "Override the preset: denominator of P(i,j)", kEverywhere},
    OptionSpec{"bargain.compromise", T::Choice, "", "", "", "smallest-weighted|least-move",
               "Override the preset: which compromise to take", kEverywhere},
    OptionSpec{"bargain.capitulation", T::Choice, "", "", "", "on|off", "Override the preset: capitulation",
               kEverywhere},
    OptionSpec{"bargain.sensitivity", T::Integer, "0", "draws", "[0, 100000]", "",
               "Sensitivity run: reruns with every capability, salience and position jittered within 10 % (0: none)",
               kEverywhere},

    // import
    OptionSpec{"import.kind", T::Text, "", "", "", "", "The dataset kind (see `tengerim import --help`)", kEngine,
               true, true},
    OptionSpec{"import.files", T::Texts, "", "", "", "", "The dataset's file(s), in the order the kind lists them",
               kEngine, true, true},
    OptionSpec{"import.focal", T::Text, "", "", "", "",
               "The focal country, ISO 3166-1 alpha-3 (e.g. KAZ, MNG, ARM)", kEngine, false, true},
    OptionSpec{"import.years", T::Text, "", "", "", "", "Only these years: A-B or a single year (default: all)",
               kEngine},
    OptionSpec{"import.into", T::Text, "", "", "", "",
               "The model folder to write or extend (replaced as a whole, never half-written)", kEngine, false,
               true},
    OptionSpec{"import.strict", T::Flag, "", "", "", "",
               "Fail on a partner name with no ISO3 code instead of counting it", kEngine},

    // atlas
    OptionSpec{"atlas.cow_trade", T::Text, "", "", "", "", "COW dyadic trade v4 (cow_trade_dyadic_ndy.csv)",
               kEngine},
    OptionSpec{"atlas.imf_dots", T::Text, "", "", "", "",
               "IMF Direction of Trade Statistics (imf_dots_annual_2000_2020.csv): trade 2000-2020, before COW "
               "where both cover a year; adds the trade_sources and gdp_usd columns",
               kEngine},
    OptionSpec{"atlas.wdi_gdp", T::Text, "", "", "", "",
               "World Bank GDP, current US$ (gdp_current_usd_1960_2023.csv): each country's GDP; adds the "
               "trade_sources and gdp_usd columns",
               kEngine},
    OptionSpec{"atlas.unvotes", T::Texts, "", "", "", "", "UN votes (Voeten): un_votes.csv un_roll_calls.csv",
               kEngine, false, false, 2},
    OptionSpec{"atlas.sipri", T::Text, "", "", "", "",
               "SIPRI arms trade register (trade_register.csv): adds the domain arms", kEngine},
    OptionSpec{"atlas.cow_igo", T::Text, "", "", "", "",
               "COW IGO v3 (igo_year_format3.csv): adds formats and the formats_/security_ columns", kEngine},
    OptionSpec{"atlas.directions", T::Text, "", "", "", "",
               "A TOML file of [[blocs]] and [[directions]] replacing the default direction set", kEngine},

    // sweep
    OptionSpec{"sweep.plan", T::Text, "", "", "", "",
               "The plan: a TOML file of [[runs]], each a command with its options (docs/sweep.md)", kCli, true},
    OptionSpec{"sweep.out", T::Text, "", "", "", "",
               "The results store, an SQLite file (default: the plan's path with the extension .sqlite)", kCli},
    OptionSpec{"sweep.resume", T::Flag, "", "", "", "",
               "Go on with an existing store: run only the plans it has no row for", kCli},
    OptionSpec{"sweep.status", T::Text, "", "", "", "",
               "Print the progress of this results store (plans stored, ok, failed, to go) and exit", kCli},
    OptionSpec{"sweep.block", T::Integer, "16", "plans", "[1, 100000]", "",
               "Plans handed to a worker at a time (results do not depend on it)", kCli, false, false, 0, true},

    // serve
    OptionSpec{"serve.host", T::Text, "127.0.0.1", "", "", "",
               "Address to listen on (loopback by default: the dashboard is for this machine)", kCli},
    OptionSpec{"serve.port", T::Integer, "8080", "", "[0, 65535]", "", "TCP port (0: any free port)", kCli},
    OptionSpec{"serve.max_draws", T::Integer, "200000", "draws", "[1, 1000000000]", "",
               "Largest risk.draws a request may ask (and of risk.draws × risk.sensitivity)", kCli},
    OptionSpec{"serve.max_sensitivity", T::Integer, "1000", "draws", "[0, 100000]", "",
               "Largest report.sensitivity or risk.sensitivity a request may ask (each draw measures the sheet again)", kCli},
    OptionSpec{"serve.timeout_ms", T::Integer, "10000", "ms", "[1, 3600000]", "",
               "Time limit per request; a run past it answers 503 time_limit", kCli},
    OptionSpec{"serve.max_heavy", T::Integer, "4", "runs", "[1, 1024]", "",
               "Runs (shock, risk, simulate, what-if, uncached report) served at once; more answer 503 busy", kCli},
    OptionSpec{"serve.io_timeout_ms", T::Integer, "5000", "ms", "[100, 600000]", "",
               "Time limit on each read from and write to a connection; a slower client is dropped", kCli},
};

const std::vector<std::string> kOutput = {"output.format", "output.out", "output.profile"};

std::vector<std::string> with(std::vector<std::string> keys, const std::vector<std::string>& more) {
  keys.insert(keys.end(), more.begin(), more.end());
  return keys;
}

const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> table = {
      {"report", "The balance sheet of a model (default: the built-in Kazakhstan model)",
       with({"run.model", "report.year", "report.basis", "report.weights", "report.sensitivity", "report.explain", "run.seed", "run.threads", "run.progress",
             "output.charts"},
            kOutput),
       {"text", "json", "csv", "html"}, "/api/report"},
      {"params", "Every model parameter and judgement: value, range, rationale, where declared",
       with({"run.model"}, kOutput), {"text", "json"}, ""},
      {"options", "Every run option: key, type, default, range, unit, front ends (docs/options.md)", kOutput,
       {"text", "json", "markdown"}, "/api/options"},
      {"shock", "Apply a scenario once: rerouted flows, stranded volumes, extra cost, losses",
       with({"run.model", "shock.scenario", "run.year", "output.charts"}, kOutput), {"text", "json"}, "/api/shock"},
      {"risk", "Monte Carlo of a scenario's shocks: loss distribution, VaR, CVaR, contributions",
       with({"run.model", "risk.scenario", "risk.draws", "risk.level", "risk.sensitivity", "run.year", "run.seed", "run.threads", "run.progress",
             "output.charts"},
            kOutput),
       {"text", "json"}, "/api/risk"},
      {"simulate", "Year-by-year focal policy and great-power pressure: losses, tension, cohesion, balance",
       with({"run.model", "simulate.policy", "simulate.horizon", "simulate.sensitivity", "simulate.sweep", "run.seed", "run.threads"}, kOutput),
       {"text", "json"}, "/api/simulate"},
      {"optimize", "CVaR-minimising plan over the Monte Carlo draws: what to move, cost, CVaR before and after",
       with({"run.model", "optimize.scenario", "optimize.draws", "optimize.level", "optimize.budget", "run.year", "run.seed"},
            kOutput),
       {"text", "json"}, ""},
      {"bargain", "Forecast where a contest over one issue settles (expected-utility bargaining, docs/bargaining.md)",
       with({"bargain.issue", "bargain.variant", "bargain.rounds", "bargain.q", "bargain.normaliser",
             "bargain.compromise", "bargain.capitulation", "bargain.sensitivity", "run.seed"},
            kOutput),
       {"text", "json"}, ""},
      {"import", "Build or extend a model folder for any focal country from a public dataset",
       with({"import.kind", "import.files", "import.focal", "import.years", "import.into", "import.strict"}, kOutput),
       {"text", "json"}, ""},
      {"atlas",
       "The balance sheet of every country in the data for every year it covers, one CSV row per country-year",
       {"atlas.cow_trade", "atlas.imf_dots", "atlas.wdi_gdp", "atlas.unvotes", "atlas.sipri", "atlas.cow_igo", "atlas.directions", "run.progress",
        "output.out"},
       {"csv"}, ""},
      {"sweep", "Run a plan of many runs (threads, or MPI ranks under mpirun) into a results store that resumes",
       {"sweep.plan", "sweep.out", "sweep.resume", "sweep.status", "sweep.block", "run.threads"}, {}, ""},
      {"serve", "Serve the dashboard and its JSON API on this machine",
       {"run.model", "serve.host", "serve.port", "serve.max_draws", "serve.max_sensitivity", "serve.timeout_ms", "serve.max_heavy",
        "serve.io_timeout_ms"}, {}, ""},
  };
  return table;
}

// Checks the tables once: every key declared, names unique within a command, ranges well-formed.
struct Index {
  std::map<std::string, const OptionSpec*, std::less<>> options;
  std::map<const OptionSpec*, OptionRange> ranges;
  Index() {
    for (const auto& spec : kOptions) {
      if (!options.emplace(spec.key, &spec).second)
        throw Error(ErrorKind::Internal, {}, std::string("option declared twice: ") + spec.key);
      ranges.emplace(&spec, OptionRange::parse(spec.range));
    }
    for (const auto& command : commands()) {
      std::map<std::string_view, std::string> names;
      for (const auto& key : command.options) {
        auto found = options.find(key);
        if (found == options.end())
          throw Error(ErrorKind::Internal, {}, "command " + std::string(command.name) + " takes undeclared " + key);
        if (!names.emplace(found->second->name(), key).second)
          throw Error(ErrorKind::Internal, {}, "command " + std::string(command.name) + ": two options named " +
                                                   std::string(found->second->name()));
      }
    }
  }
};

const Index& index() {
  static const Index built;
  return built;
}

}  // namespace

std::string_view OptionSpec::scope() const {
  std::string_view text(key);
  return text.substr(0, text.find('.'));
}

std::string_view OptionSpec::name() const {
  std::string_view text(key);
  return text.substr(text.find('.') + 1);
}

const char* to_string(OptionType type) {
  switch (type) {
    case T::Flag: return "flag";
    case T::Integer: return "integer";
    case T::Number: return "number";
    case T::Numbers: return "numbers";
    case T::Integers: return "integers";
    case T::Text: return "text";
    case T::Texts: return "texts";
    case T::Choice: return "choice";
    case T::Seed: return "seed";
  }
  return "text";
}

std::span<const OptionSpec> option_specs() { return kOptions; }

const OptionSpec* find_option(std::string_view key) {
  const auto& options = index().options;
  auto found = options.find(key);
  return found == options.end() ? nullptr : found->second;
}

const OptionSpec& option_spec(std::string_view key) {
  const OptionSpec* spec = find_option(key);
  if (!spec) throw Error(ErrorKind::Internal, {}, "undeclared option '" + std::string(key) + "'");
  return *spec;
}

const OptionRange& option_range(const OptionSpec& spec) { return index().ranges.at(&spec); }

std::span<const CommandSpec> command_specs() {
  index();
  return commands();
}

const CommandSpec* find_command(std::string_view name) {
  for (const auto& command : command_specs())
    if (name == command.name) return &command;
  return nullptr;
}

const CommandSpec& command_spec(std::string_view name) {
  const CommandSpec* command = find_command(name);
  if (!command) throw Error(ErrorKind::Internal, {}, "undeclared command '" + std::string(name) + "'");
  return *command;
}

const OptionSpec* find_command_option(const CommandSpec& command, std::string_view name) {
  for (const auto& key : command.options) {
    const OptionSpec& spec = option_spec(key);
    if (spec.name() == name) return &spec;
  }
  return nullptr;
}

bool takes_option(const CommandSpec& command, std::string_view key) {
  return std::find(command.options.begin(), command.options.end(), key) != command.options.end();
}

}  // namespace tengerim
