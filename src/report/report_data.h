// What a report shows, read from the database: the run, its deals (new and
// changed) with lenders and evidence, per-source health and errors.
// Plain data plus the query that fills it.
#ifndef DEALWATCH_REPORT_REPORT_DATA_H_
#define DEALWATCH_REPORT_REPORT_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace dealwatch {

struct ReportSource {
  std::string url, title, published, lang, evidence;
};

struct ReportLender {
  std::string name, role;
};

struct ReportDeal {
  int64_t id = 0;
  std::string borrower, currency, type, project, pricing, status, first_seen, last_seen;
  std::optional<double> amount, tenor_years;
  double confidence = 0;
  bool is_new = false;  // first seen in this run
  std::vector<ReportLender> lenders;
  std::vector<ReportSource> sources;
};

struct ReportError {
  std::string stage, source, url, message;
};

struct ReportData {
  int64_t run_id = 0;
  std::string started, finished, status, stats_json;
  int pages = 0, articles_new = 0, articles_changed = 0, deals_new = 0, deals_updated = 0, errors = 0;
  std::vector<ReportDeal> run_deals;  // new and changed in this run
  int total_deals = 0, total_articles = 0;
  std::vector<ReportError> error_list;
};

// run_id 0 means the latest run. kNotFound when there is no such run.
Result<ReportData> LoadReportData(Database* db, int64_t run_id);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_REPORT_DATA_H_
