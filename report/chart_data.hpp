// The HTML report's four charts, derived from a computed Report: the score
// distribution (against the baseline's), the calibration curve (mean
// predicted vs actual conversion per decile), conversion by band (deciles
// and routes) and the route mix against the baseline with the leads that
// moved. Only selects and scales figures; computing stays in compute_report.
#pragma once

#include "report/report_model.hpp"
#include "report/svg_chart.hpp"

namespace qualify::report {

BarChart score_distribution_chart(const Report& r);
CalibrationChart calibration_chart(const Report& r);
BarChart conversion_by_band_chart(const Report& r);
BarChart route_transition_chart(const Report& r);

}  // namespace qualify::report
