// The data report of `qualify check --data-report` (see data_report.hpp).
// Fields are listed in declaration order, as the schema shows them; `id`
// is the lead's key, which every log record carries, so it is neither
// "read" nor "never read".
#include "cli/data_report.hpp"

#include <nlohmann/json.hpp>

namespace qualify::cli {

namespace {

std::string padded(std::string s, size_t width) {
    if (s.size() < width) s.resize(width, ' ');
    return s;
}

}  // namespace

std::string data_report_text(const std::string& path, const Rulebook& rulebook) {
    const auto uses = rulebook.field_uses();
    size_t declared = 0, read = 0, read_pii = 0, width = 0;
    for (const auto& f : uses) {
        width = std::max(width, f.name.size());
        if (f.name != "id") ++declared;
        if (f.read && f.name != "id") {
            ++read;
            if (f.pii) ++read_pii;
        }
    }
    std::string s = path + " (" + rulebook.name() + "@" + rulebook.version() + "): reads " + std::to_string(read) +
                    " of " + std::to_string(declared) + " declared fields besides id, " + std::to_string(read_pii) +
                    " of them pii\n";
    s += "  read (written to decision logs; pii only with --log-pii):\n";
    for (const auto& f : uses)
        if (f.read && f.name != "id") s += "    " + (f.pii ? padded(f.name, width) + "  pii" : f.name) + "\n";
    s += "  the lead's key, always logged:\n    id\n";
    s += "  declared, never read (never logged):\n";
    size_t unread = 0;
    for (const auto& f : uses)
        if (!f.read && f.name != "id") {
            s += "    " + (f.pii ? padded(f.name, width) + "  pii" : f.name) + "\n";
            ++unread;
        }
    if (unread == 0) s += "    (none)\n";
    return s;
}

std::string data_report_json(const std::string& path, const Rulebook& rulebook) {
    nlohmann::ordered_json j;
    j["file"] = path;
    j["rulebook"] = rulebook.name() + "@" + rulebook.version();
    auto read = nlohmann::ordered_json::array(), unread = nlohmann::ordered_json::array();
    for (const auto& f : rulebook.field_uses())
        if (f.name != "id") (f.read ? read : unread).push_back({{"field", f.name}, {"pii", f.pii}});
    j["key"] = "id";
    j["read"] = read;
    j["never_read"] = unread;
    return j.dump();
}

}  // namespace qualify::cli
