// The report as one JSON object, for scripts: the same sections and values
// as the HTML report, unformatted (amounts as numbers, ids as given).
// Evidence marks are UTF-8 byte offsets into the evidence text. Pure
// function.
#ifndef DEALWATCH_REPORT_JSON_REPORT_H_
#define DEALWATCH_REPORT_JSON_REPORT_H_

#include <string>

#include "report/report_data.h"

namespace dealwatch {

// Pretty-printed with two-space indents, ending in a newline.
std::string RenderJsonReport(const ReportData& data);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_JSON_REPORT_H_
