// Escaping and assembling GitHub Actions workflow commands.
#include "cli/github_annotations.hpp"

namespace qualify::cli {

namespace {

std::string escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out;
    for (char c : escape_data(text)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

}  // namespace

std::string github_line(const Annotation& a) {
    std::string out = "::" + a.level + " file=" + escape_property(a.file);
    if (a.line > 0) out += ",line=" + std::to_string(a.line);
    if (a.end_line > 0) out += ",endLine=" + std::to_string(a.end_line);
    if (a.column > 0) out += ",col=" + std::to_string(a.column);
    if (!a.title.empty()) out += ",title=" + escape_property(a.title);
    return out + "::" + escape_data(a.message) + "\n";
}

std::string github_line(const Diagnostic& d) {
    Annotation a;
    a.level = d.severity == Diagnostic::Severity::Warning ? "warning" : "error";
    a.file = d.file;
    a.line = d.line;
    a.column = d.column;
    a.title = std::string(code_name(d.code)) + " " + std::string(code_title(d.code));
    a.message = d.message;
    if (!d.help.empty()) a.message += "\nhelp: " + d.help;
    return github_line(a);
}

}  // namespace qualify::cli
