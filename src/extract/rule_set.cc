#include "extract/rule_set.h"

#include <algorithm>

#include "common/files.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

namespace {

RE2::Options PatternOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  return opts;
}

const std::map<std::string, std::string>& BuiltinMacros() {
  static const std::map<std::string, std::string> kMacros = {
      {"LENDER", "\\x{E000}L\\d+\\x{E001}"},  {"MONEY", "\\x{E000}M\\d+\\x{E001}"},
      {"TENOR", "\\x{E000}T\\d+\\x{E001}"},   {"PRICING", "\\x{E000}P\\d+\\x{E001}"},
      {"ORGTAG", "\\x{E000}O\\d+\\x{E001}"},
  };
  return kMacros;
}

bool IsIdentChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool HasLatin(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

// An alternation of a lexicon table's phrases, longest first.
Result<std::string> TableAlternation(const Lexicon& lexicon, std::string_view name, std::string_view value) {
  const PhraseTable* table = lexicon.table(name);
  if (!table) return InvalidArgument("unknown macro {" + std::string(name) + "} (no rules/lexicon/" +
                                     std::string(name) + ".tsv)");
  std::vector<std::string> phrases = table->PhrasesFor(value);
  if (phrases.empty())
    return InvalidArgument("macro {" + std::string(name) + ":" + std::string(value) + "}: no phrase has value '" +
                           std::string(value) + "'");
  std::sort(phrases.begin(), phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i) out += "|";
    std::string q = RE2::QuoteMeta(phrases[i]);
    out += HasLatin(phrases[i]) ? "(?i:" + q + ")" : q;
  }
  return out + ")";
}

Status CompileRule(Rule* rule, const std::map<std::string, std::string>& macros, const Lexicon& lexicon) {
  const RuleBlock& b = rule->block;
  std::string where = b.file + ":" + std::to_string(b.line) + ": " + b.id + ": ";
  Result<std::string> expanded = ExpandMacros(TextNormalizer::Get().FoldHan(b.pattern), macros, lexicon);
  if (!expanded.ok()) return InvalidArgument(where + expanded.status().message());
  rule->expanded = *expanded;
  rule->re = std::make_unique<RE2>(rule->expanded, PatternOptions());
  if (!rule->re->ok()) return InvalidArgument(where + "bad pattern: " + rule->re->error());
  auto it = b.values.find("confidence");
  if (it != b.values.end()) {
    char* end = nullptr;
    double c = std::strtod(it->second.c_str(), &end);
    if (!end || *end != '\0' || c < 0 || c > 1) return InvalidArgument(where + "confidence must be a number in [0, 1]");
    rule->confidence = c;
  }
  return Status::Ok();
}

}  // namespace

std::string Rule::value(const std::string& key) const {
  auto it = block.values.find(key);
  return it == block.values.end() ? "" : it->second;
}

Result<std::string> ExpandMacros(std::string_view pattern, const std::map<std::string, std::string>& macros,
                                 const Lexicon& lexicon) {
  std::string limit = "pattern longer than ";  // GCC 12 warns falsely (-Wrestrict) on "..." + to_string()
  limit += std::to_string(kMaxExpandedPattern >> 10) + " KiB";
  if (pattern.size() > kMaxExpandedPattern) return InvalidArgument(limit);
  auto too_large = [&](const std::string& name) {
    return InvalidArgument(limit + " once its macros are expanded (at {" + name +
                           "}: macros that use other macros several times grow exponentially)");
  };
  std::string cur(pattern);
  for (int depth = 0; depth < 12; ++depth) {
    std::string out;
    bool changed = false;
    size_t i = 0;
    while (i < cur.size()) {
      char c = cur[i];
      bool escaped_brace = i >= 2 && cur[i - 2] == '\\' && (cur[i - 1] == 'p' || cur[i - 1] == 'P' || cur[i - 1] == 'x');
      if (c != '{' || escaped_brace || i + 1 >= cur.size() || !IsIdentChar(cur[i + 1]) ||
          (cur[i + 1] >= '0' && cur[i + 1] <= '9')) {
        out.push_back(c);
        ++i;
        continue;
      }
      size_t close = cur.find('}', i);
      if (close == std::string::npos) return InvalidArgument("unclosed '{' in pattern");
      std::string name = cur.substr(i + 1, close - i - 1);
      std::string value;
      if (size_t colon = name.find(':'); colon != std::string::npos) {
        value = name.substr(colon + 1);
        name = name.substr(0, colon);
      }
      if (auto b = BuiltinMacros().find(name); b != BuiltinMacros().end() && value.empty()) {
        out += b->second;
      } else if (auto m = macros.find(name); m != macros.end() && value.empty()) {
        out += "(?:" + m->second + ")";
      } else {
        Result<std::string> alt = TableAlternation(lexicon, name, value);
        if (!alt.ok()) return alt.status();
        out += *alt;
      }
      if (out.size() + (cur.size() - close - 1) > kMaxExpandedPattern) return too_large(name);
      changed = true;
      i = close + 1;
    }
    if (!changed) return out;
    cur = std::move(out);
  }
  return InvalidArgument("macros nested too deeply (a macro that uses itself?)");
}

Result<RuleSet> RuleSet::Load(const std::filesystem::path& dir, const Lexicon& lexicon) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return NotFound(dir.string() + ": no such rules folder");
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->path().extension() == ".rules") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<RuleBlock> blocks;
  for (const auto& path : files) {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    Result<std::vector<RuleBlock>> parsed = ParseRuleFile(*text, path.string());
    if (!parsed.ok()) return parsed.status();
    for (RuleBlock& b : *parsed) blocks.push_back(std::move(b));
  }
  std::map<std::string, std::string> macros;
  std::map<std::string, std::string> seen;  // id -> "file:line"
  for (const RuleBlock& b : blocks) {
    std::string where = b.file + ":" + std::to_string(b.line);
    auto [it, fresh] = seen.emplace(b.id, where);
    if (!fresh) return InvalidArgument(where + ": " + b.id + ": id already used at " + it->second);
    if (b.is_macro) macros[b.id] = TextNormalizer::Get().FoldHan(b.pattern);
  }
  RuleSet set;
  for (RuleBlock& b : blocks) {
    if (b.is_macro) continue;
    auto rule = std::make_unique<Rule>();
    rule->block = std::move(b);
    Status s = CompileRule(rule.get(), macros, lexicon);
    if (!s.ok()) return s;
    set.rules_.push_back(std::move(rule));
  }
  for (size_t i = 0; i < set.rules_.size(); ++i) set.rules_[i]->index = static_cast<int>(i);
  for (const auto& r : set.rules_) set.by_field_[r->field()].push_back(r.get());
  set.BuildFilter();
  return set;
}

namespace {

// ASCII lower case, as the prefilter's atoms are (the rules' non-ASCII
// text is Chinese, which has no case).
std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

}  // namespace

void RuleSet::BuildFilter() {
  // Atoms shorter than 3 bytes (one Chinese character, "of") would match
  // nearly every clause: a pattern that needs only those is not filtered.
  auto filter = std::make_unique<re2::FilteredRE2>(3);
  for (const auto& r : rules_) {
    int id = -1;
    if (filter->Add(r->expanded, PatternOptions(), &id) != RE2::NoError || id != r->index) {
      return;  // no filter: every rule runs on every clause, slower but the same
    }
  }
  std::vector<std::string> atoms;
  filter->Compile(&atoms);
  RE2::Options opts = PatternOptions();
  opts.set_max_mem(256 << 20);
  auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (const std::string& a : atoms)
    if (set->Add(RE2::QuoteMeta(a), nullptr) < 0) return;
  if (!atoms.empty() && !set->Compile()) return;
  filter_ = std::move(filter);
  if (!atoms.empty()) atoms_ = std::move(set);
}

RuleCandidates RuleSet::Candidates(std::string_view tagged) const {
  RuleCandidates all(rules_.size(), 1);
  if (!filter_) return all;
  std::vector<int> found;
  if (atoms_) {
    RE2::Set::ErrorInfo error;
    if (!atoms_->Match(AsciiLower(tagged), &found, &error) && error.kind != RE2::Set::kNoError) return all;
  }
  std::vector<int> potential;
  filter_->AllPotentials(found, &potential);
  RuleCandidates out(rules_.size(), 0);
  for (int id : potential) out[static_cast<size_t>(id)] = 1;
  return out;
}

const Rule* RuleSet::Find(std::string_view id) const {
  for (const auto& r : rules_)
    if (r->id() == id) return r.get();
  return nullptr;
}

std::vector<RuleHit> RuleSet::MatchRule(const Rule& rule, std::string_view tagged) const {
  std::vector<RuleHit> hits;
  const RE2& re = *rule.re;
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(n + 1);
  size_t pos = 0;
  while (pos <= tagged.size()) {
    if (!re.Match(tagged, pos, tagged.size(), RE2::UNANCHORED, groups.data(), n + 1)) break;
    RuleHit hit;
    hit.rule = &rule;
    hit.begin = groups[0].data() - tagged.data();
    hit.end = hit.begin + groups[0].size();
    for (const auto& [name, index] : re.NamedCapturingGroups()) {
      const re2::StringPiece& g = groups[index];
      if (g.data() == nullptr) continue;
      size_t b = g.data() - tagged.data();
      hit.groups[name] = {b, b + g.size()};
    }
    hits.push_back(std::move(hit));
    pos = hits.back().end > pos ? hits.back().end : pos + 1;
  }
  return hits;
}

std::vector<RuleHit> RuleSet::Match(std::string_view tagged, std::string_view field,
                                    const RuleCandidates* candidates) const {
  std::vector<RuleHit> out;
  auto it = by_field_.find(field);
  if (it == by_field_.end()) return out;
  for (const Rule* rule : it->second) {
    if (candidates && !(*candidates)[static_cast<size_t>(rule->index)]) continue;
    std::vector<RuleHit> hits = MatchRule(*rule, tagged);
    out.insert(out.end(), std::make_move_iterator(hits.begin()), std::make_move_iterator(hits.end()));
  }
  return out;
}

}  // namespace dealwatch
