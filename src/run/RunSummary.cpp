#include "run/RunSummary.h"

#include <fmt/format.h>

namespace tengerim {

const char* to_string(RunStatus status) {
  switch (status) {
    case RunStatus::Ok: return "ok";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
  }
  return "failed";
}

double RunSummary::seconds() const {
  double total = 0;
  for (const auto& [name, time] : stages) total += time;
  return total;
}

std::string RunSummary::brief() const {
  std::string out = command;
  if (!model.empty()) out += fmt::format(" on {} ({})", model, model_hash.substr(0, std::min<size_t>(15, model_hash.size())));
  out += fmt::format(": {}", to_string(status));
  if (!message.empty()) out += " (" + message + ")";
  if (seed) out += fmt::format(", seed {}", *seed);
  out += fmt::format(", {:.3f} s", seconds());
  return out;
}

std::string RunSummary::full() const {
  std::string out = fmt::format("command    {}\nstatus     {}\n", command, to_string(status));
  if (!message.empty()) out += fmt::format("message    {}\n", message);
  out += fmt::format("version    {}\n", version);
  if (!model.empty()) out += fmt::format("model      {}\nmodel hash {}\n", model, model_hash);
  for (const auto& [reference, hash] : inputs) out += fmt::format("input      {} {}\n", reference, hash);
  if (seed) out += fmt::format("seed       {}\n", *seed);
  for (const auto& [key, value] : options.items()) out += fmt::format("option     {} = {}\n", key, value.dump());
  for (const auto& [key, value] : delivery.items()) out += fmt::format("delivery   {} = {}\n", key, value.dump());
  out += fmt::format("{:<12} {:>10}\n", "stage", "seconds");
  for (const auto& [name, time] : stages) out += fmt::format("{:<12} {:>10.6f}\n", name, time);
  out += fmt::format("{:<12} {:>10.6f}\n", "total", seconds());
  return out;
}

nlohmann::ordered_json RunSummary::to_json() const {
  nlohmann::ordered_json out;
  out["command"] = command;
  out["status"] = to_string(status);
  out["message"] = message;
  out["seed"] = seed ? nlohmann::ordered_json(*seed) : nlohmann::ordered_json(nullptr);
  out["version"] = version;
  out["model"] = model.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(model);
  out["model_hash"] = model_hash.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(model_hash);
  auto& read = out["inputs"] = nlohmann::ordered_json::object();
  for (const auto& [reference, hash] : inputs) read[reference] = hash;
  out["options"] = options;
  return out;
}

}  // namespace tengerim
