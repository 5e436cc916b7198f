// The report stage's entry point: the report of one run of the deal
// database, as HTML (html_report.h), Markdown (markdown_report.h) or JSON
// (json_report.h), all built from the same ReportData (report_data.h).
// Reads only; `db` is used from the calling thread.
#ifndef DEALWATCH_REPORT_REPORT_H_
#define DEALWATCH_REPORT_REPORT_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "report/report_data.h"
#include "store/database.h"

namespace dealwatch {

enum class ReportFormat { kHtml, kMarkdown, kJson };

// "html", "md" or "markdown", "json"; kInvalidArgument otherwise.
Result<ReportFormat> ParseReportFormat(std::string_view name);

// The ids of every rule under `rules_dir` (loads the rules as `run` does).
Result<std::vector<std::string>> ListRuleIds(const std::filesystem::path& rules_dir);

// Sets options->rule_ids from the rules FindDataDir("rules", explicit_dir)
// finds, or options->rules_note to why it could not.
void FindRuleIds(const std::string& explicit_dir, ReportOptions* options);

// The report of options.run_id (0: the latest). kNotFound for no such run.
Result<std::string> RenderReport(Database* db, const ReportOptions& options, ReportFormat format);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_REPORT_H_
