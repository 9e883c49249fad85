#pragma once
// What every run returns beside its figures: how it ended,
// its seed and every option's value, the program's version, a content hash of
// the model's files and the time of each stage. The JSON form leaves the times
// out (they live under "profile"), so two runs of the same inputs compare equal.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tengerim {

enum class RunStatus { Ok, Failed, Cancelled };
const char* to_string(RunStatus status);

struct RunSummary {
  std::string command;
  RunStatus status = RunStatus::Ok;
  std::string message;               // why it failed or was cancelled; "" when ok
  std::optional<uint64_t> seed;      // the master seed, when the run draws random numbers
  nlohmann::ordered_json options = nlohmann::ordered_json::object();   // key -> value in force (null: unset)
  nlohmann::ordered_json delivery = nlohmann::ordered_json::object();  // the options that only deliver the
                                                                       // result (threads, file): not in to_json()
  std::string version;
  std::string model;                 // "builtin:kaz", a folder; "" when the run reads no model
  std::string model_hash;            // content hash of every file of the model
  std::vector<std::pair<std::string, std::string>> inputs;  // other inputs read: reference -> content hash
  std::vector<std::pair<std::string, double>> stages;        // name -> seconds, in order

  double seconds() const;
  // One line: "risk on builtin:kaz (sha256:1a2b3c4d): ok, seed 20240101, 0.214 s".
  std::string brief() const;
  // Every field, one per line, with the stage table.
  std::string full() const;
  nlohmann::ordered_json to_json() const;  // without the stage times
};

}  // namespace tengerim
