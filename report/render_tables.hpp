// The report laid out as titled tables, shared by the text and markdown
// renderers so both show the same figures in the same order.
#pragma once

#include "report/report_model.hpp"

#include <string>
#include <vector>

namespace qualify::report {

struct Table {
    std::string title;
    std::vector<std::string> lines;  // sentences before the table
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

std::vector<Table> report_tables(const Report& r);

std::string fixed_places(double x, int places);
std::string percent_text(double x);  // "12.3%"

}  // namespace qualify::report
