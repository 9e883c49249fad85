#pragma once
// The validated description of one bargaining issue: who takes part, how much
// each can bring to bear and how much each cares. Built by StakeholderReader;
// the bargaining model runs on a copy and never changes it.
#include <string>
#include <vector>

namespace tengerim {

struct Stakeholder {
  std::string actor;      // unique name, as written in the file
  double capability = 0;  // power brought to bear on the issue, in [0, 1]
  double position = 0;    // preferred outcome on the issue's own numeric scale
  double salience = 0;    // how much the issue matters to the actor, in [0, 1]
  long line = 0;          // line in the input file, for messages
};

struct StakeholderSet {
  std::string source;  // file path or "builtin:NAME", for reports and messages
  std::vector<Stakeholder> members;  // at least two, at least two distinct positions
  // Per member, when the file has a Source column: a citation, or "judgement: ..." naming where its reasons are.
  std::vector<std::string> member_sources;
};

}  // namespace tengerim
