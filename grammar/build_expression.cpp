// Builds AST expressions from parse-tree nodes: folds the flat operator
// chains of each precedence level to the left, applies prefix operators,
// decodes string literals and assembles calls, sets, lists and matches.
#include "build.hpp"
#include "utf8.hpp"

#include <stdexcept>

namespace qualify::grammar {

namespace {

using ast::Expr;
using ast::ExprPtr;

// Bounds the depth of the built tree: a left-folded chain of a thousand
// `+` is as deep as a thousand nested parentheses, and every later stage
// walks the tree recursively.
constexpr int max_tree_depth = 256;

ExprPtr make(Expr::Kind kind, const Node& at) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->span = span_of(at);
    return e;
}

[[noreturn]] void too_deep(const Node& at) {
    const auto s = span_of(at);
    throw SyntaxError(DiagnosticCode::Q001, "this expression is nested too deeply",
                      "split it up with `let` constants", s.line, s.column);
}

// The operator as the AST spells it: `not   in` becomes `not in`.
std::string operator_text(const Node& op) {
    std::string out;
    bool space = false;
    for (char c : op.string_view()) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

class ExpressionBuilder {
public:
    ExprPtr build(const Node& n, int depth) {
        if (depth > max_tree_depth) too_deep(n);
        switch (n.kind) {
            case NodeKind::Chain: return chain(n, depth);
            case NodeKind::Prefix: return prefix(n, depth);
            case NodeKind::If: {
                auto e = make(Expr::Kind::If, n);
                for (std::size_t i = 0; i < 3; ++i) e->args.push_back(build(child(n, i), depth + 1));
                return e;
            }
            case NodeKind::Number: {
                auto e = make(Expr::Kind::Number, n);
                e->text = n.string();
                return e;
            }
            case NodeKind::String:
            case NodeKind::RawString: {
                auto e = make(Expr::Kind::String, n);
                e->text = string_value(n);
                return e;
            }
            case NodeKind::BoolLit: {
                auto e = make(Expr::Kind::Bool, n);
                e->text = n.string();
                return e;
            }
            case NodeKind::NullLit: return make(Expr::Kind::Null, n);
            case NodeKind::NamePath: {
                auto e = make(Expr::Kind::Name, n);
                for (const auto& s : n.children) e->path.push_back(s->string());
                return e;
            }
            case NodeKind::Set:
            case NodeKind::List: {
                auto e = make(n.kind == NodeKind::Set ? Expr::Kind::Set : Expr::Kind::List, n);
                for (const auto& c : n.children) e->args.push_back(build(*c, depth + 1));
                return e;
            }
            case NodeKind::Call: return call(n, depth);
            case NodeKind::Match: return match(n, depth);
            case NodeKind::Quantifier: {
                auto e = make(Expr::Kind::Quantifier, n);
                e->text = child(n, 0).string();
                e->path.push_back(child(n, 1).string());
                e->args.push_back(build(child(n, 2), depth + 1));
                e->args.push_back(build(child(n, 3), depth + 1));
                return e;
            }
            default: throw std::logic_error("parse tree: unexpected node in an expression");
        }
    }

private:
    ExprPtr chain(const Node& n, int depth) {
        // Operands and operators alternate; left-associative, so each
        // operator takes everything before it as its left operand. The
        // left spine grows one level per operator.
        const std::size_t count = n.children.size();
        if (count % 2 == 0) throw std::logic_error("parse tree: operator chain of even length");
        if (static_cast<int>(count / 2) + depth > max_tree_depth) too_deep(n);
        ExprPtr left = build(child(n, 0), depth + static_cast<int>(count / 2));
        for (std::size_t i = 1; i + 1 < count; i += 2) {
            auto e = make(Expr::Kind::Binary, n);
            e->span = left->span;
            e->text = operator_text(child(n, i));
            e->args.push_back(std::move(left));
            e->args.push_back(build(child(n, i + 1), depth + static_cast<int>(count / 2)));
            left = std::move(e);
        }
        return left;
    }

    ExprPtr prefix(const Node& n, int depth) {
        if (n.children.empty()) throw std::logic_error("parse tree: empty prefix node");
        const std::size_t ops = n.children.size() - 1;
        if (static_cast<int>(ops) + depth > max_tree_depth) too_deep(n);
        ExprPtr operand = build(*n.children.back(), depth + static_cast<int>(ops));
        for (std::size_t i = ops; i-- > 0;) {
            const Node& op = child(n, i);
            const std::string text = operator_text(op);
            // `-10` is a negative literal, not a negation: later stages see
            // the number as written, just as a criterion's weight.
            if (text == "-" && operand->kind == Expr::Kind::Number && operand->text[0] != '-') {
                operand->text.insert(0, "-");
                operand->span = span_of(op);
                continue;
            }
            auto e = make(Expr::Kind::Unary, op);
            e->text = text;
            e->args.push_back(std::move(operand));
            operand = std::move(e);
        }
        return operand;
    }

    ExprPtr call(const Node& n, int depth) {
        auto e = make(Expr::Kind::Call, n);
        e->text = child(n, 0).string();
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const Node& arg = *n.children[i];
            std::size_t at = 0;
            std::string name;
            if (child(arg, 0).kind == NodeKind::ArgName) {
                name = arg.children[0]->string();
                at = 1;
            }
            ExprPtr value = build(child(arg, at), depth + 1);
            if (arg.children.size() > at + 1) {
                auto range = make(Expr::Kind::Range, child(arg, at));
                range->args.push_back(std::move(value));
                range->args.push_back(build(child(arg, at + 1), depth + 1));
                value = std::move(range);
            }
            e->args.push_back(std::move(value));
            e->arg_names.push_back(std::move(name));
        }
        return e;
    }

    ExprPtr match(const Node& n, int depth) {
        auto e = make(Expr::Kind::Match, n);
        e->args.push_back(build(child(n, 0), depth + 1));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const Node& arm_node = *n.children[i];
            ast::MatchArm arm;
            arm.span = span_of(arm_node);
            arm.is_else = arm_node.kind == NodeKind::ElseArm;
            const std::size_t tests = arm_node.children.size() - 1;
            for (std::size_t t = 0; t < tests; ++t) arm.tests.push_back(unary_test(child(arm_node, t), depth));
            arm.result = build(child(arm_node, tests), depth + 1);
            e->arms.push_back(std::move(arm));
        }
        return e;
    }

public:
    ast::UnaryTest unary_test(const Node& n, int depth) {
        using K = ast::UnaryTest::Kind;
        ast::UnaryTest test;
        test.span = span_of(n);
        switch (n.kind) {
            case NodeKind::TestEquals:
                test.kind = K::Equals;
                test.value = build(child(n, 0), depth + 1);
                break;
            case NodeKind::TestIn:
            case NodeKind::TestNotIn:
                test.kind = n.kind == NodeKind::TestIn ? K::In : K::NotIn;
                test.value = build(child(n, 0), depth + 1);
                break;
            case NodeKind::TestCompare:
                test.kind = K::Compare;
                test.op = operator_text(child(n, 0));
                test.value = build(child(n, 1), depth + 1);
                break;
            case NodeKind::TestRange:
                test.kind = K::Range;
                test.value = build(child(n, 0), depth + 1);
                test.high = build(child(n, 1), depth + 1);
                break;
            default: throw std::logic_error("parse tree: unexpected node in a match arm");
        }
        return test;
    }
};

uint32_t hex4(std::string_view s) {
    uint32_t v = 0;
    for (char c : s.substr(0, 4)) {
        v <<= 4;
        if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
        else v |= static_cast<uint32_t>(c - 'A' + 10);
    }
    return v;
}

}  // namespace

ast::Span span_of(const Node& n) {
    const auto p = n.begin();
    return ast::Span{static_cast<uint32_t>(p.line), static_cast<uint32_t>(p.column), static_cast<uint32_t>(p.byte)};
}

const Node& child(const Node& n, std::size_t i) {
    if (i >= n.children.size() || !n.children[i]) throw std::logic_error("parse tree: missing child");
    return *n.children[i];
}

std::string string_value(const Node& n) {
    const std::string_view raw = n.string_view();
    if (n.kind == NodeKind::RawString) return std::string(raw.substr(2, raw.size() - 3));
    // The grammar has checked every escape; only surrogates need pairing.
    const std::string_view body = raw.substr(1, raw.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\') {
            out += body[i];
            continue;
        }
        const std::size_t at = i;
        const char c = body[++i];
        switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = hex4(body.substr(i + 1));
                i += 4;
                bool ok = cp < 0xD800 || cp > 0xDFFF;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < body.size() + 0 && body[i + 1] == '\\' &&
                    body[i + 2] == 'u') {
                    const uint32_t low = hex4(body.substr(i + 3));
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                        ok = true;
                    }
                }
                if (!ok) {
                    const auto s = span_of(n);
                    // Strings never span lines, so the escape's column is
                    // the string's column plus its offset.
                    throw SyntaxError(DiagnosticCode::Q002,
                                      "invalid escape in string: `\\u" + std::string(body.substr(at + 2, 4)) +
                                          "` is half of a surrogate pair",
                                      "write the character itself, or both halves: `\\uD83D\\uDE00`", s.line,
                                      s.column + 1 + static_cast<uint32_t>(at));
                }
                append_utf8(out, cp);
                break;
            }
            default: out += c; break;  // `\"` and `\\`
        }
    }
    return out;
}

ast::ExprPtr build_expression(const Node& n) {
    ExpressionBuilder builder;
    return builder.build(n, 0);
}

}  // namespace qualify::grammar

namespace qualify::grammar {

ast::UnaryTest build_unary_test(const Node& n) {
    ExpressionBuilder builder;
    return builder.unary_test(n, 0);
}

}  // namespace qualify::grammar
