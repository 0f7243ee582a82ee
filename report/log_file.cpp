// read_log and read_log_file (see log_file.hpp).
#include "report/log_file.hpp"

#include "report/log_sqlite.hpp"
#include "qualify/qualify.hpp"

#include <fstream>

namespace qualify::report {

bool valid_date(std::string_view d) { return d.size() == 10 && parse_date(d).has_value(); }

bool Period::contains(std::string_view logged_at) const {
    const std::string_view day = logged_at.substr(0, 10);
    return (since.empty() || day >= since) && (until.empty() || day <= until);
}

LogFile read_log(std::istream& in, const Period& period) {
    LogFile out;
    std::string line;
    uint64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string error;
        if (auto r = parse_json_line(line, error)) {
            if (period.contains(r->logged_at)) out.records.push_back(std::move(*r));
        } else {
            out.problems.push_back("line " + std::to_string(n) + ": " + error);
        }
    }
    return out;
}

bool is_sqlite_path(std::string_view path) {
    for (std::string_view ext : {".db", ".sqlite", ".sqlite3"})
        if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
    return false;
}

LogFile read_log_file(const std::string& path, const Period& period) {
    if (is_sqlite_path(path)) return read_sqlite_log(path, period);
    std::ifstream in(path, std::ios::binary);
    if (!in) return {{}, {"cannot open the file"}};
    return read_log(in, period);
}

}  // namespace qualify::report
