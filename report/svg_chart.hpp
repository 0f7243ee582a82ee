// Inline SVG charts for the HTML report: grouped bars and a calibration
// plot, drawn as plain SVG elements (no script, no fonts, no external
// reference), so the page renders anywhere, offline, and prints.
#pragma once

#include <string>
#include <vector>

namespace qualify::report {

struct BarSeries {
    std::string name;            // the legend
    std::vector<double> values;  // one per category, 0..1 when the chart is in percent
};

struct BarChart {
    std::string id;  // the <svg> element's id
    std::string title;
    std::string x_label;
    std::string y_label;
    std::vector<std::string> categories;
    std::vector<BarSeries> series;  // at most 2, drawn side by side
    bool percent = true;            // the axis shows 0-100%
    std::string note;               // shown instead of bars when there are no categories
};

struct CalibrationPoint {
    double predicted = 0;  // 0..1
    double actual = 0;     // 0..1
    std::string label;     // the band
};

struct CalibrationChart {
    std::string id;
    std::string title;
    std::vector<CalibrationPoint> points;
    std::string note;  // shown when there are no points
};

std::string svg_bar_chart(const BarChart& chart);
std::string svg_calibration_chart(const CalibrationChart& chart);

// Text made safe for HTML and SVG content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace qualify::report
