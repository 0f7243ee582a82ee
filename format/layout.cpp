// The canonical layout. It works from the token lines of lexer.hpp and the
// bracket structure alone, so that it formats statements it has never heard
// of: indentation comes from the open brackets and from whether a line
// continues the statement above it; spacing from the two tokens either side
// of a gap; alignment from a few statement shapes (schema fields, lets,
// routes, samples, match arms, table rows). Whitespace is all it decides, and
// each decision depends on the tokens only, never on the spacing it was
// given: that makes the layout idempotent by construction.
#include "format/formatter.hpp"
#include "format/lexer.hpp"

#include "grammar/lexical.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace qualify::format {

namespace {

using Kind = Token::Kind;

bool is_punct(const Token& t, std::string_view text) { return t.kind == Kind::Punct && t.text == text; }
bool is_word(const Token& t, std::string_view text) { return t.kind == Kind::Word && t.text == text; }

const std::set<std::string, std::less<>>& reserved_words() {
    static const std::set<std::string, std::less<>> words = {
#define QUALIFY_FMT_WORD(word) #word,
        QUALIFY_RESERVED_WORDS(QUALIFY_FMT_WORD)
#undef QUALIFY_FMT_WORD
            "matches"};
    return words;
}

// Words after which an operand is expected: a `{` there opens a set, a `-`
// there is a negation.
bool is_operator_word(const Token& t) {
    static const std::set<std::string, std::less<>> words = {"and", "or", "not", "in", "then", "else",
                                                            "if", "when", "matches"};
    return t.kind == Kind::Word && words.count(t.text) > 0;
}

bool ends_operand(const Token& t) {
    if (t.kind == Kind::Punct) return t.text == ")" || t.text == "]" || t.text == "}" || t.text == "?";
    return !is_operator_word(t);
}

bool expects_operand(const Token& t) {
    if (t.kind == Kind::Punct) return !ends_operand(t) && t.text != "%";
    return is_operator_word(t);
}

bool starts_operand(const Token& t) {
    return (t.kind != Kind::Punct && !is_operator_word(t)) || t.text == "(" || t.text == "{" || t.text == "[";
}

bool is_opener(const Token& t) { return is_punct(t, "{") || is_punct(t, "[") || is_punct(t, "("); }
bool is_closer(const Token& t) { return is_punct(t, "}") || is_punct(t, "]") || is_punct(t, ")"); }
char closer_of(char open) { return open == '{' ? '}' : open == '[' ? ']' : ')'; }

// A line ending in one of these continues on the next line.
bool continues_after(const Token& t, bool comma_continues) {
    static const std::set<std::string, std::less<>> puncts = {"=",  "=>", "+",  "-", "*", "/", "&", "|",
                                                             "??", "==", "!=", "<", "<=", ">", ">=", "..",
                                                             ":"};
    if (t.kind == Kind::Punct) return puncts.count(t.text) > 0 || (comma_continues && t.text == ",");
    return is_operator_word(t);
}

// A line starting with one of these continues the statement above (outside
// match arms and table rows, where a row may start with an operator). An
// operator continues an expression and is indented two levels; a clause
// (`reason`, `action`, a label, `else`) one level.
int continuation_before(const Token& t) {
    static const std::set<std::string, std::less<>> clauses = {"reason", "action", "features", "assign", "when",
                                                              "then", "else"};
    static const std::set<std::string, std::less<>> operators = {"and", "or", "matches", "in", "not"};
    static const std::set<std::string, std::less<>> puncts = {"=",  "=>", "+",  "-", "*", "/", "&", "|",
                                                             "??", "==", "!=", "<", "<=", ">", ">=", ".."};
    if (t.kind == Kind::Punct) return puncts.count(t.text) > 0 ? 2 : 0;
    if (t.kind == Kind::String || t.kind == Kind::Number) return 1;
    if (t.kind != Kind::Word) return 0;
    return clauses.count(t.text) ? 1 : operators.count(t.text) ? 2 : 0;
}

// The level a line gets from how the line above ends: after `=`, `:` or a
// comma the expression or list goes on (one level), after an operator the
// expression does (two levels).
int continuation_after(const Token& t, bool comma_continues) {
    if (!continues_after(t, comma_continues)) return 0;
    return t.kind == Kind::Punct && (t.text == "=" || t.text == ":" || t.text == "," || t.text == "=>") ? 1 : 2;
}

enum class Bracket { Block, Schema, Match, Table, Set, Paren, List };

struct Open {
    char ch = '{';
    Bracket kind = Bracket::Block;
    size_t line = 0;
    size_t token = 0;
    bool visual = false;  // content follows it on its own line: align under that
    int id = 0;
};

enum class Mode { Top, Block, Visual, Close };

struct Line {
    const SourceLine* source = nullptr;
    Mode mode = Mode::Top;
    int continuation = 0;  // levels of statement continuation (0: the line starts a statement)
    size_t parent = 0;        // Block, Visual, Close: the line holding the bracket
    size_t parent_token = 0;  // Visual: the bracket's token on that line
    int context = -1;         // the innermost open bracket at the line start (-1: none)
    Bracket context_kind = Bracket::Block;
    std::vector<int> gap;  // spaces before each token
    std::vector<std::pair<std::string, size_t>> anchors;
    int indent = 0;
    bool code() const { return !source->tokens.empty(); }
};

class Layout {
public:
    explicit Layout(std::vector<SourceLine> source) : source_(std::move(source)) {
        lines_.resize(source_.size());
        for (size_t i = 0; i < source_.size(); ++i) lines_[i].source = &source_[i];
    }

    std::string run() {
        structure();
        find_anchors();
        align();
        indent();
        return emit();
    }

private:
    // Pass 1: brackets, line modes, continuation, and the gaps in each line.
    void structure() {
        std::vector<Open> stack;
        int next_id = 0;
        const Token* previous_last = nullptr;
        for (size_t li = 0; li < lines_.size(); ++li) {
            Line& line = lines_[li];
            const auto& tokens = line.source->tokens;
            if (tokens.empty()) continue;
            if (!stack.empty()) {
                line.context = stack.back().id;
                line.context_kind = stack.back().kind;
            }
            const bool rows = !stack.empty() && (stack.back().kind == Bracket::Match || stack.back().kind == Bracket::Table);
            const bool comma_continues = stack.empty() || rows;
            if (is_closer(tokens[0]) && !stack.empty() && tokens[0].text[0] == closer_of(stack.back().ch)) {
                line.mode = Mode::Close;
                line.parent = stack.back().line;
            } else if (!stack.empty() && stack.back().visual) {
                line.mode = Mode::Visual;
                line.parent = stack.back().line;
                line.parent_token = stack.back().token;
            } else {
                line.mode = stack.empty() ? Mode::Top : Mode::Block;
                if (!stack.empty()) line.parent = stack.back().line;
                const int after = previous_last ? continuation_after(*previous_last, comma_continues) : 0;
                int before = rows ? 0 : continuation_before(tokens[0]);
                // A literal after a comma or an opening bracket is the next
                // element of a list, not a clause.
                if (before && tokens[0].kind != Kind::Punct && tokens[0].kind != Kind::Word && previous_last &&
                    (is_punct(*previous_last, ",") || is_opener(*previous_last)))
                    before = 0;
                // After `=`, `:`, `,` or `=>` a new expression starts: one level,
                // whatever it starts with (`not x`, `-1`).
                line.continuation = after == 1 ? 1 : std::max(after, before);
            }

            // Walk the tokens: gaps and the bracket stack.
            line.gap.assign(tokens.size(), 1);
            line.gap[0] = 0;
            bool pending_match = false;
            size_t match_depth = 0;
            int generic = 0;
            const bool table_line = is_word(tokens[0], "table");
            const bool schema_line = is_word(tokens[0], "schema");
            for (size_t ti = 0; ti < tokens.size(); ++ti) {
                const Token& t = tokens[ti];
                if (ti > 0) line.gap[ti] = gap(tokens, ti, stack, generic);
                if (is_word(t, "match")) {
                    pending_match = true;
                    match_depth = stack.size();
                }
                if (is_opener(t)) {
                    Open open;
                    open.ch = t.text[0];
                    open.line = li;
                    open.token = ti;
                    open.visual = ti + 1 < tokens.size();
                    open.id = next_id++;
                    if (open.ch == '[') {
                        open.kind = Bracket::List;
                    } else if (open.ch == '(') {
                        open.kind = Bracket::Paren;
                    } else if (pending_match && match_depth == stack.size()) {
                        open.kind = Bracket::Match;
                        pending_match = false;
                    } else if (ti > 0 && expects_operand(tokens[ti - 1])) {
                        open.kind = Bracket::Set;
                    } else if (table_line && stack.empty()) {
                        open.kind = Bracket::Table;
                    } else if (schema_line && stack.empty()) {
                        open.kind = Bracket::Schema;
                    }
                    stack.push_back(open);
                } else if (is_closer(t) && !stack.empty() && t.text[0] == closer_of(stack.back().ch)) {
                    stack.pop_back();
                }
            }
            previous_last = &tokens.back();
        }
    }

    // The spaces between tokens[i - 1] and tokens[i].
    int gap(const std::vector<Token>& tokens, size_t i, const std::vector<Open>& stack, int& generic) const {
        const Token& p = tokens[i - 1];
        const Token& t = tokens[i];
        if (is_punct(t, ",") || is_punct(t, ")") || is_punct(t, "]") || is_punct(t, ":") || is_punct(t, "?"))
            return 0;
        if (is_punct(t, "%") && p.kind == Kind::Number) return 0;
        if (is_punct(t, "..") || is_punct(p, "..")) return 0;
        if (is_punct(p, "(") || is_punct(p, "[")) return 0;
        // `-x`: a negation sticks to its operand.
        // Not before a number: `- 5` is a negation where `-5` may read as a
        // signed literal.
        if (is_punct(p, "-") && (i == 1 || expects_operand(tokens[i - 2])) && starts_operand(t) &&
            t.kind != Kind::Number)
            return 0;
        // `f(x)`: a call, not a keyword before a parenthesis.
        if (is_punct(t, "(") && p.kind == Kind::Word && !reserved_words().count(p.text)) return 0;
        // `list<string>`: a type, spelled without spaces.
        if (is_punct(t, "<") && is_word(p, "list")) {
            ++generic;
            return 0;
        }
        if (generic > 0 && is_punct(p, "<")) return 0;
        if (generic > 0 && is_punct(t, ">")) {
            --generic;
            return 0;
        }
        if (is_punct(p, "{")) return open_kind_at(tokens, i - 1, stack) == Bracket::Set ? 0 : 1;
        if (is_punct(t, "}")) return closing_kind(tokens, i, stack) == Bracket::Set ? 0 : 1;
        // Two match arms on one line: `cxo, vp => 1  director => 0.7`.
        if (in_match(tokens, i, stack) && ends_operand(p) && starts_arm(tokens, i)) return 2;
        return 1;
    }

    // The kind the `{` at tokens[i] was given (it is on the stack now, or
    // was closed again on this line: then recompute it the same way).
    static Bracket open_kind_at(const std::vector<Token>& tokens, size_t i, const std::vector<Open>&) {
        return i > 0 && expects_operand(tokens[i - 1]) ? Bracket::Set : Bracket::Block;
    }
    static Bracket closing_kind(const std::vector<Token>& tokens, size_t i, const std::vector<Open>& stack) {
        // Find the matching `{` on this line, if any.
        int depth = 0;
        for (size_t k = i; k-- > 0;) {
            if (is_closer(tokens[k])) ++depth;
            if (is_opener(tokens[k])) {
                if (depth == 0) {
                    if (!is_punct(tokens[k], "{")) return Bracket::Block;
                    return open_kind_at(tokens, k, stack);
                }
                --depth;
            }
        }
        return stack.empty() ? Bracket::Block : stack.back().kind;
    }
    // Whether tokens[i] stands directly inside a match's braces.
    static bool in_match(const std::vector<Token>& tokens, size_t i, const std::vector<Open>& stack) {
        int depth = 0;
        for (size_t k = i; k-- > 0;) {
            if (is_closer(tokens[k])) ++depth;
            if (is_opener(tokens[k])) {
                if (depth == 0) {
                    if (!is_punct(tokens[k], "{")) return false;
                    // `match SUBJECT {`: a `match` earlier on the line at this depth.
                    int d = 0;
                    for (size_t m = k; m-- > 0;) {
                        if (is_closer(tokens[m])) ++d;
                        if (is_opener(tokens[m])) {
                            if (d == 0) return false;
                            --d;
                        }
                        if (d == 0 && is_word(tokens[m], "match")) return true;
                    }
                    return false;
                }
                --depth;
            }
        }
        return !stack.empty() && stack.back().kind == Bracket::Match;
    }
    // Whether tokens[i] starts the next arm: an operand start with an arrow
    // later at the same depth (`else` only right before its arrow).
    static bool starts_arm(const std::vector<Token>& tokens, size_t i) {
        const Token& t = tokens[i];
        if (is_word(t, "else")) return i + 1 < tokens.size() && is_punct(tokens[i + 1], "=>");
        const bool operand = (t.kind == Kind::Word && !is_operator_word(t) && !reserved_words().count(t.text)) ||
                             t.kind == Kind::Number || t.kind == Kind::String || is_word(t, "true") ||
                             is_word(t, "false");
        if (!operand) return false;
        int depth = 0;
        for (size_t k = i + 1; k < tokens.size(); ++k) {
            if (is_opener(tokens[k])) ++depth;
            if (is_closer(tokens[k])) {
                if (depth == 0) return false;
                --depth;
            }
            if (depth == 0 && is_punct(tokens[k], "=>")) return true;
        }
        return false;
    }

    // Pass 2: the alignment anchors of each line that starts a statement.
    void find_anchors() {
        for (auto& line : lines_) {
            if (!line.code() || line.continuation || line.mode == Mode::Visual || line.mode == Mode::Close) continue;
            const auto& tokens = line.source->tokens;
            std::vector<size_t> top;  // indices of the tokens outside brackets opened on this line
            int depth = 0;
            for (size_t i = 0; i < tokens.size(); ++i) {
                if (is_closer(tokens[i]) && depth > 0) --depth;
                if (depth == 0) top.push_back(i);
                if (is_opener(tokens[i])) ++depth;
            }
            auto& anchors = line.anchors;
            auto first_top = [&](auto pred, size_t from) -> size_t {
                for (size_t i : top)
                    if (i >= from && pred(tokens[i])) return i;
                return 0;
            };
            if (line.context_kind == Bracket::Table && line.mode == Mode::Block) {
                for (size_t i : top) {
                    if (is_punct(tokens[i], "|") && i > 0) anchors.push_back({"|", i});
                    if (is_punct(tokens[i], "=>") && i > 0) {
                        anchors.push_back({"=>", i});
                        break;
                    }
                }
            } else if (line.context_kind == Bracket::Match && line.mode == Mode::Block) {
                if (size_t i = first_top([](const Token& t) { return is_punct(t, "=>"); }, 1)) anchors.push_back({"=>", i});
            } else if (is_word(tokens[0], "let")) {
                if (size_t i = first_top([](const Token& t) { return is_punct(t, "="); }, 1)) anchors.push_back({"let", i});
            } else if (line.context_kind == Bracket::Schema && line.mode == Mode::Block && tokens.size() >= 3 &&
                       tokens[0].kind == Kind::Word && is_punct(tokens[1], ":")) {
                anchors.push_back({"type", 2});
                if (size_t i = first_top([](const Token& t) { return is_word(t, "pii") || is_word(t, "from"); }, 3))
                    anchors.push_back({"attr", i});
            } else if (is_word(tokens[0], "route") && tokens.size() >= 3) {
                anchors.push_back({"route", 2});
                const size_t last = tokens.size() - 1;
                if (last >= 3 && tokens[last].kind == Kind::String &&
                    (ends_operand(tokens[last - 1]) || is_word(tokens[last - 1], "otherwise"))) {
                    anchors.push_back({"label", last});
                    line.gap[last] = 2;  // a label stands apart from the condition
                }
            } else if ((is_word(tokens[0], "review") || is_word(tokens[0], "explore")) && tokens.size() >= 2) {
                anchors.push_back({"sample", 1});
            } else if (line.mode == Mode::Block) {
                // Rows of any other block written `… => …` (table-driven
                // test cases, say) align their arrows as match arms do.
                if (size_t i = first_top([](const Token& t) { return is_punct(t, "=>"); }, 1)) anchors.push_back({"=>", i});
            }
        }
    }

    // Column of tokens[i] relative to the line's indentation.
    static int column(const Line& line, size_t i) {
        int col = 0;
        for (size_t k = 0; k < i; ++k)
            col += line.gap[k] + static_cast<int>(display_width(line.source->tokens[k].text));
        return col + line.gap[i];
    }

    // Pass 3: align the anchors of consecutive statements in one block that
    // have the same shape. Continuation lines do not interrupt a group;
    // blank lines, comment lines and other statements do.
    void align() {
        std::vector<size_t> group;
        int context = -2;
        std::string key;
        auto flush = [&] {
            if (group.size() > 1) align_group(group);
            group.clear();
        };
        for (size_t li = 0; li < lines_.size(); ++li) {
            Line& line = lines_[li];
            // Continuation lines and comment lines do not interrupt a group.
            if (line.code() && (line.continuation || line.mode == Mode::Visual)) continue;
            if (!line.code() && line.source->comment) continue;
            if (!line.code() || line.anchors.empty() || line.context != context || line.anchors[0].first != key) {
                flush();
                if (!line.code() || line.anchors.empty()) {
                    context = -2;
                    continue;
                }
                context = line.context;
                key = line.anchors[0].first;
            }
            group.push_back(li);
        }
        flush();
    }

    void align_group(const std::vector<size_t>& group) {
        size_t columns = 0;
        for (size_t li : group) columns = std::max(columns, lines_[li].anchors.size());
        for (size_t j = 0; j < columns; ++j) {
            std::map<std::string, int> target;
            for (size_t li : group) {
                const Line& line = lines_[li];
                if (j >= line.anchors.size()) continue;
                const auto& [kind, token] = line.anchors[j];
                target[kind] = std::max(target[kind], column(line, token));
            }
            for (size_t li : group) {
                Line& line = lines_[li];
                if (j >= line.anchors.size()) continue;
                const auto& [kind, token] = line.anchors[j];
                line.gap[token] += target[kind] - column(line, token);
            }
        }
    }

    // Pass 4: indentation, in order (a visual line needs its bracket's column).
    void indent() {
        for (auto& line : lines_) {
            if (!line.code()) continue;
            switch (line.mode) {
                case Mode::Top: line.indent = 2 * line.continuation; break;
                case Mode::Block: line.indent = lines_[line.parent].indent + 2 + 2 * line.continuation; break;
                case Mode::Close: line.indent = lines_[line.parent].indent; break;
                case Mode::Visual: {
                    const Line& parent = lines_[line.parent];
                    line.indent = parent.indent + column(parent, line.parent_token + 1);
                    break;
                }
            }
        }
        // A comment line takes the indentation of the code after it (inside a
        // block that closes next, the block's).
        int next = 0;
        for (size_t li = lines_.size(); li-- > 0;) {
            Line& line = lines_[li];
            if (line.code()) {
                next = line.mode == Mode::Close ? line.indent + 2 : line.indent;
            } else if (line.source->comment) {
                line.indent = next;
            }
        }
    }

    std::string emit() {
        std::vector<std::string> text(lines_.size());
        for (size_t li = 0; li < lines_.size(); ++li) {
            const Line& line = lines_[li];
            if (!line.code()) continue;
            std::string out(line.indent, ' ');
            for (size_t i = 0; i < line.source->tokens.size(); ++i)
                out += std::string(line.gap[i], ' ') + line.source->tokens[i].text;
            text[li] = std::move(out);
        }
        // Trailing comments of consecutive lines share a column, two spaces
        // after the longest code among them.
        for (size_t li = 0; li < lines_.size();) {
            if (!lines_[li].code() || !lines_[li].source->comment) {
                ++li;
                continue;
            }
            size_t end = li;
            size_t width = 0;
            while (end < lines_.size() && lines_[end].code() && lines_[end].source->comment) {
                width = std::max(width, display_width(text[end]));
                ++end;
            }
            for (size_t k = li; k < end; ++k)
                text[k] += std::string(width + 2 - display_width(text[k]), ' ') + *lines_[k].source->comment;
            li = end;
        }
        for (size_t li = 0; li < lines_.size(); ++li)
            if (!lines_[li].code() && lines_[li].source->comment)
                text[li] = std::string(lines_[li].indent, ' ') + *lines_[li].source->comment;

        // Blank lines: at most one in a row, none at either end of the file,
        // none just inside a bracket.
        std::string out;
        bool pending_blank = false;
        bool after_open = true;  // the start of the file counts as one
        for (size_t li = 0; li < lines_.size(); ++li) {
            const Line& line = lines_[li];
            if (line.source->blank()) {
                pending_blank = !after_open;
                continue;
            }
            if (pending_blank && !(line.code() && line.mode == Mode::Close)) out += "\n";
            pending_blank = false;
            out += text[li];
            out += "\n";
            after_open = line.code() && is_opener(line.source->tokens.back()) && !line.source->comment;
        }
        return out;
    }

    std::vector<SourceLine> source_;
    std::vector<Line> lines_;
};

}  // namespace

std::string format_source(std::string_view source) { return Layout(tokenize(source)).run(); }

}  // namespace qualify::format
