// The report as one self-contained HTML file: inline CSS and SVG, no
// scripts, fonts, images or other requests, so it opens offline in any
// browser and prints. Every piece of article or database text is escaped
// (an article containing "<script>" shows it as text); evidence values are
// wrapped in <mark class="amount|borrower|lender">. Pure function.
#ifndef DEALWATCH_REPORT_HTML_REPORT_H_
#define DEALWATCH_REPORT_HTML_REPORT_H_

#include <string>

#include "report/report_data.h"

namespace dealwatch {

std::string RenderHtmlReport(const ReportData& data);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_HTML_REPORT_H_
