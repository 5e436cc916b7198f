// Runs the built binary's `amounts` command on a few lines, as a user would.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dealwatch {
namespace {

struct RunResult {
  int exit_code = -1;
  std::vector<std::string> lines;  // standard output
};

RunResult RunAmounts(const std::string& args, const std::string& input) {
  std::filesystem::path in = std::filesystem::temp_directory_path() /
                             ("dealwatch_amounts_test_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(in, std::ios::binary) << input;
  std::string command =
      std::string(DEALWATCH_BINARY) + " amounts " + args + " < " + in.string() + " 2>/dev/null";
  RunResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = ::pclose(pipe);
  std::filesystem::remove(in);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  for (size_t start = 0; start < out.size();) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    result.lines.push_back(out.substr(start, end - start));
    start = end + 1;
  }
  return result;
}

TEST_CASE("amounts prints one JSON line per input line with original offsets", "[cli]") {
  std::string line1 = "友嘉集團簽下 ３８０ 億美元聯貸";
  RunResult r = RunAmounts("--context TW", line1 + "\n\n約75億\nabout US$2.4bn and 12 banks\n");
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.lines.size() == 4);

  nlohmann::json first = nlohmann::json::parse(r.lines[0]);
  REQUIRE(first["amounts"].size() == 1);
  const nlohmann::json& a = first["amounts"][0];
  CHECK(a["value"].get<int64_t>() == 38000000000);
  CHECK(a["value"].is_number_integer());
  CHECK(a["currency"] == "USD");
  CHECK(a["qualifier"].is_null());
  CHECK(a["text"] == "３８０ 億美元");
  size_t start = a["start"].get<size_t>();
  size_t end = a["end"].get<size_t>();
  CHECK(line1.substr(start, end - start) == "３８０ 億美元");
  CHECK(a["low"].is_null());
  CHECK(a["high"].is_null());

  CHECK(nlohmann::json::parse(r.lines[1])["amounts"].empty());

  nlohmann::json bare = nlohmann::json::parse(r.lines[2])["amounts"][0];
  CHECK(bare["currency"] == "TWD");
  CHECK(bare["qualifier"] == "about");
  CHECK(bare["value"].get<int64_t>() == 7500000000);

  nlohmann::json en = nlohmann::json::parse(r.lines[3]);
  REQUIRE(en["amounts"].size() == 1);
  CHECK(en["amounts"][0]["text"] == "about US$2.4bn");
}

TEST_CASE("amounts without a market decides a bare 元 by the script of the line", "[cli]") {
  RunResult r = RunAmounts("", "貸款50億元\n贷款50亿元\n逾百億元\n");
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.lines.size() == 3);
  CHECK(nlohmann::json::parse(r.lines[0])["amounts"][0]["currency"] == "TWD");
  CHECK(nlohmann::json::parse(r.lines[1])["amounts"][0]["currency"] == "CNY");
  nlohmann::json more = nlohmann::json::parse(r.lines[2])["amounts"][0];
  CHECK(more["value"].is_null());
  CHECK(more["qualifier"] == "more_than");
  CHECK(more["low"].get<int64_t>() == 10000000000);
}

TEST_CASE("amounts rejects an unknown --context as a usage error", "[cli]") {
  CHECK(RunAmounts("--context XX", "5億元\n").exit_code == 2);
}

}  // namespace
}  // namespace dealwatch
