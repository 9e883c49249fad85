// Gamma: spectral radius check and (I - Gamma)^-1 by hand.
#include "risk/Coupling.h"

#include <gtest/gtest.h>

#include "common/Error.h"

namespace tengerim {
namespace {

TEST(Coupling, PropagatesThroughTheInverse) {
  // Gamma = [[0, .5], [.5, 0]]: eigenvalues +-0.5; (I - Gamma)^-1 = [[1, .5], [.5, 1]] / 0.75.
  Coupling coupling({{0, 0.5}, {0.5, 0}});
  EXPECT_NEAR(coupling.spectral_radius(), 0.5, 1e-12);
  auto loss = coupling.propagate({1, 0});
  EXPECT_NEAR(loss[0], 4.0 / 3.0, 1e-12);
  EXPECT_NEAR(loss[1], 2.0 / 3.0, 1e-12);
  auto m = coupling.multipliers({0.25, 0.75});  // w^T (I - Gamma)^-1
  EXPECT_NEAR(m[0], (0.25 * 1 + 0.75 * 0.5) / 0.75, 1e-12);
  EXPECT_NEAR(m[1], (0.25 * 0.5 + 0.75 * 1) / 0.75, 1e-12);
}

TEST(Coupling, RejectsSpectralRadiusOfOneOrMore) {
  // [[0, 2], [1, 0]] has eigenvalues +-sqrt(2).
  try {
    Coupling coupling({{0, 2}, {1, 0}}, "s.toml");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::InvalidModel);
    EXPECT_NE(std::string(error.what()).find("spectral radius"), std::string::npos);
  }
}

}  // namespace
}  // namespace tengerim
