#include "page_generator.h"

#include <unicode/ucnv.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/files.h"
#include "common/strings.h"
#include "gen_text.h"

namespace dealwatch::bench {

namespace {

constexpr int kNameVariants = 40;   // borrower names of a story
constexpr int kAmountVariants = 9;  // amounts of a story: versions before the date moves
constexpr int kDateStepDays = 130;  // beyond the store's 120-day merge window

int LangIndex(const std::string& lang) { return lang == "en" ? 0 : lang == "zh-Hant" ? 1 : 2; }

// The first word of a Latin name ("Vantage"), or the first two characters
// of a Chinese one ("華宇"); "" when too short to rename safely.
std::string Stem(const std::string& name) {
  if (name.empty()) return "";
  if (static_cast<unsigned char>(name[0]) < 0x80) {
    std::string word = name.substr(0, name.find_first_of(" ,.("));
    return word.size() >= 4 && word != "Grupo" ? word : "";
  }
  size_t second = Utf8Next(name, 0), third = Utf8Next(name, second);
  if (third > name.size() || static_cast<unsigned char>(name[second]) < 0x80) return "";
  return name.substr(0, third);
}

// Characters written the same in both scripts and unlikely to start a bank's name.
const std::vector<std::string>& FirstChars() {
  static const std::vector<std::string> k = {"泰", "瑞", "嘉", "恒", "昌", "盛", "德", "宏", "康", "鑫", "祥",
                                             "佳", "益", "福", "亨", "利", "正", "立", "晟", "昇", "岳", "峻",
                                             "崇", "茂", "卓", "辰", "恩", "逸", "浩", "睿", "策", "昕", "曜",
                                             "晶", "磊", "奕", "朗", "璟", "楷", "沛"};
  return k;
}

std::string LatinVariant(const std::string& stem, int variant) {
  static const char* kOnsets[] = {"r", "l", "n", "v", "t", "d", "m", "s"};
  static const char* kEndings[] = {"a", "on", "ix", "ia", "era"};
  std::string lower = AsciiLower(stem);
  std::string out = lower.substr(0, std::max<size_t>(3, lower.size() - 2)) + kOnsets[variant % 8] +
                    kEndings[(variant / 8) % 5];
  bool upper = stem.size() > 1 && std::isupper(static_cast<unsigned char>(stem[1]));
  for (size_t i = 0; i < out.size(); ++i) {
    if (i == 0 || upper) out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
  }
  return out;
}

std::string CjkVariant(const std::string& stem, int variant) {
  size_t second = Utf8Next(stem, 0);
  size_t h = std::hash<std::string>{}(stem.substr(second));
  const std::vector<std::string>& pool = FirstChars();
  std::string first = pool[(h + static_cast<size_t>(variant) * 7) % pool.size()];
  if (first == stem.substr(0, second)) first = pool[(h + static_cast<size_t>(variant) * 7 + 1) % pool.size()];
  return first + stem.substr(second);
}

std::string Pad(int64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// Re-encodes a UTF-8 page as `charset` (ICU name), relabelling its <meta>.
// Returns false (page unchanged) when the page declares no UTF-8 charset.
bool Encode(std::string* page, const char* charset, const char* label) {
  size_t at = AsciiLower(*page).find("charset=\"utf-8\"");
  if (at == std::string::npos) return false;
  page->replace(at, 15, std::string("charset=\"") + label + "\"");
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", nullptr, 0, page->data(), static_cast<int32_t>(page->size()), &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return false;
  std::string out(static_cast<size_t>(n), '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(charset, "UTF-8", out.data(), n, page->data(), static_cast<int32_t>(page->size()), &err);
  if (U_FAILURE(err)) return false;
  *page = std::move(out);
  return true;
}

}  // namespace

Result<PageGenerator> PageGenerator::Load(const std::filesystem::path& corpus_dir) {
  Result<std::string> gold = ReadFile(corpus_dir / "gold.jsonl");
  if (!gold.ok()) return gold.status();
  PageGenerator g;
  std::istringstream lines(*gold);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !EndsWithI(j.value("file", ""), ".html")) continue;
    Result<std::string> html = ReadFile(corpus_dir / j["file"].get<std::string>());
    if (!html.ok()) return html.status();
    Story s{*html, j.value("lang", "en"), j.value("published", "2025-01-01"), "", {}, 0};
    std::string file = std::filesystem::path(j["file"].get<std::string>()).stem().string();
    s.slug = file.substr(std::min<size_t>(5, file.size()));
    for (const auto& deal : j["deals"]) {
      for (const auto& name : deal["borrower"]) {
        std::string stem = Stem(name.get<std::string>());
        if (!stem.empty() && std::find(s.stems.begin(), s.stems.end(), stem) == s.stems.end()) s.stems.push_back(stem);
      }
    }
    s.text_bytes = ParagraphText(s.html).size();
    g.headlines_[LangIndex(s.lang)].push_back({TagText(s.html, "<title>", "</title>"),
                                               MetaContent(s.html, "description"), s.slug});
    g.stories_.push_back(std::move(s));
  }
  if (g.stories_.empty()) return NotFound((corpus_dir / "gold.jsonl").string() + ": no HTML stories");
  return g;
}

std::string PageGenerator::Rename(const Story& s, int variant) const {
  std::string html = s.html;
  if (variant == 0) return html;
  for (const std::string& stem : s.stems) {
    bool latin = static_cast<unsigned char>(stem[0]) < 0x80;
    ReplaceStem(&html, stem, latin ? LatinVariant(stem, variant) : CjkVariant(stem, variant),
                latin ? IsWordByte : nullptr);
  }
  return html;
}

GeneratedPage PageGenerator::Generate(int64_t index) const {
  const Story& s = stories_[static_cast<size_t>(index) % stories_.size()];
  int64_t version = index / static_cast<int64_t>(stories_.size()) / 2;  // two reports per version
  Rng rng(0x5DEECE66Dull ^ (static_cast<uint64_t>(index) * 0x9E3779B97F4A7C15ull));
  GeneratedPage page;
  page.lang = s.lang;
  page.published = ShiftDate(s.published, -kDateStepDays * static_cast<int>(version / kAmountVariants));
  std::string html = Rename(s, static_cast<int>(version % kNameVariants));
  ShiftAmounts(&html, static_cast<int>(version % kAmountVariants));
  if (page.published != s.published) ReplaceDate(&html, s.published, page.published);

  // Furniture so that the article text is the drawn share of the page.
  std::string text = ParagraphText(html);
  bool en = s.lang == "en";
  double lo = en ? 0.01 : 0.04, hi = en ? 0.08 : 0.35;
  double share = lo * std::pow(hi / lo, rng.Real());
  size_t target = static_cast<size_t>(static_cast<double>(text.size()) / share);
  ChromeInput in{s.lang, page.published, "", &headlines_[LangIndex(s.lang)]};
  if (rng.Chance(0.3)) in.body_json = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Chrome chrome = MakeChrome(in, target > html.size() ? target - html.size() : 0, &rng);
  page.title = TagText(html, "<title>", "</title>");
  page.bytes = Splice(html, chrome);
  page.charset = "utf-8";
  if (!en && rng.Chance(0.125)) {
    bool hans = s.lang == "zh-Hans";
    if (Encode(&page.bytes, hans ? "GBK" : "Big5", hans ? "gbk" : "big5")) page.charset = hans ? "gbk" : "big5";
  }
  page.path = s.lang + "/" + Pad(index / 1000, 3) + "/" + Pad(index, 6) + "-" + s.slug + ".html";
  return page;
}

Result<int64_t> WriteSite(const PageGenerator& generator, int64_t count, const std::filesystem::path& dir,
                          const std::filesystem::path& rules_dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Internal(dir.string() + ": " + ec.message());
  std::string feeds[3];
  int64_t bytes = 0;
  for (int64_t i = 0; i < count; ++i) {
    GeneratedPage page = generator.Generate(i);
    std::filesystem::path path = dir / page.path;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out.write(page.bytes.data(), static_cast<std::streamsize>(page.bytes.size()));
    if (!out) return Internal(path.string() + ": cannot write");
    bytes += static_cast<int64_t>(page.bytes.size());
    feeds[LangIndex(page.lang)] += "<item><title>" + XmlEscape(page.title) + "</title><link>" + page.path +
                                   "</link><pubDate>" + Rfc822(page.published) +
                                   "</pubDate><guid isPermaLink=\"false\">bench-" + std::to_string(i) +
                                   "</guid></item>\n";
  }
  std::string config = "# dealwatch run over the generated benchmark site (bench/page_generator.h).\n"
                       "db = \"deals.db\"\nreport = \"report.html\"\nrules = \"" + rules_dir.string() +
                       "\"\n\n[crawl]\nuser_agent = \"dealwatch-bench/0.1 (+mailto:bench@example.invalid)\"\n";
  const char* langs[3] = {"en", "zh-Hant", "zh-Hans"};
  for (int l = 0; l < 3; ++l) {
    std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>dealwatch "
                       "bench " + std::string(langs[l]) + "</title><link>https://bench.example.test/</link>\n" +
                       feeds[l] + "</channel></rss>\n";
    DW_RETURN_IF_ERROR(WriteFileAtomic(dir / ("feed-" + std::string(langs[l]) + ".xml"), feed));
    config += "\n[[source]]\nname = \"bench-" + std::string(langs[l]) + "\"\nkind = \"rss\"\nurl = \"feed-" +
              langs[l] + ".xml\"\ndelay_ms = 0\nmax_pages = " + std::to_string(std::max<int64_t>(count, 1)) + "\n";
  }
  DW_RETURN_IF_ERROR(WriteFileAtomic(dir / "config.toml", config));
  return bytes;
}

}  // namespace dealwatch::bench
