#include "data/UnVotesTable.h"

#include <fmt/format.h>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <map>
#include <unordered_map>

#include "common/CsvScanner.h"
#include "common/CsvTable.h"
#include "common/Text.h"
#include "data/Importer.h"

namespace tengerim {
namespace {

constexpr const char* kSource = "unvotes-2021";
constexpr int kUnmatched = -1, kHistorical = -2, kByName = -3, kUnresolved = -4;
constexpr uint32_t kNoCall = UINT32_MAX;
constexpr long kMaxRcid = 10'000'000;

int year_of_date(const CsvScanner& csv, size_t column) {
  const std::string date = trim(csv.field(column));
  auto year = date.size() == 10 && date[4] == '-' && date[7] == '-' ? parse_long(date.substr(0, 4)) : std::nullopt;
  if (!year || *year < 1900 || *year > 2100)
    fail_input(csv.at(column), "'" + date + "': expected a date YYYY-MM-DD");
  return static_cast<int>(*year);
}

uint8_t vote_value(const CsvScanner& csv, size_t column) {
  const std::string_view vote = csv.field(column);
  if (vote == "yes") return 2;
  if (vote == "abstain") return 1;
  if (vote == "no") return 0;
  fail_input(csv.at(column), "'" + std::string(vote) + "': expected yes, abstain or no");
}

std::string iso_label(std::string_view name, std::string_view code) {
  return trim(name) + (trim(code).empty() ? std::string(" (no code)") : " (" + trim(code) + ")");
}

struct VoteColumns {
  size_t rcid, country, code, vote;
};

// One part of the votes file: columns in file order, voters by this part's own country index.
struct VotePart {
  std::vector<uint32_t> calls, voters;
  std::vector<uint8_t> values;
  std::vector<std::string> iso3;  // by this part's country index
  struct Unmatched {
    long rows = 0;
    long first_line = 0;
  };
  std::map<std::string, Unmatched> unmatched;  // "name (code)" with no ISO3
  std::map<std::string, long> historical;      // states the name table lists with no ISO3 today
};

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

VotePart scan_votes(CsvScanner& csv, const VoteColumns& columns, const std::vector<uint32_t>& call_of_rcid,
                    const std::string& roll_calls_file, const CountryNames& names, const CountryTable& countries) {
  VotePart part;
  const size_t expected = csv.bytes_left() / 8 + 1;  // rows are longer than 8 bytes: the columns never grow
  part.calls.reserve(expected);
  part.voters.reserve(expected);
  part.values.reserve(expected);
  std::unordered_map<std::string, int> country_of_key;  // "code\tname" -> country index or kUnmatched/kHistorical
  std::unordered_map<std::string, int> index_of_iso3;
  auto index_of = [&](const std::string& iso3) {
    auto [slot, added] = index_of_iso3.try_emplace(iso3, static_cast<int>(part.iso3.size()));
    if (added) part.iso3.push_back(iso3);
    return slot->second;
  };
  std::vector<int> country_of_iso2(26 * 26, kUnresolved);
  std::string key;
  while (csv.next()) {
    const long rcid_value = csv.integer(columns.rcid);
    if (rcid_value < 0 || rcid_value >= static_cast<long>(call_of_rcid.size()) ||
        call_of_rcid[static_cast<size_t>(rcid_value)] == kNoCall)
      fail_input(csv.at(columns.rcid), "no roll call with this rcid in " + roll_calls_file);
    const uint32_t call = call_of_rcid[static_cast<size_t>(rcid_value)];
    const uint8_t value = vote_value(csv, columns.vote);
    // A current ISO2 code decides alone (a table by its two letters); else the name does.
    const std::string_view iso2 = csv.field(columns.code);
    int* by_code = iso2.size() == 2 && upper_ascii(iso2[0]) && upper_ascii(iso2[1])
                       ? &country_of_iso2[static_cast<size_t>((iso2[0] - 'A') * 26 + (iso2[1] - 'A'))]
                       : nullptr;
    if (by_code && *by_code == kUnresolved) {
      const Country* found = countries.find_iso2(std::string(iso2));
      *by_code = found ? index_of(found->iso3) : kByName;
    }
    int voter = by_code ? *by_code : kByName;
    if (voter == kByName) {
      key.assign(iso2);
      key += '\t';
      key += csv.field(columns.country);
      auto [slot, added] = country_of_key.try_emplace(key, kUnmatched);
      if (added) {
        // Blank or withdrawn codes (YU, CS, DD, YD): the name as the unvotes data spell it.
        const std::string name = trim(csv.field(columns.country));
        auto iso3 = names.iso3("unvotes", name);
        if (iso3 && countries.contains(*iso3)) slot->second = index_of(*iso3);
        else if (names.known_without_code("unvotes", name)) slot->second = kHistorical;
      }
      voter = slot->second;
    }
    if (voter == kUnmatched) {
      auto& entry = part.unmatched[iso_label(csv.field(columns.country), csv.field(columns.code))];
      if (entry.rows++ == 0) entry.first_line = csv.line();
      continue;
    }
    if (voter == kHistorical) {
      ++part.historical[trim(csv.field(columns.country))];
      continue;
    }
    part.calls.push_back(call);
    part.voters.push_back(static_cast<uint32_t>(voter));
    part.values.push_back(value);
  }
  return part;
}

}  // namespace

UnVotesTable UnVotesTable::parse(const UnVotesFiles& files, const CountryNames& names,
                                 const CountryTable& countries, const std::string& only_focal) {
  UnVotesTable table;
  table.files_ = {files.votes_file, files.roll_calls_file};
  if (!files.issues_file.empty()) table.files_.push_back(files.issues_file);

  // Roll calls: rcid -> index, year.
  std::vector<uint32_t> call_of_rcid;  // by rcid (at most a few thousand in the data)
  {
    CsvScanner csv(files.roll_calls, files.roll_calls_file);  // long quoted descriptions: scanned, not kept
    csv.require_columns({"rcid", "date"}, {"session", "importantvote", "unres", "amend", "para", "short", "descr"});
    const size_t rcid = csv.require_column("rcid"), date = csv.require_column("date");
    while (csv.next()) {
      const int year = year_of_date(csv, date);
      const long id = csv.integer(rcid);
      if (id < 0 || id > kMaxRcid) fail_input(csv.at(rcid), fmt::format("{}: expected an rcid in 0-{}", id, kMaxRcid));
      if (static_cast<size_t>(id) >= call_of_rcid.size()) call_of_rcid.resize(static_cast<size_t>(id) + 1, kNoCall);
      if (call_of_rcid[static_cast<size_t>(id)] != kNoCall) fail_input(csv.at(rcid), "a second roll call with this rcid");
      call_of_rcid[static_cast<size_t>(id)] = static_cast<uint32_t>(table.year_of_call_.size());
      table.year_of_call_.push_back(year);
    }
  }
  table.issues_of_call_.assign(table.year_of_call_.size(), 0);
  if (!files.issues_file.empty()) {
    const auto csv = CsvTable::parse(files.issues, files.issues_file);
    csv.require_columns({"rcid", "short_name"}, {"issue"});
    const size_t rcid = csv.require_column("rcid"), code = csv.require_column("short_name");
    for (const auto& row : csv.rows()) table.issue_codes_.push_back(trim(row.cells[code]));
    std::sort(table.issue_codes_.begin(), table.issue_codes_.end());
    table.issue_codes_.erase(std::unique(table.issue_codes_.begin(), table.issue_codes_.end()),
                             table.issue_codes_.end());
    if (table.issue_codes_.size() > 32)
      fail_input({files.issues_file, 0, "short_name"}, "more than 32 issue codes (expected me, nu, di, hr, co, ec)");
    for (const auto& row : csv.rows()) {
      const std::string issue = trim(row.cells[code]);
      if (issue.empty()) fail_input(csv.at(row, code), "missing issue code");
      const long id = csv.integer(row, rcid);
      if (id < 0 || id >= static_cast<long>(call_of_rcid.size()) || call_of_rcid[static_cast<size_t>(id)] == kNoCall) {
        ++table.unknown_issue_calls_;  // an issue of a roll call not in the roll-call file
        continue;
      }
      const uint32_t call = call_of_rcid[static_cast<size_t>(id)];
      const auto bit = std::lower_bound(table.issue_codes_.begin(), table.issue_codes_.end(), issue) -
                       table.issue_codes_.begin();
      table.issues_of_call_[call] |= 1u << bit;
    }
  }
  if (!table.year_of_call_.empty()) {
    auto [low, high] = std::minmax_element(table.year_of_call_.begin(), table.year_of_call_.end());
    table.first_year_ = *low;
    table.last_year_ = *high;
  }

  // Votes: the file's rows in parts scanned in parallel, then joined in file order.
  CsvScanner csv(files.votes, files.votes_file);
  csv.require_columns({"rcid", "country", "country_code", "vote"});
  const VoteColumns columns{csv.require_column("rcid"), csv.require_column("country"),
                            csv.require_column("country_code"), csv.require_column("vote")};
  std::vector<CsvScanner> parts = csv.split(static_cast<size_t>(std::max(1, tbb::this_task_arena::max_concurrency())));
  std::vector<VotePart> scanned(parts.size());
  std::vector<std::exception_ptr> errors(parts.size());
  tbb::parallel_for(size_t{0}, parts.size(), [&](size_t k) {
    try {
      scanned[k] = scan_votes(parts[k], columns, call_of_rcid, files.roll_calls_file, names, countries);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  });
  for (const auto& error : errors)  // the first error in file order, whichever thread met it first
    if (error) std::rethrow_exception(error);

  // Countries in ISO3 order, so that output order never depends on the file's.
  for (const VotePart& part : scanned) table.iso3_.insert(table.iso3_.end(), part.iso3.begin(), part.iso3.end());
  std::sort(table.iso3_.begin(), table.iso3_.end());
  table.iso3_.erase(std::unique(table.iso3_.begin(), table.iso3_.end()), table.iso3_.end());
  for (VotePart& part : scanned) {
    std::vector<uint32_t> rank(part.iso3.size());
    for (size_t i = 0; i < rank.size(); ++i)
      rank[i] = static_cast<uint32_t>(std::lower_bound(table.iso3_.begin(), table.iso3_.end(), part.iso3[i]) -
                                      table.iso3_.begin());
    for (uint32_t& voter : part.voters) voter = rank[voter];
    for (const auto& [label, entry] : part.unmatched) {
      auto& merged = table.unmatched_[label];
      if (merged.rows == 0) merged.first_line = entry.first_line;  // parts in file order: the first is the earliest
      merged.rows += entry.rows;
    }
    for (const auto& [name, rows] : part.historical) table.historical_[name] += rows;
  }

  // With only_focal, the roll calls it did not vote on cannot count for it: dropped here.
  const size_t call_count = table.year_of_call_.size(), country_count = table.iso3_.size();
  std::vector<bool> keep_call(call_count, only_focal.empty());
  if (!only_focal.empty()) {
    table.only_focal_ = only_focal;
    const auto focal_at = std::lower_bound(table.iso3_.begin(), table.iso3_.end(), only_focal);
    if (focal_at != table.iso3_.end() && *focal_at == only_focal) {
      const auto focal = static_cast<uint32_t>(focal_at - table.iso3_.begin());
      for (const VotePart& part : scanned)
        for (size_t i = 0; i < part.calls.size(); ++i)
          if (part.voters[i] == focal) keep_call[part.calls[i]] = true;
    }
  }

  // Group by roll call (counting sort over the parts in file order), keeping the first vote of an ISO3 on a roll call.
  std::vector<uint32_t> fill(call_count + 1, 0);
  for (const VotePart& part : scanned)
    for (uint32_t call : part.calls)
      if (keep_call[call]) ++fill[call + 1];
  for (size_t i = 1; i <= call_count; ++i) fill[i] += fill[i - 1];
  table.call_start_ = fill;
  std::vector<Vote> grouped(fill[call_count]);
  for (VotePart& part : scanned) {
    for (size_t i = 0; i < part.calls.size(); ++i)
      if (keep_call[part.calls[i]]) grouped[fill[part.calls[i]]++] = {part.voters[i], part.values[i]};
    part = VotePart();  // its memory back before the lists below
  }
  std::vector<uint32_t> seen(country_count, UINT32_MAX);
  table.by_call_.reserve(grouped.size());
  std::vector<uint32_t> start(call_count + 1, 0);
  for (uint32_t call = 0; call < call_count; ++call) {
    start[call] = static_cast<uint32_t>(table.by_call_.size());
    for (uint32_t i = table.call_start_[call]; i < table.call_start_[call + 1]; ++i) {
      if (seen[grouped[i].other] == call) {
        ++table.duplicates_;
        continue;
      }
      seen[grouped[i].other] = call;
      table.by_call_.push_back(grouped[i]);
    }
  }
  start[call_count] = static_cast<uint32_t>(table.by_call_.size());
  table.call_start_ = std::move(start);

  // The same votes grouped by country.
  table.country_start_.assign(country_count + 1, 0);
  for (const auto& entry : table.by_call_) ++table.country_start_[entry.other + 1];
  for (size_t i = 1; i <= country_count; ++i) table.country_start_[i] += table.country_start_[i - 1];
  std::vector<uint32_t> next(table.country_start_.begin(), table.country_start_.end() - 1);
  table.by_country_.resize(table.by_call_.size());
  for (uint32_t call = 0; call < call_count; ++call)
    for (uint32_t i = table.call_start_[call]; i < table.call_start_[call + 1]; ++i)
      table.by_country_[next[table.by_call_[i].other]++] = {call, table.by_call_[i].value};
  return table;
}

std::vector<std::string> UnVotesTable::countries() const { return iso3_; }

ImportResult UnVotesTable::result_for(const ImportRequest& request) const {
  if (!only_focal_.empty() && request.focal != only_focal_)
    throw Error(ErrorKind::Internal, {}, "a UN votes table read for " + only_focal_ + " asked for " + request.focal);
  ImportResult result;
  const auto focal_at = std::lower_bound(iso3_.begin(), iso3_.end(), request.focal);
  if (focal_at != iso3_.end() && *focal_at == request.focal) {
    const auto focal = static_cast<uint32_t>(focal_at - iso3_.begin());
    const size_t countries = iso3_.size(), years = static_cast<size_t>(last_year_ - first_year_ + 1);
    const size_t layers = issue_codes_.size() + 1;  // all roll calls, then one per issue
    // Twice the summed agreement (whole numbers) and the vote count, by layer, year and partner.
    std::vector<uint32_t> twice(layers * years * countries, 0), count(twice.size(), 0);
    auto cell = [&](size_t layer, size_t year, size_t partner) { return (layer * years + year) * countries + partner; };
    for (uint32_t i = country_start_[focal]; i < country_start_[focal + 1]; ++i) {
      const uint32_t call = by_country_[i].other;
      const int year = year_of_call_[call];
      if (!request.wants_year(year)) continue;
      const int mine = by_country_[i].value;
      const auto y = static_cast<size_t>(year - first_year_);
      const uint32_t issues = issues_of_call_[call];
      for (uint32_t j = call_start_[call]; j < call_start_[call + 1]; ++j) {
        const Vote& theirs = by_call_[j];
        if (theirs.other == focal) continue;
        const auto agreement = static_cast<uint32_t>(2 - std::abs(mine - static_cast<int>(theirs.value)));
        size_t at = cell(0, y, theirs.other);
        twice[at] += agreement;
        ++count[at];
        for (uint32_t bits = issues; bits != 0; bits &= bits - 1) {
          at = cell(static_cast<size_t>(__builtin_ctz(bits)) + 1, y, theirs.other);
          twice[at] += agreement;
          ++count[at];
        }
      }
    }
    for (size_t y = 0; y < years; ++y)
      for (size_t partner = 0; partner < countries; ++partner)
        for (size_t layer = 0; layer < layers; ++layer) {
          const size_t at = cell(layer, y, partner);
          if (count[at] == 0) continue;
          result.relations.alignment.push_back({first_year_ + static_cast<int>(y), iso3_[partner],
                                                layer == 0 ? std::string() : issue_codes_[layer - 1],
                                                twice[at] / (2.0 * count[at]), static_cast<long>(count[at]),
                                                kSource});
        }
  }
  for (const auto& [label, entry] : unmatched_) {
    if (request.strict) note_unmatched(request, result, label, files_[0], entry.first_line);
    result.unmatched[label] += entry.rows;
  }
  if (!historical_.empty()) {
    std::vector<std::string> states;
    for (const auto& [name, rows] : historical_) states.push_back(fmt::format("{} ({} votes)", name, rows));
    result.notes.push_back("left out, states with no ISO3 code today: " + join(states, ", "));
  }
  if (duplicates_ > 0)
    result.notes.push_back(fmt::format("{} votes were a second vote of one ISO3 state on one roll call (two names of "
                                       "one state); the first was kept",
                                       duplicates_));
  if (unknown_issue_calls_ > 0)
    result.notes.push_back(fmt::format("{} issue rows name a roll call missing from {}; ignored", unknown_issue_calls_,
                                       files_[1]));
  std::string files = join(files_, ", ");
  result.sources.push_back({kSource, "Erik Voeten (UN General Assembly voting data); R package unvotes (David Robinson)",
                            "United Nations General Assembly Voting Data, data refresh of 21 Feb 2021 (Harvard "
                            "Dataverse hdl:1902.1/12379), as packaged in the R package unvotes",
                            "2021",
                            "https://github.com/dgrtwo/unvotes, files data/un_votes.rda, data/un_roll_calls.rda, "
                            "data/un_roll_call_issues.rda, commit 7eb7034314ff79c49c9e0785fcd9d216fa04cf14 (converted "
                            "to CSV: unvotes_voeten/); imported from " +
                                files});
  return result;
}

}  // namespace tengerim
