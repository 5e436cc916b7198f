#include <catch2/catch.hpp>

#include <string>

#include "common/files.h"
#include "common/gzip.h"
#include "common/status.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

TEST_CASE("Invalid UTF-8 is replaced and counted, never read past the end", "[common]") {
  size_t replaced = 0;
  std::string bad = std::string("ok \xE4\xB8", 5) + "\xFF" + "end \xE5\x85\x86";
  std::string clean = SanitizeUtf8(bad, &replaced);
  CHECK(IsValidUtf8(clean));
  CHECK(replaced == 3);  // E4, B8 (a lone continuation byte) and FF
  CHECK(clean.find("end 兆") != std::string::npos);
  CHECK(Utf8Length("兆豐a") == 3);
  CHECK(Utf8Truncate("兆豐", 4) == "兆");
}

TEST_CASE("Gzip input is inflated, and a bomb stops at the size cap", "[common]") {
  std::string text(100000, 'a');
  auto ok = Gunzip(testing::Gzip(text), 1 << 20);
  REQUIRE(ok.ok());
  CHECK(*ok == text);
  auto bomb = Gunzip(testing::Gzip(std::string(4 << 20, '\0')), 1 << 20);
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.status().code() == Code::kDataError);
  auto corrupt = Gunzip(std::string("\x1f\x8b\x08garbage", 10), 1 << 20);
  CHECK_FALSE(corrupt.ok());
}

TEST_CASE("Input files are read whole, .gz inflated, errors name the path", "[common]") {
  testing::TempDir dir;
  auto path = dir.path() / "a.txt.gz";
  REQUIRE(WriteFileAtomic(path, testing::Gzip("聯貸案")).ok());
  auto r = ReadInputFile(path.string());
  REQUIRE(r.ok());
  CHECK(*r == "聯貸案");
  auto missing = ReadInputFile((dir.path() / "nope.txt").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("nope.txt") != std::string::npos);
  auto directory = ReadInputFile(dir.path().string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message().find("is a directory") != std::string::npos);
}

TEST_CASE("String helpers", "[common]") {
  CHECK(Trim("  a b \n") == "a b");
  CHECK(Split("a,b,,c", ',').size() == 4);
  CHECK(HtmlEscape("<script>\"x\" & 'y'</script>") == "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(CollapseSpaces("  a \t b\n\nc ") == "a b c");
  CHECK(ReplaceAll("a-b-c", "-", "--") == "a--b--c");
  CHECK(IEquals("JPMorgan", "jpmorgan"));
}

TEST_CASE("Status carries a code and a message with context", "[common]") {
  Status s = NotFound("rules/x.rules").WithContext("load");
  CHECK(s.code() == Code::kNotFound);
  CHECK(s.message() == "load: rules/x.rules");
  CHECK(s.ToString() == "not found: load: rules/x.rules");
  Result<int> r = InvalidArgument("bad");
  CHECK_FALSE(r.ok());
  Result<int> v = 3;
  CHECK(*v == 3);
}

}  // namespace
}  // namespace dealwatch
