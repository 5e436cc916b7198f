// The report as Markdown (CommonMark with pipe tables), for mail and chat:
// the same sections and values as the HTML report. Matched evidence values
// are **bold**; text is escaped so that neither Markdown syntax nor raw
// HTML in an article (e.g. "<script>") survives. The volume chart becomes
// a table of weeks. Pure function.
#ifndef DEALWATCH_REPORT_MARKDOWN_REPORT_H_
#define DEALWATCH_REPORT_MARKDOWN_REPORT_H_

#include <string>
#include <string_view>

#include "report/report_data.h"

namespace dealwatch {

std::string RenderMarkdownReport(const ReportData& data);

// Escapes Markdown syntax and HTML in text; line breaks become spaces.
std::string MarkdownEscape(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_MARKDOWN_REPORT_H_
