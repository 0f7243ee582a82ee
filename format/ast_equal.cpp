// The span-blind AST comparison. Each node type has one compare function
// that names the member that differs, so a failing round trip says where.
#include "format/ast_equal.hpp"

#include <optional>
#include <vector>

namespace qualify::format {

namespace {

using namespace ast;

struct Compare {
    std::string where;  // set at the first difference

    bool differ(const std::string& path) {
        if (where.empty()) where = path;
        return false;
    }

    template <typename T>
    bool value(const T& a, const T& b, const std::string& path) {
        return a == b || differ(path);
    }

    template <typename T, typename F>
    bool list(const std::vector<T>& a, const std::vector<T>& b, const std::string& path, F each) {
        if (a.size() != b.size()) return differ(path + ".size");
        for (size_t i = 0; i < a.size(); ++i)
            if (!each(a[i], b[i], path + "[" + std::to_string(i) + "]")) return false;
        return true;
    }

    template <typename T, typename F>
    bool optional(const std::optional<T>& a, const std::optional<T>& b, const std::string& path, F each) {
        if (a.has_value() != b.has_value()) return differ(path);
        return !a || each(*a, *b, path);
    }

    bool type(const TypeExpr& a, const TypeExpr& b, const std::string& p) {
        if (!value(a.base, b.base, p + ".base") || !value(a.enum_values, b.enum_values, p + ".enum_values")) return false;
        if (!!a.element != !!b.element) return differ(p + ".element");
        return !a.element || type(*a.element, *b.element, p + ".element");
    }

    bool expr(const ExprPtr& a, const ExprPtr& b, const std::string& p) {
        if (!a || !b) return (!a && !b) || differ(p);
        return value(a->kind, b->kind, p + ".kind") && value(a->text, b->text, p + ".text") &&
               value(a->path, b->path, p + ".path") && value(a->arg_names, b->arg_names, p + ".arg_names") &&
               list(a->args, b->args, p + ".args", [this](auto& x, auto& y, auto q) { return expr(x, y, q); }) &&
               list(a->arms, b->arms, p + ".arms", [this](auto& x, auto& y, auto q) { return arm(x, y, q); });
    }

    bool unary(const UnaryTest& x, const UnaryTest& y, const std::string& q) {
        return value(x.kind, y.kind, q + ".kind") && value(x.op, y.op, q + ".op") &&
               expr(x.value, y.value, q + ".value") && expr(x.high, y.high, q + ".high");
    }

    bool arm(const MatchArm& a, const MatchArm& b, const std::string& p) {
        return value(a.is_else, b.is_else, p + ".is_else") && expr(a.result, b.result, p + ".result") &&
               list(a.tests, b.tests, p + ".tests", [this](auto& x, auto& y, auto q) { return unary(x, y, q); });
    }

    bool table(const Table& a, const Table& b, const std::string& p) {
        auto exprs = [this](auto& x, auto& y, auto q) { return expr(x, y, q); };
        return value(a.name, b.name, p + ".name") && value(a.hit, b.hit, p + ".hit") &&
               value(a.label, b.label, p + ".label") && list(a.inputs, b.inputs, p + ".inputs", exprs) &&
               value(a.outputs, b.outputs, p + ".outputs") &&
               list(a.rows, b.rows, p + ".rows", [this, exprs](auto& x, auto& y, auto q) {
                   return list(x.inputs, y.inputs, q + ".inputs",
                               [this](auto& c, auto& d, auto r) {
                                   return value(c.any, d.any, r + ".any") && (c.any || unary(c.test, d.test, r + ".test"));
                               }) &&
                          list(x.outputs, y.outputs, q + ".outputs", exprs);
               });
    }

    bool given(const std::vector<Given>& a, const std::vector<Given>& b, const std::string& p) {
        return list(a, b, p, [this](auto& x, auto& y, auto q) {
            return value(x.field, y.field, q + ".field") && expr(x.value, y.value, q + ".value");
        });
    }

    bool expects(const std::vector<Expect>& a, const std::vector<Expect>& b, const std::string& p) {
        return list(a, b, p, [this](auto& x, auto& y, auto q) {
            return value(x.kind, y.kind, q + ".kind") && value(x.name, y.name, q + ".name") &&
                   value(x.op, y.op, q + ".op") && value(x.number, y.number, q + ".number") &&
                   value(x.high, y.high, q + ".high") && expr(x.value, y.value, q + ".value");
        });
    }

    bool criterion(const Criterion& a, const Criterion& b, const std::string& p) {
        return value(a.code, b.code, p + ".code") && value(a.weight, b.weight, p + ".weight") &&
               value(a.label, b.label, p + ".label") && expr(a.fit, b.fit, p + ".fit");
    }

    bool escalate(const Escalate& a, const Escalate& b, const std::string& p) {
        return value(a.code, b.code, p + ".code") && expr(a.when, b.when, p + ".when") &&
               value(a.reason, b.reason, p + ".reason");
    }

    bool sample(const Sample& a, const Sample& b, const std::string& p) {
        return value(a.percent, b.percent, p + ".percent") && value(a.of, b.of, p + ".of") &&
               value(a.as, b.as, p + ".as");
    }

    bool names(const NameList& a, const NameList& b, const std::string& p) { return value(a.names, b.names, p + ".names"); }

    bool test(const Test& a, const Test& b, const std::string& p) {
        return value(a.name, b.name, p + ".name") && expr(a.as_of, b.as_of, p + ".as_of") &&
               value(a.fixtures, b.fixtures, p + ".fixtures") && given(a.given, b.given, p + ".given") &&
               expects(a.expects, b.expects, p + ".expects") &&
               list(a.rows, b.rows, p + ".rows", [this](auto& x, auto& y, auto q) {
                   return value(x.source.fixtures, y.source.fixtures, q + ".fixtures") &&
                          given(x.source.given, y.source.given, q + ".given") &&
                          expects(x.expects, y.expects, q + ".expects");
               });
    }

    bool rulebook(const Rulebook& a, const Rulebook& b) {
        const auto& sa = a.schema;
        const auto& sb = b.schema;
        return value(a.name, b.name, "name") && value(a.version, b.version, "version") &&
               value(sa.name, sb.name, "schema.name") &&
               value(sa.unknown_values, sb.unknown_values, "schema.unknown_values") &&
               list(sa.fields, sb.fields, "schema.fields",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.name, y.name, q + ".name") && type(x.type, y.type, q + ".type") &&
                               value(x.optional, y.optional, q + ".optional") && value(x.pii, y.pii, q + ".pii") &&
                               value(x.from, y.from, q + ".from");
                    }) &&
               list(a.lets, b.lets, "lets",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.name, y.name, q + ".name") && expr(x.value, y.value, q + ".value");
                    }) &&
               list(a.disqualifiers, b.disqualifiers, "disqualifiers",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.code, y.code, q + ".code") && expr(x.when, y.when, q + ".when") &&
                               value(x.reason, y.reason, q + ".reason");
                    }) &&
               list(a.criteria, b.criteria, "criteria",
                    [this](auto& x, auto& y, auto q) { return criterion(x, y, q); }) &&
               list(a.models, b.models, "models",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.name, y.name, q + ".name") && value(x.path, y.path, q + ".path") &&
                               value(x.features, y.features, q + ".features");
                    }) &&
               expr(a.score, b.score, "score") && expr(a.confidence, b.confidence, "confidence") &&
               list(a.motions, b.motions, "motions",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.name, y.name, q + ".name") && expr(x.when, y.when, q + ".when") &&
                               list(x.criteria, y.criteria, q + ".criteria",
                                    [this](auto& c, auto& d, auto r) { return criterion(c, d, r); }) &&
                               list(x.weights, y.weights, q + ".weights",
                                    [this](auto& c, auto& d, auto r) {
                                        return value(c.code, d.code, r + ".code") &&
                                               value(c.weight, d.weight, r + ".weight");
                                    }) &&
                               list(x.disables, y.disables, q + ".disables",
                                    [this](auto& c, auto& d, auto r) { return value(c.code, d.code, r + ".code"); }) &&
                               list(x.escalations, y.escalations, q + ".escalations",
                                    [this](auto& c, auto& d, auto r) { return escalate(c, d, r); });
                    }) &&
               list(a.escalations, b.escalations, "escalations",
                    [this](auto& x, auto& y, auto q) { return escalate(x, y, q); }) &&
               list(a.routes, b.routes, "routes",
                    [this](auto& x, auto& y, auto q) {
                        return value(x.name, y.name, q + ".name") && expr(x.when, y.when, q + ".when") &&
                               value(x.label, y.label, q + ".label") && value(x.action, y.action, q + ".action") &&
                               list(x.assigns, y.assigns, q + ".assigns", [this](auto& c, auto& d, auto r) {
                                   return value(c.name, d.name, r + ".name") && expr(c.value, d.value, r + ".value");
                               });
                    }) &&
               list(a.tables, b.tables, "tables", [this](auto& x, auto& y, auto q) { return table(x, y, q); }) &&
               optional(a.qualified_routes, b.qualified_routes, "qualified_routes",
                        [this](auto& x, auto& y, auto q) { return names(x, y, q); }) &&
               list(a.reviews, b.reviews, "reviews", [this](auto& x, auto& y, auto q) { return sample(x, y, q); }) &&
               list(a.explores, b.explores, "explores", [this](auto& x, auto& y, auto q) { return sample(x, y, q); }) &&
               optional(a.rejection_reasons, b.rejection_reasons, "rejection_reasons",
                        [this](auto& x, auto& y, auto q) { return names(x, y, q); }) &&
               optional(a.dedupe, b.dedupe, "dedupe",
                        [this](auto& x, auto& y, auto q) {
                            return list(x.keys, y.keys, q + ".keys",
                                        [this](auto& c, auto& d, auto r) { return expr(c, d, r); });
                        }) &&
               list(a.tests, b.tests, "tests", [this](auto& x, auto& y, auto q) { return test(x, y, q); }) &&
               list(a.fixtures, b.fixtures, "fixtures", [this](auto& x, auto& y, auto q) {
                   return value(x.name, y.name, q + ".name") && given(x.given, y.given, q + ".given");
               });
    }
};

}  // namespace

std::string ast_difference(const ast::Rulebook& a, const ast::Rulebook& b) {
    Compare c;
    if (c.rulebook(a, b)) return "";
    return c.where.empty() ? "rulebook" : c.where;
}

}  // namespace qualify::format
