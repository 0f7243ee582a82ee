// The PEGTL control class of the grammar: turns a failed must<> into a
// SyntaxError carrying the entry of errors.hpp (and refuses to compile a
// must<> without one), refines the diagnostic code where the input tells
// more (a keyword used as a name, the end of the file), and bounds how
// deeply expressions and types may nest so that no input exhausts the stack.
#pragma once

#include "errors.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace qualify::grammar {

// A parse error, positioned and worded for the author. The parser turns it
// into one Diagnostic.
struct SyntaxError : std::runtime_error {
    DiagnosticCode code;
    std::string help;
    uint32_t line;
    uint32_t column;

    SyntaxError(DiagnosticCode c, std::string message, std::string h, uint32_t l, uint32_t col)
        : std::runtime_error(std::move(message)), code(c), help(std::move(h)), line(l), column(col) {}
};

// Nesting beyond this is refused with a diagnostic. Real rulebooks stay far
// below it; without a bound, a file of ten thousand `(` would overflow the
// parser's stack.
inline constexpr int max_nesting = 64;

struct ParseState {
    int depth = 0;
};

// PEGTL's parse tree calls the control's start/success/failure only for the
// rules it keeps as nodes, so actions.hpp selects these (as transparent
// nodes that vanish again).
template <typename Rule>
inline constexpr bool is_nesting =
    std::is_base_of_v<rules::expr<false>, Rule> || std::is_base_of_v<rules::expr<true>, Rule> ||
    std::is_base_of_v<rules::match_expr, Rule> || std::is_base_of_v<rules::type_expr, Rule>;

// Builds the SyntaxError for an entry of errors.hpp at the input's position.
// `rest` is the unparsed input from the error point on.
SyntaxError make_syntax_error(const ErrorText& text, std::string_view rest, uint32_t line, uint32_t column);

template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
    template <typename ParseInput>
    static void start(const ParseInput& in, ParseState& state) {
        if constexpr (is_nesting<Rule>) {
            if (++state.depth > max_nesting) {
                const auto p = in.position();
                throw SyntaxError(DiagnosticCode::Q001, "this expression is nested too deeply",
                                  "split it up with `let` constants", static_cast<uint32_t>(p.line),
                                  static_cast<uint32_t>(p.column));
            }
        }
    }
    template <typename ParseInput>
    static void success(const ParseInput& /*in*/, ParseState& state) {
        if constexpr (is_nesting<Rule>) --state.depth;
    }
    template <typename ParseInput>
    static void failure(const ParseInput& /*in*/, ParseState& state) {
        if constexpr (is_nesting<Rule>) --state.depth;
    }

    template <typename ParseInput, typename... States>
    [[noreturn]] static void raise(const ParseInput& in, States&&... /*state*/) {
        static_assert(error_message<Rule>.message != nullptr,
                      "this must<> point has no message: add one to grammar/errors.hpp");
        const auto p = in.position();
        throw make_syntax_error(error_message<Rule>, std::string_view(in.current(), in.size()),
                                static_cast<uint32_t>(p.line), static_cast<uint32_t>(p.column));
    }
};

}  // namespace qualify::grammar
