#include "extract/mentions.h"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

namespace dealwatch {
namespace {

TEST_CASE("InsertAll keeps what Insert one by one keeps, sorted by position", "[extract]") {
  std::mt19937 random(10);
  for (int round = 0; round < 200; ++round) {
    ArticleMentions one_by_one, batched;
    for (int stage = 0; stage < 4; ++stage) {
      std::vector<Mention> batch;
      for (int i = 0; i < 30; ++i) {
        size_t begin = random() % 400;
        Mention m{MentionKind::kOrg, {begin, begin + 1 + random() % 12}, stage, "", "test", {}};
        batch.push_back(m);
        one_by_one.Insert(m);
      }
      batched.InsertAll(batch);
      REQUIRE(batched.items.size() == one_by_one.items.size());
      for (size_t i = 0; i < batched.items.size(); ++i) {
        CHECK(batched.items[i].span == one_by_one.items[i].span);
        CHECK(batched.items[i].ref == one_by_one.items[i].ref);
      }
    }
  }
}

}  // namespace
}  // namespace dealwatch
