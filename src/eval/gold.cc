#include "eval/gold.h"

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

namespace {

std::vector<std::string> Names(const nlohmann::json& v) {
  std::vector<std::string> out;
  if (v.is_string() && !v.get<std::string>().empty()) out.push_back(v.get<std::string>());
  if (v.is_array())
    for (const auto& x : v)
      if (x.is_string() && !x.get<std::string>().empty()) out.push_back(x.get<std::string>());
  return out;
}

EvalDeal ParseDeal(const nlohmann::json& d) {
  EvalDeal e;
  e.borrower = Names(d.value("borrower", nlohmann::json()));
  for (const auto& l : d.value("lenders", nlohmann::json::array())) {
    EvalLender el;
    el.names = Names(l.value("names", nlohmann::json()));
    for (const std::string& n : Names(l.value("name", nlohmann::json()))) el.names.push_back(n);
    el.role = l.value("role", "lender");
    if (!el.names.empty()) e.lenders.push_back(std::move(el));
  }
  const auto& a = d.value("amount", nlohmann::json());
  if (a.is_object() && a.contains("value") && a["value"].is_number()) {
    e.amount = a["value"].get<double>();
    e.currency = a.value("currency", "");
  }
  e.type = d.value("type", nlohmann::json()).is_string() ? d["type"].get<std::string>() : "";
  e.project = Names(d.value("project", nlohmann::json()));
  if (d.contains("tenor_years") && d["tenor_years"].is_number()) e.tenor_years = d["tenor_years"].get<double>();
  if (d.contains("status") && d["status"].is_string()) e.status = d["status"].get<std::string>();
  return e;
}

bool IsLatin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool LongEnough(const std::string& s) {
  int cjk = 0, latin = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (IsHan(c) && ++cjk >= 2) return true;
    if (IsLatin(c) && ++latin >= 4) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<GoldArticle>> LoadGold(const std::filesystem::path& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<GoldArticle> out;
  int line_no = 0;
  for (std::string_view line : Split(*text, '\n')) {
    ++line_no;
    if (Trim(line).empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return InvalidArgument(path.string() + ":" + std::to_string(line_no) + ": not a JSON object");
    GoldArticle g;
    g.id = j.value("id", "");
    g.file = j.value("file", "");
    g.lang = j.value("lang", "");
    g.kind = j.value("kind", "news");
    g.url = j.value("url", nlohmann::json()).is_string() ? j["url"].get<std::string>() : "";
    g.published = j.value("published", nlohmann::json()).is_string() ? j["published"].get<std::string>() : "";
    for (const auto& d : j.value("deals", nlohmann::json::array())) g.deals.push_back(ParseDeal(d));
    if (g.file.empty()) return InvalidArgument(path.string() + ":" + std::to_string(line_no) + ": no \"file\"");
    out.push_back(std::move(g));
  }
  return out;
}

std::string FoldForScoring(const std::string& name) {
  std::string s = AsciiLower(TextNormalizer::Get().Fold(name));
  for (const char* marker : {"(股)", "(株)", "(有)"}) s = ReplaceAll(s, marker, " ");
  // Tokens of letters and digits; runs of single Latin letters join ("n.a." -> "na").
  std::vector<std::string> tokens;
  std::string cur;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    bool word = (c >= '0' && c <= '9') || IsLatin(c) || (c >= 0x80 && c != 0xFFFD && !(c >= 0x2000 && c <= 0x2BFF) &&
                                                         !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF0F));
    if (word) {
      cur.append(s, i, len);
    } else if (!cur.empty()) {
      tokens.push_back(cur);
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) tokens.push_back(cur);
  std::vector<std::string> merged;
  bool prev_single = false;
  for (const std::string& t : tokens) {
    bool single = t.size() == 1 && IsLatin(static_cast<unsigned char>(t[0]));
    if (single && prev_single) merged.back() += t; else merged.push_back(t);
    prev_single = single;
  }
  static const char* kLatin[] = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
                                 "llc", "plc", "lp", "llp", "na", "sa", "ag", "nv", "bv", "gmbh", "pte", "bhd",
                                 "sdn", "spa", "srl", "sarl", "kk", "group"};
  static const char* kCjk[] = {"股份有限公司", "有限责任公司", "有限公司", "股份公司", "株式会社", "有限合伙", "公司", "集团"};
  bool changed = true;
  while (changed && !merged.empty()) {
    changed = false;
    std::string& last = merged.back();
    bool latin_suffix = false;
    for (const char* suf : kLatin) latin_suffix = latin_suffix || last == suf;
    if (latin_suffix) {
      if (merged.size() > 1) {
        merged.pop_back();
        changed = true;
      }
      continue;
    }
    for (const char* suf : kCjk) {
      std::string_view sv(suf);
      if (last.size() >= sv.size() && last.compare(last.size() - sv.size(), sv.size(), sv) == 0) {
        if (last.size() > sv.size()) {
          last.resize(last.size() - sv.size());
          changed = true;
        } else if (merged.size() > 1) {
          merged.pop_back();
          changed = true;
        }
        break;
      }
    }
  }
  return Join(merged, "");
}

int NameMatch(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  int best = 0;
  for (const std::string& p : predicted) {
    std::string pn = FoldForScoring(p);
    if (pn.empty()) continue;
    for (const std::string& g : gold) {
      std::string gn = FoldForScoring(g);
      if (gn.empty()) continue;
      if (pn == gn) return 2;
      const std::string& shorter = pn.size() <= gn.size() ? pn : gn;
      const std::string& longer = pn.size() <= gn.size() ? gn : pn;
      if (longer.find(shorter) != std::string::npos && LongEnough(shorter)) best = 1;
    }
  }
  return best;
}

}  // namespace dealwatch
