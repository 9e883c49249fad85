#pragma once
// Every model-wide parameter is declared once here (name, default, valid
// range, unit, doc, and whether it is a judgement with a sensitivity range);
// the model-file reader, the validator, `tengerim params` and
// docs/parameters.md (report/ParamsReport.h) all come from this one table.
#include <map>
#include <span>
#include <string>

namespace tengerim {

struct ParameterSpec {
  const char* key;
  double default_value;
  double min;  // valid range, inclusive
  double max;
  const char* unit;
  const char* doc;
  bool judgement;      // true: a modelling judgement, varied in sensitivity runs
  double range_low;    // sensitivity range of a judgement
  double range_high;
  const char* basis;   // the source of a standard value, or the rationale of a judgement
};

std::span<const ParameterSpec> parameter_specs();
const ParameterSpec* find_parameter_spec(const std::string& key);

// The values in force for one model: defaults overridden by model.toml.
class Parameters {
 public:
  Parameters();  // all defaults
  double get(const std::string& key) const;
  // Sets a value; returns an explanation when it breaks the declared range.
  std::string set(const std::string& key, double value);
  const std::map<std::string, double>& values() const { return values_; }

 private:
  std::map<std::string, double> values_;
};


}  // namespace tengerim
