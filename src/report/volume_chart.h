// Deal volume by week and currency as an inline SVG bar chart: one stacked
// bar per week (weeks without deals stay empty), one colour per currency,
// a <title> tooltip per bar segment. No scripts, fonts or links, so it
// renders the same in a browser, a mail client or on paper. Pure function.
#ifndef DEALWATCH_REPORT_VOLUME_CHART_H_
#define DEALWATCH_REPORT_VOLUME_CHART_H_

#include <string>
#include <vector>

#include "report/report_data.h"

namespace dealwatch {

// The chart of `points` (sorted by week). Bar heights are USD amounts when
// `usd`, else deal counts. "" when there is nothing to draw.
std::string VolumeChartSvg(const std::vector<VolumePoint>& points, bool usd);

// "US$1.2bn", "US$350m", "US$12k" for chart labels.
std::string ShortUsd(double amount);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_VOLUME_CHART_H_
