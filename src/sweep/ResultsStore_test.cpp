#include "sweep/ResultsStore.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/Error.h"
#include "sweep/SweepRunner.h"

namespace tengerim {
namespace {

std::string fresh_store(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / ("tengerim-store-test-" + name + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

PlanResult row(size_t index, PlanStatus status = PlanStatus::Ok) {
  PlanResult result;
  result.index = index;
  result.run = index % 3;
  if (index % 2) result.point = index * 10;
  result.status = status;
  result.error = status == PlanStatus::Ok ? "" : "year 1990 is outside\tthe model's years";
  result.summary = "{\"plan\":" + std::to_string(index) + "}";
  result.figures = status == PlanStatus::Ok ? "{\"b\":0.5}" : "null";
  return result;
}

TEST(ResultsStore, ABatchIsWrittenWholeOrNotAtAll) {
  const std::string path = fresh_store("batch");
  {
    ResultsStore store = ResultsStore::create(path, "plan.toml", "sha256:x", 10, 7);
    store.write({row(0), row(1, PlanStatus::Error)});
    // Plan 1 is stored already: the batch fails at its second row, and its first (plan 2) is not kept.
    EXPECT_THROW(store.write({row(2), row(1)}), Error);
    EXPECT_EQ(store.stored(), (std::set<size_t>{0, 1}));
    const StoreStatus status = store.status();
    EXPECT_EQ(status.total, 10u);
    EXPECT_EQ(status.ok, 1u);
    EXPECT_EQ(status.failed, 1u);
  }
  EXPECT_THROW(ResultsStore::create(path, "plan.toml", "sha256:x", 10, 7), Error) << "never overwritten";
  EXPECT_THROW(ResultsStore::resume(path, "plan.toml", "sha256:other", 10, 7), Error) << "another plan";
  ResultsStore resumed = ResultsStore::resume(path, "plan.toml", "sha256:x", 10, 7);
  resumed.write({row(3)});
  EXPECT_EQ(resumed.dump(),
            "0\t0\t-\tok\t\t{\"plan\":0}\t{\"b\":0.5}\n"
            "1\t1\t10\terror\tyear 1990 is outside\\tthe model's years\t{\"plan\":1}\tnull\n"
            "3\t0\t30\tok\t\t{\"plan\":3}\t{\"b\":0.5}\n");
}

TEST(SweepMessages, ResultsTravelUnchanged) {
  const std::vector<PlanResult> sent = {row(0), row(7, PlanStatus::Error), row(12)};
  const std::vector<PlanResult> received = unpack_results(pack_results(sent));
  ASSERT_EQ(received.size(), sent.size());
  for (size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(received[i].index, sent[i].index);
    EXPECT_EQ(received[i].run, sent[i].run);
    EXPECT_EQ(received[i].point, sent[i].point);
    EXPECT_EQ(received[i].status, sent[i].status);
    EXPECT_EQ(received[i].error, sent[i].error);
    EXPECT_EQ(received[i].summary, sent[i].summary);
    EXPECT_EQ(received[i].figures, sent[i].figures);
  }
  EXPECT_TRUE(unpack_results(pack_results({})).empty());
  std::string cut = pack_results(sent);
  cut.resize(cut.size() - 3);
  EXPECT_THROW(unpack_results(cut), Error);
}

}  // namespace
}  // namespace tengerim
