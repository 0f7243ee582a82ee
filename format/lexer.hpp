// The formatter's view of a rulebook: lines of tokens. It needs no grammar,
// only where tokens start and end (strings, raw strings, numbers, dotted
// names, operators, comments), so it keeps working when the language gains
// new statements.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qualify::format {

struct Token {
    enum class Kind { Word, Number, String, Punct, Other };
    Kind kind = Kind::Other;
    std::string text;
};

struct SourceLine {
    std::vector<Token> tokens;           // the code on the line
    std::optional<std::string> comment;  // `# …` at its end, trailing blanks removed
    bool blank() const { return tokens.empty() && !comment; }
};

// Splits `source` into lines of tokens. A string never spans lines (the
// grammar forbids it), so every line tokenises on its own.
std::vector<SourceLine> tokenize(std::string_view source);

// Display width of `text` in columns: UTF-8 continuation bytes take none.
size_t display_width(std::string_view text);

}  // namespace qualify::format
