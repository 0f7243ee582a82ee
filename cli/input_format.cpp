// The shared input flags (input_format.hpp).
#include "cli/input_format.hpp"

#include <string_view>

namespace qualify::cli {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool csv_input(const Args& args, const std::string* path) {
    if (args.has("--input")) {
        const std::string v = args.value("--input").value_or("");
        if (v == "csv") return true;
        if (v == "jsonl") return false;
        throw UsageError("--input takes jsonl or csv, not '" + v + "'");
    }
    return path && (ends_with(*path, ".csv") || ends_with(*path, ".tsv"));
}

char delimiter(const Args& args) {
    if (!args.has("--delimiter")) return 0;
    const std::string v = args.value("--delimiter").value_or("");
    if (v == ",") return ',';
    if (v == ";") return ';';
    if (v == "tab" || v == "\t") return '\t';
    throw UsageError("--delimiter takes ',', ';' or tab, not '" + v + "'");
}

}  // namespace qualify::cli
