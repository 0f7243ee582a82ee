// Turns an entry of errors.hpp and the input at the error point into the
// SyntaxError the parser reports: names the offending escape, recognises a
// keyword used as a name (Q005) and the end of the file (Q006).
#include "control.hpp"

#include <cctype>

namespace qualify::grammar {

namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The reserved word at the start of `rest`, or empty.
std::string_view keyword_at(std::string_view rest) {
    std::size_t n = 0;
    if (rest.empty() || std::isdigit(static_cast<unsigned char>(rest[0]))) return {};
    while (n < rest.size() && identifier_char(rest[n])) ++n;
    const std::string_view word = rest.substr(0, n);
#define QUALIFY_IS_KEYWORD(w) \
    if (word == #w) return word;
    QUALIFY_RESERVED_WORDS(QUALIFY_IS_KEYWORD)
#undef QUALIFY_IS_KEYWORD
    return {};
}

std::string_view skip_space(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) s.remove_prefix(1);
    return s;
}

// Where an expression was expected, a keyword is taken for a field name
// only when what follows it continues an expression (`weight > 5`,
// `review.status`); `when reason "…"` is a missing condition instead.
bool continues_expression(std::string_view after) {
    if (!after.empty() && after[0] == '.') return true;
    after = skip_space(after);
    if (after.empty()) return false;
    if (std::string_view("=<>!+-*/&?),]}").find(after[0]) != std::string_view::npos) return true;
    for (std::string_view op : {"and", "or", "in", "not", "matches"}) {
        if (after.substr(0, op.size()) == op && (after.size() == op.size() || !identifier_char(after[op.size()])))
            return true;
    }
    return false;
}

}  // namespace

SyntaxError make_syntax_error(const ErrorText& text, std::string_view rest, uint32_t line, uint32_t column) {
    std::string message = text.message;
    std::string help = text.help;
    DiagnosticCode code = text.code;

    if (code == DiagnosticCode::Q002 && rest.size() >= 2) {
        // Name the escape as written: `\q`, or `\u12` when hex digits are missing.
        std::size_t n = 2;
        if (rest[1] == 'u') {
            while (n < rest.size() && n < 6 && std::isxdigit(static_cast<unsigned char>(rest[n]))) ++n;
        }
        const std::string escape(rest.substr(0, n));
        if (rest[1] == '\n' || rest[1] == '\r') message = "invalid escape in string: a backslash ends the line";
        else message = "invalid escape `" + escape + "` in string";
    }

    const std::string_view keyword = keyword_at(rest);
    if (!keyword.empty() && text.role != NameRole::None &&
        (text.role != NameRole::Expression || continues_expression(rest.substr(keyword.size())))) {
        const std::string k(keyword);
        code = DiagnosticCode::Q005;
        message = "`" + k + "` is a keyword and cannot be used as a name here";
        if (text.role == NameRole::Declared) help = "`" + k + "` is a keyword; choose another name";
        else help = "`" + k + "` is a keyword; reach a field named so as `lead." + k + "`";
    } else if (rest.empty() && code == DiagnosticCode::Q001) {
        code = DiagnosticCode::Q006;
        message = "unexpected end of file: " + message;
    }
    return SyntaxError(code, std::move(message), std::move(help), line, column);
}

}  // namespace qualify::grammar
