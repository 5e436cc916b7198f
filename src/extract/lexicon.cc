#include "extract/lexicon.h"

#include <algorithm>

#include "common/files.h"
#include "common/strings.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

namespace {

std::string FoldKey(std::string_view s) { return TextNormalizer::Get().Fold(Trim(s)); }

// Calls `row(line_number, fields)` for each data line of a TSV file.
template <typename RowFn>
Status ForEachRow(const std::filesystem::path& path, RowFn row) {
  Result<std::string> data = ReadFile(path);
  if (!data.ok()) return data.status();
  size_t line_no = 0;
  for (std::string_view line : Split(*data, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    std::vector<std::string_view> fields = Split(line, '\t');
    Status s = row(line_no, fields);
    if (!s.ok()) return InvalidArgument(path.string() + ":" + std::to_string(line_no) + ": " + s.message());
  }
  return Status::Ok();
}

}  // namespace

std::vector<std::string> PhraseTable::PhrasesFor(std::string_view value) const {
  std::vector<std::string> out;
  for (const auto& [phrase, v] : entries)
    if (value.empty() || v == value) out.push_back(phrase);
  return out;
}

Status Lexicon::LoadEntities(const std::filesystem::path& path, std::vector<LenderEntry>* entries,
                             PhraseMatcher* matcher) {
  return ForEachRow(path, [&](size_t, const std::vector<std::string_view>& f) -> Status {
    if (f.size() != 4)
      return InvalidArgument("expected 4 tab-separated fields (canonical, country, kind, aliases), found " +
                             std::to_string(f.size()));
    LenderEntry e{std::string(Trim(f[0])), std::string(Trim(f[1])), std::string(Trim(f[2])), {}};
    if (e.canonical.empty()) return InvalidArgument("empty canonical name");
    int index = static_cast<int>(entries->size());
    matcher->Add(FoldKey(e.canonical), index);
    for (std::string_view alias : Split(f[3], '|')) {
      if (Trim(alias).empty()) continue;
      e.aliases.emplace_back(Trim(alias));
      matcher->Add(FoldKey(alias), index);
    }
    entries->push_back(std::move(e));
    return Status::Ok();
  });
}

Status Lexicon::LoadTable(const std::filesystem::path& path) {
  PhraseTable table;
  table.name = path.stem().string();
  Status s = ForEachRow(path, [&](size_t, const std::vector<std::string_view>& f) -> Status {
    if (f.size() < 2)
      return InvalidArgument("expected 2 tab-separated fields (phrase, value), found " + std::to_string(f.size()));
    std::string phrase = FoldKey(f[0]);
    std::string value(Trim(f[1]));
    if (phrase.empty() || value.empty()) return InvalidArgument("empty phrase or value");
    table.matcher.Add(phrase, static_cast<int>(table.entries.size()));
    table.entries.emplace_back(std::move(phrase), std::move(value));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::string name = table.name;
  tables_.emplace(name, std::move(table));
  return Status::Ok();
}

Result<Lexicon> Lexicon::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return NotFound(dir.string() + ": no such lexicon folder");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  Lexicon lex;
  for (const auto& path : files) {
    Status s = path.stem() == "lenders"     ? LoadEntities(path, &lex.lenders_, &lex.lender_matcher_)
               : path.stem() == "companies" ? LoadEntities(path, &lex.companies_, &lex.company_matcher_)
                                            : lex.LoadTable(path);
    if (!s.ok()) return s;
  }
  // Blockers are longer phrases holding a lender's short name (本土銀行
  // holds 土銀); as longer matches they win and are then dropped.
  if (const PhraseTable* blockers = lex.table("not_lenders")) {
    for (const auto& entry : blockers->entries)
      lex.lender_matcher_.Add(entry.first, static_cast<int>(lex.lenders_.size()));
  }
  if (const PhraseTable* blockers = lex.table("not_companies")) {
    for (const auto& entry : blockers->entries)
      lex.company_matcher_.Add(entry.first, static_cast<int>(lex.companies_.size()));
  }
  return lex;
}

const PhraseTable* Lexicon::table(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const PhraseTable& Lexicon::table_or_empty(std::string_view name) const {
  static const PhraseTable kEmpty;
  const PhraseTable* t = table(name);
  return t ? *t : kEmpty;
}

}  // namespace dealwatch
