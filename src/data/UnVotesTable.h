#pragma once
// Voeten's UN General Assembly votes (un_votes, un_roll_calls and optionally
// un_roll_call_issues), parsed once into compact per-roll-call and
// per-country lists, so that the agreement of any focal state with every
// other state can be cut from it (`import unvotes` for one, `atlas` for all).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

struct UnVotesFiles {
  std::string votes_file, roll_calls_file, issues_file;  // issues_file "" = none
  std::string_view votes, roll_calls, issues;          // their text
};

class UnVotesTable {
 public:
  // With `only_focal` (an ISO3), every row is still checked but only the roll
  // calls that state voted on are kept: the table then answers result_for it alone.
  static UnVotesTable parse(const UnVotesFiles& files, const CountryNames& names,
                            const CountryTable& countries = CountryTable::builtin(),
                            const std::string& only_focal = "");

  // Agreement of request.focal with every other state per year (yes 1, abstain 0.5,
  // no 0; mean of 1 - |difference| over the roll calls where both voted), and per
  // issue code when the issues file was given; with the source row.
  ImportResult result_for(const ImportRequest& request) const;
  std::vector<std::string> countries() const;  // ISO3 of every state with a vote, sorted

 private:
  struct Vote {
    uint32_t other;  // roll call (in votes_by_call_: the country)
    uint8_t value;   // 0 no, 1 abstain, 2 yes: twice the vote, so sums stay whole
  };
  struct Unmatched {
    long rows = 0;
    long first_line = 0;
  };
  std::vector<std::string> files_;
  std::string only_focal_;  // "" = every roll call is kept
  std::vector<int> year_of_call_;
  std::vector<uint32_t> issues_of_call_;  // bit k = issue_codes_[k]
  std::vector<std::string> issue_codes_;  // sorted
  std::vector<std::string> iso3_;         // by country index, sorted
  std::vector<uint32_t> call_start_, country_start_;  // offsets into the two lists below
  std::vector<Vote> by_call_, by_country_;
  std::map<std::string, Unmatched> unmatched_;  // "name (code)" with no ISO3
  std::map<std::string, long> historical_;      // states the name table lists with no ISO3 today
  long duplicates_ = 0;                          // a second vote of one ISO3 on one kept roll call
  long unknown_issue_calls_ = 0;
  int first_year_ = 0, last_year_ = 0;
};

}  // namespace tengerim
