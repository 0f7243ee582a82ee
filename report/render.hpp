// Renderers of a computed Report: plain text (terminal), markdown (a pull
// request or a wiki page), JSON (machines; the `verdict` key) and HTML
// (a page to share, with charts). Each only
// formats; numbers are rounded here (4 places in JSON) so output is stable.
#pragma once

#include "report/report_model.hpp"

#include <string>

namespace qualify::report {

std::string render_text(const Report& r);
std::string render_markdown(const Report& r);
std::string render_json(const Report& r);
// One self-contained HTML page: the tables and four inline SVG charts, no
// script and no external resource (render_html.cpp).
std::string render_html(const Report& r);

}  // namespace qualify::report
