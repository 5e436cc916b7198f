#include "report/report.h"

#include "common/paths.h"
#include "extract/extractor.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/markdown_report.h"

namespace dealwatch {

Result<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "html") return ReportFormat::kHtml;
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "json") return ReportFormat::kJson;
  return InvalidArgument("unknown report format '" + std::string(name) + "' (expected html, md or json)");
}

Result<std::vector<std::string>> ListRuleIds(const std::filesystem::path& rules_dir) {
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(rules_dir);
  if (!extractor.ok()) return extractor.status();
  std::vector<std::string> ids;
  for (const auto& rule : (*extractor)->rules().rules()) ids.push_back(rule->id());
  return ids;
}

void FindRuleIds(const std::string& explicit_dir, ReportOptions* options) {
  Result<std::filesystem::path> dir = FindDataDir("rules", explicit_dir);
  if (!dir.ok()) {
    options->rules_note = dir.status().message();
    return;
  }
  Result<std::vector<std::string>> ids = ListRuleIds(*dir);
  if (!ids.ok()) {
    options->rules_note = ids.status().message();
    return;
  }
  options->rule_ids = std::move(*ids);
}

Result<std::string> RenderReport(Database* db, const ReportOptions& options, ReportFormat format) {
  Result<ReportData> data = LoadReportData(db, options);
  if (!data.ok()) return data.status();
  switch (format) {
    case ReportFormat::kMarkdown: return RenderMarkdownReport(*data);
    case ReportFormat::kJson: return RenderJsonReport(*data);
    case ReportFormat::kHtml: break;
  }
  return RenderHtmlReport(*data);
}

}  // namespace dealwatch
