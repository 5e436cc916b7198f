// dealwatch extract [--format jsonl|text] [--context MARKET] PATH...
// Reads article files and prints the deals found, without touching any
// database. The jsonl form is what ../shared/eval/score.py reads.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/deal_json.h"
#include "common/paths.h"
#include "common/files.h"
#include "common/strings.h"
#include "extract/extractor.h"
#include "pipeline/document.h"

namespace dealwatch {

namespace {

struct ExtractOptions {
  std::string format = "jsonl";
  std::string context;
  std::string lang;
  std::string charset;
  std::vector<std::string> paths;
};

std::string FormatAmount(const Deal& d) {
  if (!d.amount) return "amount not given";
  std::optional<double> v = ReportedAmount(*d.amount);
  if (!v) return "amount not given";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", *v);
  std::string digits = buf, grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  std::string q = d.amount->qualifier == MoneyQualifier::kNone ? "" : std::string(" (") + MoneyQualifierName(d.amount->qualifier) + ")";
  return d.amount->currency + " " + grouped + q;
}

void PrintText(const std::string& source, const std::vector<Deal>& deals, const Article& article,
               const NormalizedText& normalized) {
  std::printf("%s: %zu deal%s\n", source.c_str(), deals.size(), deals.size() == 1 ? "" : "s");
  for (size_t i = 0; i < deals.size(); ++i) {
    const Deal& d = deals[i];
    std::printf("  [%zu] %s - %s, %s, %s (confidence %.2f)\n", i + 1, d.borrower.empty() ? "(borrower not named)" : d.borrower.c_str(),
                FormatAmount(d).c_str(), d.type.c_str(), d.status.c_str(), d.confidence);
    std::string lenders;
    for (const DealLender& l : d.lenders) lenders += (lenders.empty() ? "" : ", ") + l.name + " (" + l.role + ")";
    if (!lenders.empty()) std::printf("      lenders:  %s\n", lenders.c_str());
    if (!d.project.empty()) std::printf("      project:  %s\n", d.project.c_str());
    if (d.tenor_years) std::printf("      tenor:    %g years\n", *d.tenor_years);
    if (!d.pricing.empty()) std::printf("      pricing:  %s\n", d.pricing.c_str());
    std::printf("      evidence: %s\n", EvidenceText(d, article.text, normalized).c_str());
  }
}

int RunExtract(const GlobalOptions& global, const ExtractOptions& opts) {
  ApplyGlobalOptions(global);
  Result<std::filesystem::path> rules_dir = FindDataDir("rules", global.rules_dir);
  if (!rules_dir.ok()) return Fail(rules_dir.status());
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(*rules_dir);
  if (!extractor.ok()) return Fail(extractor.status());
  int failures = 0;
  for (const std::string& path : opts.paths) {
    Result<std::string> bytes = ReadInputFile(path);
    Result<Article> article = bytes.ok() ? LoadDocument(*bytes, {path, "", opts.charset}) : Result<Article>(bytes.status());
    if (!article.ok()) {
      std::fprintf(stderr, "dealwatch: %s\n", article.status().message().c_str());
      ++failures;
      continue;
    }
    NormalizedText normalized = TextNormalizer::Get().Normalize(article->text);
    ExtractContext ctx{opts.context == "none" ? "" : opts.context, opts.lang};
    ExtractionTrace trace;
    trace.keep_details = false;
    std::vector<Deal> deals = (*extractor)->Extract(article->text, normalized, ctx, &trace);
    if (trace.cut()) std::fprintf(stderr, "dealwatch: %s: %s\n", path.c_str(), ExtractionCutReason(trace).c_str());
    if (opts.format == "text") {
      PrintText(path, deals, *article, normalized);
    } else {
      for (const Deal& d : deals)
        std::cout << DealToJson(d, path, article->text, normalized).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
    }
  }
  std::cout.flush();
  return failures ? kExitFailure : kExitOk;
}

}  // namespace

void RegisterExtractCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the deals found in article files (no database)");
  cmd->add_option("--format", opts->format, "jsonl (default): one JSON object per deal; text: a listing for people")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->add_option("--context", opts->context,
                  "Market the articles report on (TW, CN, HK, JP, US, ...; decides a bare 元 or ¥); "
                  "default: inferred per article");
  cmd->add_option("--lang", opts->lang, "en, zh-Hant or zh-Hans; default: detected per article")
      ->check(CLI::IsMember({"en", "zh-Hant", "zh-Hans"}));
  cmd->add_option("--charset", opts->charset, "Charset of the files (default: detected)");
  cmd->add_option("paths", opts->paths, "Article files (.txt, .html, .htm, optionally .gz; - for standard input)")
      ->required();
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExtract(global, *opts); });
}

}  // namespace dealwatch
