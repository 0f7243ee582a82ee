// Renderers of a computed Report: plain text (terminal), markdown (a pull
// request or a wiki page) and JSON (machines; the `verdict` key). Each only
// formats; numbers are rounded here (4 places in JSON) so output is stable.
#pragma once

#include "report/report_model.hpp"

#include <string>

namespace qualify::report {

std::string render_text(const Report& r);
std::string render_markdown(const Report& r);
std::string render_json(const Report& r);

}  // namespace qualify::report
