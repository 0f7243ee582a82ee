// read_log (see log_file.hpp).
#include "report/log_file.hpp"

namespace qualify::report {

LogFile read_log(std::istream& in) {
    LogFile out;
    std::string line;
    uint64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string error;
        if (auto r = parse_json_line(line, error))
            out.records.push_back(std::move(*r));
        else
            out.problems.push_back("line " + std::to_string(n) + ": " + error);
    }
    return out;
}

}  // namespace qualify::report
