// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/progbar.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata {
namespace {

using ::testing::MatchesRegex;

TEST(ProgbarTest, NumbersAndTimesAsKerasPrintsThem) {
  EXPECT_EQ(Progbar::FormatValue(0.33401), "0.3340");
  EXPECT_EQ(Progbar::FormatValue(0.0001234), "1.2340e-04");
  EXPECT_EQ(Progbar::FormatTime(3.2, "step"), "3s/step");
  EXPECT_EQ(Progbar::FormatTime(0.0031, "step"), "3ms/step");
  EXPECT_EQ(Progbar::FormatTime(0.000907, "step"), "907us/step");
  EXPECT_EQ(Progbar::FormatTime(0.152, "epoch"), "152ms/epoch");
}

TEST(ProgbarTest, Verbose1PrintsOneLineWhenNotATerminal) {
  std::ostringstream out;
  Progbar bar(750, 1, out, /*interactive=*/false);
  bar.Update(1, {{"loss", 1.0}});
  EXPECT_EQ(out.str(), "");
  bar.Finish({{"loss", 0.334}, {"accuracy", 0.9047}, {"val_loss", 0.1792}});
  EXPECT_THAT(out.str(),
              MatchesRegex("750/750 \\[==============================\\] - [0-9]+s "
                           "[0-9]+us/step - loss: 0\\.3340 - accuracy: 0\\.9047 - val_loss: "
                           "0\\.1792\n"));
}

TEST(ProgbarTest, Verbose2PrintsCountsAndEpochTime) {
  std::ostringstream out;
  Progbar bar(313, 2, out, false);
  bar.Finish({{"loss", 0.1512}, {"accuracy", 0.956}});
  EXPECT_THAT(out.str(), MatchesRegex("313/313 - 0s - loss: 0\\.1512 - accuracy: 0\\.9560 - "
                                      "[0-9]+us/epoch - [0-9]+us/step\n"));
}

TEST(ProgbarTest, InteractiveBarShowsProgressInPlace) {
  std::ostringstream out;
  Progbar bar(10, 1, out, true);
  bar.Update(10, {{"loss", 2.0}});
  EXPECT_THAT(out.str(), ::testing::HasSubstr("\r10/10 [==============================]"));
}

}  // namespace
}  // namespace strata
