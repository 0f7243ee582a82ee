// Helpers shared by the grammar's unit tests: parse a snippet inside a
// minimal rulebook, print an expression as an S-expression so precedence
// can be asserted in one line, and read files under tests/data.
#pragma once

#include "grammar/parser.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace qualify::testing {

inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(QUALIFY_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline constexpr const char* minimal_header = "rulebook \"t\" version \"1\"\nschema lead { id: string }\n";

inline ParseResult parse_snippet(const std::string& body) {
    return parse_rulebook(std::string(minimal_header) + body, "t.qual");
}

inline std::string sx(const ast::Expr& e);

inline std::string sx_test(const ast::UnaryTest& t) {
    using K = ast::UnaryTest::Kind;
    switch (t.kind) {
        case K::Equals: return sx(*t.value);
        case K::In: return "in " + sx(*t.value);
        case K::NotIn: return "not in " + sx(*t.value);
        case K::Compare: return t.op + " " + sx(*t.value);
        case K::Range: return sx(*t.value) + ".." + sx(*t.high);
    }
    return "?";
}

// (op a b) for operators, name(args) for calls, {..} and [..] for sets and
// lists, "…" for strings, a.b for names.
inline std::string sx(const ast::Expr& e) {
    using K = ast::Expr::Kind;
    auto join = [](const std::vector<ast::ExprPtr>& args, const std::vector<std::string>* names) {
        std::string s;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) s += ", ";
            if (names && !(*names)[i].empty()) s += (*names)[i] + ": ";
            s += sx(*args[i]);
        }
        return s;
    };
    switch (e.kind) {
        case K::Number:
        case K::Bool: return e.text;
        case K::String: return "\"" + e.text + "\"";
        case K::Null: return "null";
        case K::Name: {
            std::string s;
            for (const auto& p : e.path) s += (s.empty() ? "" : ".") + p;
            return s;
        }
        case K::Set: return "{" + join(e.args, nullptr) + "}";
        case K::List: return "[" + join(e.args, nullptr) + "]";
        case K::Unary: return "(" + e.text + " " + sx(*e.args[0]) + ")";
        case K::Binary: return "(" + e.text + " " + sx(*e.args[0]) + " " + sx(*e.args[1]) + ")";
        case K::Call: return e.text + "(" + join(e.args, &e.arg_names) + ")";
        case K::Range: return sx(*e.args[0]) + ".." + sx(*e.args[1]);
        case K::If: return "(if " + sx(*e.args[0]) + " " + sx(*e.args[1]) + " " + sx(*e.args[2]) + ")";
        case K::Quantifier: return "(" + e.text + " " + e.path[0] + " " + sx(*e.args[0]) + " " + sx(*e.args[1]) + ")";
        case K::Match: {
            std::string s = "(match " + sx(*e.args[0]);
            for (const auto& arm : e.arms) {
                s += " [";
                if (arm.is_else) s += "else";
                for (std::size_t i = 0; i < arm.tests.size(); ++i) s += (i ? ", " : "") + sx_test(arm.tests[i]);
                s += " => " + sx(*arm.result) + "]";
            }
            return s + ")";
        }
    }
    return "?";
}

// The S-expression of `let e = TEXT`, or the first diagnostic's message.
inline std::string expr_sx(const std::string& text) {
    auto r = parse_snippet("let e = " + text + "\n");
    if (!r.rulebook) return "error: " + (r.diagnostics.empty() ? std::string() : r.diagnostics[0].message);
    return sx(*r.rulebook->lets.at(0).value);
}

}  // namespace qualify::testing
