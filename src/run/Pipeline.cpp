#include "run/Pipeline.h"

#include "common/ContentHash.h"
#include "common/Error.h"
#include "common/Version.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "model/ValuationReader.h"
#include "risk/CouplingReader.h"

namespace tengerim {
namespace {

std::shared_ptr<ModelSnapshot> read_snapshot(const ModelSource& source) {
  auto snapshot = std::make_shared<ModelSnapshot>(ModelSnapshot{source, {}, {}, {}, {}, {}, {}});
  snapshot->model = read_model(snapshot->source);
  snapshot->network = read_corridor_network(snapshot->source, snapshot->model);
  snapshot->coupling = read_coupling(snapshot->source, snapshot->model);
  snapshot->valuation = read_valuation(snapshot->source, snapshot->model, snapshot->network);
  snapshot->content_hash = model_content_hash(snapshot->source);
  return snapshot;
}

}  // namespace

Pipeline::Pipeline(RunOptions options, const CancelToken* cancel, Progress progress)
    : options_(std::move(options)), cancel_(cancel), progress_(std::move(progress)) {
  summary_.command = options_.command().name;
  summary_.version = version();
  options_.check_required();
}

void Pipeline::tick(size_t done, size_t total) const {
  if (cancel_) cancel_->check();
  if (progress_) progress_(done, total);
}

std::function<void(size_t, size_t)> Pipeline::ticker() const {
  if (!cancel_ && !progress_) return {};
  return [this](size_t done, size_t total) { tick(done, total); };
}

void Pipeline::stage(const std::string& name) {
  if (cancel_) cancel_->check();
  timer_.start(name);
}

std::shared_ptr<const ModelSnapshot> Pipeline::load_snapshot(const std::string& reference) {
  return load_snapshot(ModelSource::from_argument(reference));
}

std::shared_ptr<const ModelSnapshot> Pipeline::load_snapshot(const ModelSource& source) {
  auto snapshot = read_snapshot(source);
  snapshot->sheet = measure_balance(snapshot->model);
  return snapshot;
}

std::shared_ptr<const ModelSnapshot> Pipeline::load_model() {
  stage("load");
  auto snapshot = read_snapshot(ModelSource::from_argument(options_.text("run.model")));
  stage("measure");
  snapshot->sheet = measure_balance(snapshot->model);
  use_model(snapshot);
  return snapshot_;
}

void Pipeline::use_model(std::shared_ptr<const ModelSnapshot> snapshot) {
  snapshot_ = std::move(snapshot);
  summary_.model = snapshot_->source.label();
  summary_.model_hash = snapshot_->content_hash;
}

const ModelSnapshot& Pipeline::snapshot() const {
  if (!snapshot_) throw Error(ErrorKind::Internal, {}, "the run has no model loaded");
  return *snapshot_;
}

void Pipeline::record_input(const std::string& reference, const std::string& text) {
  ContentHash hash;
  hash.add(reference, text);
  summary_.inputs.emplace_back(reference, hash.finish());
}

RunSummary Pipeline::summary() const {
  RunSummary summary = summary_;
  summary.stages = timer_.seconds();
  summary.options = options_.to_json();
  summary.delivery = options_.to_json(true);
  return summary;
}

RunSummary Pipeline::finish() {
  timer_.stop();
  summary_.stages = timer_.seconds();
  summary_.options = options_.to_json();
  summary_.delivery = options_.to_json(true);
  return summary_;
}

RunSummary Pipeline::fail(const std::exception& error) {
  RunSummary summary = finish();
  summary.status = dynamic_cast<const Cancelled*>(&error) ? RunStatus::Cancelled : RunStatus::Failed;
  summary.message = error.what();
  return summary;
}

}  // namespace tengerim
