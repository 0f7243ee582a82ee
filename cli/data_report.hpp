// `qualify check --data-report`: what personal and business data a
// rulebook uses — each field it reads with its pii tag, and the declared
// fields it never reads (which a decision log never stores either). For a
// data-protection review or a records-of-processing entry
// (docs/governance.md).
#pragma once

#include "qualify/qualify.hpp"

#include <string>

namespace qualify::cli {

std::string data_report_text(const std::string& path, const Rulebook& rulebook);
std::string data_report_json(const std::string& path, const Rulebook& rulebook);  // one object, one line

}  // namespace qualify::cli
