// Drawing the report's charts as SVG text (see svg_chart.hpp). Sizes are
// fixed so every chart has the same footprint; colours come from the
// page's stylesheet through classes.
#include "report/svg_chart.hpp"

#include <algorithm>
#include <cstdio>

namespace qualify::report {

namespace {

constexpr double kWidth = 640, kHeight = 300;
constexpr double kLeft = 56, kRight = 16, kTop = 32, kBottom = 64;
constexpr double kPlotW = kWidth - kLeft - kRight, kPlotH = kHeight - kTop - kBottom;

std::string num(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    return buf;
}

std::string label_of(double v, bool percent) {
    char buf[32];
    if (percent)
        std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
    else
        std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string open_svg(const std::string& id, const std::string& title) {
    return "<svg id=\"" + html_escape(id) + "\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
           num(kWidth) + " " + num(kHeight) + "\" width=\"" + num(kWidth) + "\" height=\"" + num(kHeight) +
           "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">\n<title>" + html_escape(title) +
           "</title>\n<text class=\"chart-title\" x=\"" + num(kLeft) + "\" y=\"20\">" + html_escape(title) +
           "</text>\n";
}

std::string text(double x, double y, const std::string& s, const char* anchor, const char* cls = "tick") {
    return "<text class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" +
           anchor + "\">" + html_escape(s) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const char* cls) {
    return "<line class=\"" + std::string(cls) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) +
           "\" y2=\"" + num(y2) + "\"/>\n";
}

// The y axis with five gridlines from 0 to `top`.
std::string y_axis(double top, bool percent, const std::string& label) {
    std::string s;
    for (int i = 0; i <= 4; ++i) {
        const double v = top * i / 4.0;
        const double y = kTop + kPlotH - kPlotH * i / 4.0;
        s += line(kLeft, y, kLeft + kPlotW, y, "grid");
        s += text(kLeft - 6, y + 4, label_of(v, percent), "end");
    }
    s += "<text class=\"axis-label\" transform=\"translate(14 " + num(kTop + kPlotH / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + html_escape(label) + "</text>\n";
    return s;
}

std::string note(const std::string& s) { return text(kWidth / 2, kHeight / 2, s, "middle", "note"); }

}  // namespace

std::string html_escape(const std::string& in) {
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string svg_bar_chart(const BarChart& c) {
    std::string s = open_svg(c.id, c.title);
    if (c.categories.empty() || c.series.empty()) return s + note(c.note) + "</svg>\n";
    double top = c.percent ? 0.0 : 1.0;
    for (const auto& series : c.series)
        for (double v : series.values) top = std::max(top, v);
    if (c.percent) top = std::min(1.0, std::max(0.1, top * 1.1));
    else top *= 1.1;
    s += y_axis(top, c.percent, c.y_label);
    const double slot = kPlotW / static_cast<double>(c.categories.size());
    const double bar = slot * 0.8 / static_cast<double>(c.series.size());
    // Long category lists show every other label so they do not overlap.
    const size_t label_every = c.categories.size() > 12 ? 2 : 1;
    for (size_t i = 0; i < c.categories.size(); ++i) {
        const double x0 = kLeft + slot * static_cast<double>(i) + slot * 0.1;
        for (size_t k = 0; k < c.series.size(); ++k) {
            const double v = i < c.series[k].values.size() ? c.series[k].values[i] : 0;
            const double h = top > 0 ? kPlotH * v / top : 0;
            s += "<rect class=\"bar series-" + std::to_string(k) + "\" x=\"" + num(x0 + bar * static_cast<double>(k)) +
                 "\" y=\"" + num(kTop + kPlotH - h) + "\" width=\"" + num(bar) + "\" height=\"" + num(h) +
                 "\"><title>" + html_escape(c.series[k].name + " " + c.categories[i] + ": " + label_of(v, c.percent)) +
                 "</title></rect>\n";
        }
        if (i % label_every == 0) s += text(x0 + slot * 0.4, kTop + kPlotH + 16, c.categories[i], "middle");
    }
    s += line(kLeft, kTop + kPlotH, kLeft + kPlotW, kTop + kPlotH, "axis");
    s += text(kLeft + kPlotW / 2, kHeight - 28, c.x_label, "middle", "axis-label");
    if (c.series.size() > 1 || !c.series[0].name.empty()) {
        double x = kLeft;
        for (size_t k = 0; k < c.series.size(); ++k) {
            s += "<rect class=\"bar series-" + std::to_string(k) + "\" x=\"" + num(x) + "\" y=\"" + num(kHeight - 14) +
                 "\" width=\"10\" height=\"10\"/>\n";
            s += text(x + 14, kHeight - 5, c.series[k].name, "start", "legend");
            x += 160;
        }
    }
    return s + "</svg>\n";
}

std::string svg_calibration_chart(const CalibrationChart& c) {
    std::string s = open_svg(c.id, c.title);
    if (c.points.empty()) return s + note(c.note) + "</svg>\n";
    s += y_axis(1.0, true, "actual conversion");
    for (int i = 0; i <= 4; ++i) s += text(kLeft + kPlotW * i / 4.0, kTop + kPlotH + 16, label_of(i / 4.0, true), "middle");
    s += line(kLeft, kTop + kPlotH, kLeft + kPlotW, kTop, "diagonal");
    s += line(kLeft, kTop + kPlotH, kLeft + kPlotW, kTop + kPlotH, "axis");
    s += text(kLeft + kPlotW / 2, kHeight - 28, "mean predicted probability", "middle", "axis-label");
    std::string path;
    for (const auto& p : c.points) {
        const double x = kLeft + kPlotW * std::clamp(p.predicted, 0.0, 1.0);
        const double y = kTop + kPlotH - kPlotH * std::clamp(p.actual, 0.0, 1.0);
        path += (path.empty() ? "M" : " L") + num(x) + " " + num(y);
    }
    s += "<path class=\"curve\" d=\"" + path + "\"/>\n";
    for (const auto& p : c.points) {
        const double x = kLeft + kPlotW * std::clamp(p.predicted, 0.0, 1.0);
        const double y = kTop + kPlotH - kPlotH * std::clamp(p.actual, 0.0, 1.0);
        s += "<circle class=\"point\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\"><title>" +
             html_escape(p.label + ": predicted " + label_of(p.predicted, true) + ", actual " +
                         label_of(p.actual, true)) +
             "</title></circle>\n";
    }
    s += text(kLeft + kPlotW - 4, kTop + 14, "diagonal: perfectly calibrated", "end", "legend");
    return s + "</svg>\n";
}

}  // namespace qualify::report
