// `tengerim sweep PLAN.toml`: many runs into one results store, on threads or,
// under mpirun, on every rank (docs/sweep.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/CommandTable.h"
#include "common/OptionError.h"
#include "sweep/PlanEvaluator.h"
#include "sweep/SweepRunner.h"

namespace tengerim {
namespace {

void print_status(const std::string& path) {
  const ResultsStore store = ResultsStore::open_read(path);
  const StoreStatus status = store.status();
  const size_t to_go = status.total > status.stored() ? status.total - status.stored() : 0;
  const double share = status.total ? 100.0 * static_cast<double>(status.stored()) / static_cast<double>(status.total) : 100.0;
  std::cout << fmt::format("{}: {} of {} plans stored ({:.1f} %): {} ok, {} failed, {} to go (plan {})\n", path,
                           status.stored(), status.total, share, status.ok, status.failed, to_go, status.plan_file);
}

std::string default_store(const std::string& plan) {
  return std::filesystem::path(plan).replace_extension(".sqlite").string();
}

void run_plan(const RunOptions& options, Cluster* cluster) {
  const std::string path = options.text("sweep.plan");
  const SweepPlan plan = read_sweep_plan(path);
  const PlanEvaluator evaluator(plan);  // every rank loads each model once
  if (cluster && cluster->rank() != 0) return serve_sweep(evaluator, *cluster);
  SweepSettings settings;
  settings.store = options.given("sweep.out") ? options.text("sweep.out") : default_store(path);
  settings.resume = options.flag("sweep.resume");
  settings.threads = static_cast<size_t>(options.integer("run.threads"));
  settings.block = static_cast<size_t>(options.integer("sweep.block"));
  const SweepOutcome outcome = run_sweep(plan, evaluator, settings, cluster);
  std::cerr << fmt::format(
      "tengerim: sweep {}: {} plans, {} already stored, {} run ({} failed) on {} rank(s) in {:.3f} s "
      "(store writes {:.3f} s, {:.1f} MB): {}\n",
      path, outcome.planned, outcome.skipped, outcome.ran, outcome.failed, cluster ? cluster->size() : 1,
      outcome.seconds, outcome.write_seconds, static_cast<double>(outcome.written_bytes) / 1e6, settings.store);
}

}  // namespace

void sweep_command(const RunOptions& options) {
  if (options.given("sweep.status")) return print_status(options.text("sweep.status"));
  if (!options.given("sweep.plan")) fail_option("sweep.plan", "", "is required (or ask for a store's status)");
  std::unique_ptr<Cluster> cluster = make_cluster();
  if (!cluster || cluster->size() == 1) return run_plan(options, cluster.get());
  // Under mpirun a failure on one rank would leave the others waiting: it stops them all.
  try {
    run_plan(options, cluster.get());
  } catch (const Error& error) {
    std::cerr << "tengerim: error (" << to_string(error.kind()) << ") on rank " << cluster->rank() << ": "
              << error.what() << "\n";
    cluster->abort(error.kind() == ErrorKind::Internal ? 3 : 2);
  } catch (const std::exception& error) {
    std::cerr << "tengerim: internal error on rank " << cluster->rank() << ": " << error.what() << "\n";
    cluster->abort(3);
  }
}

}  // namespace tengerim
