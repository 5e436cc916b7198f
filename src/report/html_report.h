// The extraction report analysts review after each run: one self-contained
// HTML file (inline CSS, no scripts, fonts or network) built from the deal
// database. Every piece of article text is escaped. Reads only.
#ifndef DEALWATCH_REPORT_HTML_REPORT_H_
#define DEALWATCH_REPORT_HTML_REPORT_H_

#include <cstdint>
#include <string>

#include "common/status.h"
#include "store/database.h"

namespace dealwatch {

// The report for run `run_id` (0: the latest run).
Result<std::string> RenderHtmlReport(Database* db, int64_t run_id);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_HTML_REPORT_H_
