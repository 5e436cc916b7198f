// Tests CleanName (extract/mention_finder.h): the words around a company
// name that rules capture with it are dropped, the name itself is kept.
#include <catch2/catch.hpp>

#include <string>

#include "extract/mention_finder.h"

namespace dealwatch {
namespace {

TEST_CASE("CleanName drops what the company is when its full name follows", "[extract]") {
  struct Case {
    const char* raw;
    const char* clean;
  };
  const Case cases[] = {
      {"記憶體大廠華芯記憶體股份有限公司", "華芯記憶體股份有限公司"},
      {"AI伺服器散熱模組廠雲翔智能股份有限公司", "雲翔智能股份有限公司"},
      {"機殼大廠群岳精密股份有限公司", "群岳精密股份有限公司"},
      {"锂电池厂商苏能储能科技有限公司", "苏能储能科技有限公司"},
      {"本地發展商恆峰置業集團", "恆峰置業集團"},
      {"上市物流商港灣物流控股", "港灣物流控股"},
      {"光學鏡頭廠明晶光電股份有限公司", "明晶光電股份有限公司"},
      // No full name after the description, or the description is the name.
      {"江南造船廠有限公司", "江南造船廠有限公司"},
      {"鋼鐵大廠東展", "鋼鐵大廠東展"},
      {"台灣積體電路製造股份有限公司", "台灣積體電路製造股份有限公司"},
      {"今日華芯記憶體股份有限公司", "華芯記憶體股份有限公司"},
  };
  for (const Case& c : cases) {
    INFO(c.raw);
    CHECK(CleanName(c.raw) == c.clean);
  }
}

}  // namespace
}  // namespace dealwatch
