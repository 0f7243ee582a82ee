// Tokenising for the formatter. Whitespace is dropped (the layout decides it
// anew); everything else is kept byte for byte, so a formatted file reads as
// the same token sequence, line by line.
#include "format/lexer.hpp"

namespace qualify::format {

namespace {

bool is_word_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (static_cast<unsigned char>(c) >= 0x80);
}
bool is_word_char(char c) { return is_word_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What may stand right before a `-` that starts a signed number: nothing
// that ends an operand, so `a -5` keeps `-5` whole (a weight override needs
// it so) while `a-5` is a subtraction.
bool ends_operand(const Token& t) {
    if (t.kind == Token::Kind::Punct) return t.text == ")" || t.text == "]" || t.text == "}" || t.text == "?";
    return true;
}

// Multi-character operators, longest first.
constexpr std::string_view kOperators[] = {"==", "!=", "<=", ">=", "=>", "..", "??"};

size_t scan_string(std::string_view line, size_t i, bool raw) {
    // `i` is at the opening quote. An unterminated string runs to the end
    // of the line (the parser reports it; the formatter never sees one).
    ++i;
    while (i < line.size() && line[i] != '"') {
        if (!raw && line[i] == '\\' && i + 1 < line.size()) ++i;
        ++i;
    }
    return i < line.size() ? i + 1 : i;
}

SourceLine tokenize_line(std::string_view line) {
    SourceLine out;
    size_t i = 0;
    bool space_before = true;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
            space_before = true;
            continue;
        }
        if (c == '#') {
            std::string_view text = line.substr(i);
            while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
                text.remove_suffix(1);
            out.comment = std::string(text);
            break;
        }
        Token t;
        size_t end = i + 1;
        if (c == '"') {
            t.kind = Token::Kind::String;
            end = scan_string(line, i, false);
        } else if (c == 'r' && i + 1 < line.size() && line[i + 1] == '"' &&
                   (i == 0 || !is_word_char(line[i - 1]))) {
            t.kind = Token::Kind::String;
            end = scan_string(line, i + 1, true);
        } else if (is_digit(c) ||
                   (c == '-' && i + 1 < line.size() && is_digit(line[i + 1]) &&
                    (space_before || out.tokens.empty() || !ends_operand(out.tokens.back())))) {
            t.kind = Token::Kind::Number;
            end = i + 1;
            while (end < line.size() && is_digit(line[end])) ++end;
            if (end + 1 < line.size() && line[end] == '.' && is_digit(line[end + 1])) {
                ++end;
                while (end < line.size() && is_digit(line[end])) ++end;
            }
        } else if (is_word_start(c)) {
            t.kind = Token::Kind::Word;
            while (end < line.size()) {
                if (is_word_char(line[end])) {
                    ++end;
                } else if (line[end] == '.' && end + 1 < line.size() && is_word_start(line[end + 1])) {
                    end += 2;  // a dotted name is one token: `company.employees`
                } else {
                    break;
                }
            }
        } else {
            t.kind = Token::Kind::Punct;
            for (std::string_view op : kOperators)
                if (line.substr(i, op.size()) == op) {
                    end = i + op.size();
                    break;
                }
        }
        t.text = std::string(line.substr(i, end - i));
        // A number directly followed by letters is not a number the grammar
        // knows; keep the whole run as one opaque token.
        if (t.kind == Token::Kind::Number && end < line.size() && is_word_start(line[end])) {
            t.kind = Token::Kind::Other;
            while (end < line.size() && is_word_char(line[end])) ++end;
            t.text = std::string(line.substr(i, end - i));
        }
        out.tokens.push_back(std::move(t));
        i = end;
        space_before = false;
    }
    return out;
}

}  // namespace

std::vector<SourceLine> tokenize(std::string_view source) {
    std::vector<SourceLine> lines;
    size_t start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos) end = source.size();
        lines.push_back(tokenize_line(source.substr(start, end - start)));
        if (end == source.size()) break;
        start = end + 1;
    }
    return lines;
}

size_t display_width(std::string_view text) {
    size_t width = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
    return width;
}

}  // namespace qualify::format
