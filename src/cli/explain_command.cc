// dealwatch explain PATH
// Shows, sentence by sentence, the mentions found, the tagged clause the
// rules saw, the rules that fired with their groups, and the deals
// assembled: the way to debug a miss.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/files.h"
#include "common/paths.h"
#include "extract/rule_examples.h"
#include "extract/tagged_text.h"
#include "pipeline/document.h"
#include "pipeline/deal_json.h"

namespace dealwatch {

namespace {

struct ExplainOptions {
  std::string path;
  std::string context;
  bool all = false;
};

void PrintFrame(const ExtractionTrace& t, const Frame& f, const std::string& text);

void PrintClause(const ExtractionTrace& t, const ExtractionTrace::Clause& c, const std::string& text) {
  std::printf("  clause: %s\n", RenderTagged(c.tagged.str(), text, t.mentions).c_str());
  for (const RuleHit& h : c.hits) {
    std::string groups;
    for (const auto& [k, v] : RenderHitGroups(h, c.tagged, text, t.mentions)) groups += "  " + k + "=" + v;
    std::printf("    rule %-26s%s\n", h.rule->id().c_str(), groups.c_str());
  }
  for (const Frame& f : c.frames) PrintFrame(t, f, text);
}

void PrintFrame(const ExtractionTrace& t, const Frame& f, const std::string& text) {
  std::string flags;
  if (f.blocked) flags += " blocked";
  if (f.trigger) flags += f.strong_trigger ? " trigger" : " weak-trigger";
  if (f.anaphoric) flags += " anaphoric";
  if (f.money) flags += " amount=" + text.substr(t.mentions.items[*f.money].span.begin, t.mentions.items[*f.money].span.size());
  if (f.borrower.set()) flags += " borrower=" + f.borrower.value;
  if (f.type.set()) flags += " type=" + f.type.value;
  if (f.status.set()) flags += " status=" + f.status.value;
  if (!f.lenders.empty()) flags += " lenders=" + std::to_string(f.lenders.size());
  std::printf("    frame:%s\n", flags.empty() ? " (nothing)" : flags.c_str());
}

int RunExplain(const GlobalOptions& global, const ExplainOptions& opts) {
  ApplyGlobalOptions(global);
  Result<std::filesystem::path> dir = FindDataDir("rules", global.rules_dir);
  if (!dir.ok()) return Fail(dir.status());
  Result<std::unique_ptr<Extractor>> ex = Extractor::Load(*dir);
  if (!ex.ok()) return Fail(ex.status());
  Result<std::string> bytes = ReadInputFile(opts.path);
  if (!bytes.ok()) return Fail(bytes.status());
  Result<Article> article = LoadDocument(*bytes, {opts.path, "", ""});
  if (!article.ok()) return Fail(article.status());
  NormalizedText normalized = TextNormalizer::Get().Normalize(article->text);
  ExtractionTrace trace;
  std::vector<Deal> deals = (*ex)->Extract(article->text, normalized, {opts.context, ""}, &trace);
  const std::string& text = normalized.text;
  std::printf("%s: lang %s, market %s, %zu sentences, %zu mentions\n", opts.path.c_str(), trace.lang.c_str(),
              trace.market.c_str(), trace.sentences.size(), trace.mentions.items.size());
  if (trace.cut()) std::printf("%s\n", ExtractionCutReason(trace).c_str());
  int last_sentence = -1;
  for (const auto& c : trace.clauses) {
    bool interesting = !c.hits.empty() || c.frames.size() != 1 || c.frames[0].trigger ||
                       !c.frames[0].lenders.empty() || c.frames[0].money;
    if (!interesting && !opts.all) continue;
    if (c.sentence != last_sentence) {
      Span s = trace.sentences[c.sentence];
      std::printf("\n[%d] %s\n", c.sentence, text.substr(s.begin, s.size()).c_str());
      last_sentence = c.sentence;
    }
    PrintClause(trace, c, text);
  }
  std::printf("\n%zu deal%s:\n", deals.size(), deals.size() == 1 ? "" : "s");
  for (const Deal& d : deals)
    std::printf("%s\n", DealToJson(d, opts.path, article->text, normalized).dump(2, ' ', false,
                                                                             nlohmann::json::error_handler_t::replace).c_str());
  return kExitOk;
}

}  // namespace

void RegisterExplainCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Show how the deals of one article were found (or missed)");
  cmd->add_option("--context", opts->context, "Market of the article (TW, CN, HK, ...); default: inferred");
  cmd->add_flag("--all", opts->all, "Show every sentence, not only those where something was found");
  cmd->add_option("path", opts->path, "Article file (.txt, .html, optionally .gz; - for standard input)")->required();
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExplain(global, *opts); });
}

}  // namespace dealwatch
