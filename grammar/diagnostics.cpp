// The house diagnostic format: code names and titles from the one table in
// diagnostics.hpp, the human rendering with source line and caret, the
// JSON rendering, and the "did you mean" helper.
#include "qualify/diagnostics.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace qualify {

std::string_view code_name(DiagnosticCode code) {
    switch (code) {
#define QUALIFY_X(code, title) \
    case DiagnosticCode::code: return #code;
        QUALIFY_DIAGNOSTIC_CODES(QUALIFY_X)
#undef QUALIFY_X
    }
    return "Q000";
}

std::string_view code_title(DiagnosticCode code) {
    switch (code) {
#define QUALIFY_X(code, title) \
    case DiagnosticCode::code: return title;
        QUALIFY_DIAGNOSTIC_CODES(QUALIFY_X)
#undef QUALIFY_X
    }
    return "";
}

namespace {

std::string_view severity_name(Diagnostic::Severity s) {
    return s == Diagnostic::Severity::Warning ? "warning" : "error";
}

// The 1-based line `line` of `source`, without its line ending; empty when
// the file has fewer lines (an error at the very end of the file).
std::string_view source_line(std::string_view source, unsigned line) {
    std::size_t start = 0;
    for (unsigned l = 1; l < line; ++l) {
        const std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view text = source.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

}  // namespace

std::string render(const Diagnostic& d, std::string_view source) {
    std::string out = d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += ": ";
    out += severity_name(d.severity);
    out += "[";
    out += code_name(d.code);
    out += "]: " + d.message + "\n";

    const std::string number = d.line > 0 ? std::to_string(d.line) : "";
    const std::string gutter(std::max<std::size_t>(number.size(), 1), ' ');
    if (d.line > 0) {
        const std::string_view text = source_line(source, d.line);
        out += gutter + " |\n";
        out += number + " |";
        if (!text.empty()) out += " " + std::string(text);
        out += "\n";
        // The caret copies the line's tabs so that it lines up however the
        // terminal expands them, and skips UTF-8 continuation bytes so that
        // a multi-byte character takes one column.
        std::string pad;
        for (unsigned i = 0; i + 1 < d.column; ++i) {
            const char c = i < text.size() ? text[i] : ' ';
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
            pad += c == '\t' ? '\t' : ' ';
        }
        out += gutter + " | " + pad + "^\n";
    }
    if (!d.help.empty()) out += gutter + " = help: " + d.help + "\n";
    return out;
}

std::string render_json(const Diagnostic& d) {
    nlohmann::ordered_json j;
    j["file"] = d.file;
    j["line"] = d.line;
    j["column"] = d.column;
    j["severity"] = severity_name(d.severity);
    j["code"] = code_name(d.code);
    j["message"] = d.message;
    j["help"] = d.help;
    // Replace invalid UTF-8 rather than throw: messages quote user input.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
    const std::string* best = nullptr;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(name, c);
        if (d < best_distance) {  // strict: ties keep the first candidate
            best = &c;
            best_distance = d;
        }
    }
    return best ? *best : std::string();
}

}  // namespace qualify
