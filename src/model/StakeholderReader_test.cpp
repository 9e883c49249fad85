// Reading and validating a bargaining issue file.
#include "model/StakeholderReader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/Error.h"

namespace tengerim {
namespace {

Location error_location(const std::string& text) {
  try {
    read_stakeholders(text, "issue.csv");
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::InvalidInput) << error.what();
    return error.where();
  }
  ADD_FAILURE() << "expected an error for:\n" << text;
  return {};
}

TEST(StakeholderReader, HeaderIsCaseInsensitiveAndInAnyOrder) {
  auto set = read_stakeholders("salience,ACTOR,position,Capability\n0.5, Alpha ,-3,0.25\n1,Beta,2.5,1\n", "x.csv");
  ASSERT_EQ(set.members.size(), 2u);
  EXPECT_EQ(set.source, "x.csv");
  EXPECT_EQ(set.members[0].actor, "Alpha");
  EXPECT_EQ(set.members[0].capability, 0.25);
  EXPECT_EQ(set.members[0].position, -3.0);
  EXPECT_EQ(set.members[0].salience, 0.5);
  EXPECT_EQ(set.members[1].line, 3);
}

TEST(StakeholderReader, CapabilityAboveOneIsNamed) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,1,0.5\nB,1.5,2,0.5\n");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.field, "Capability");
}

TEST(StakeholderReader, NegativeSalienceIsNamed) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,1,-0.1\nB,1,2,0.5\n");
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.field, "Salience");
}

TEST(StakeholderReader, NonNumericCellIsNamed) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,1,0.5\nB,0.5,soon,0.5\n");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.field, "Position");
}

TEST(StakeholderReader, OneStakeholderIsNotEnough) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,1,0.5\n");
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.field, "Actor");
}

TEST(StakeholderReader, AllAtOnePositionIsRejected) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,4,0.5\nB,0.2,4,0.9\n");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.field, "Position");
}

TEST(StakeholderReader, DuplicateActorIsNamed) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0.5,1,0.5\nA,0.5,2,0.5\n");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.field, "Actor");
}

TEST(StakeholderReader, NobodyWithWeightIsRejected) {
  auto where = error_location("Actor,Capability,Position,Salience\nA,0,1,0.5\nB,0.5,2,0\n");
  EXPECT_EQ(where.line, 3);
}

TEST(StakeholderReader, UnknownColumnIsNamed) {
  auto where = error_location("Actor,Capability,Position,Salience,Mood\nA,0.5,1,0.5,x\nB,0.5,2,0.5,y\n");
  EXPECT_EQ(where.line, 1);
  EXPECT_EQ(where.field, "Mood");
}

}  // namespace
}  // namespace tengerim
