// SPDX-License-Identifier: Apache-2.0
// Proves that strata_cc_proto_library compiles a .proto with the system protoc.
#include <string>

#include "gtest/gtest.h"
#include "third_party/proto_rule_check.pb.h"

namespace {

TEST(ProtoRuleTest, RoundTripsThroughTheWireFormat) {
  strata::third_party::ProtoRuleCheck message;
  message.set_name("dense");
  message.add_dims(2);
  message.add_dims(3);
  std::string bytes;
  ASSERT_TRUE(message.SerializeToString(&bytes));
  strata::third_party::ProtoRuleCheck parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(parsed.name(), "dense");
  ASSERT_EQ(parsed.dims_size(), 2);
  EXPECT_EQ(parsed.dims(1), 3);
}

}  // namespace
