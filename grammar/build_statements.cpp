// Builds the AST's statements from the parse tree: the header, the schema,
// every top-level item, motions and test blocks. The grammar fixes each
// statement's shape, so this reads children by position; optional parts
// are told apart by their node kind.
#include "build.hpp"

#include <stdexcept>

namespace qualify::grammar {

namespace {

using K = NodeKind;

bool has(const Node& n, std::size_t i, NodeKind kind) {
    return i < n.children.size() && n.children[i]->kind == kind;
}

std::string name_of(const Node& n) { return n.string(); }

ast::TypeExpr type_of(const Node& n) {
    ast::TypeExpr t;
    t.span = span_of(n);
    switch (n.kind) {
        case K::TypeSimple: {
            const std::string s = n.string();
            using B = ast::TypeExpr::Base;
            t.base = s == "string" ? B::String : s == "int" ? B::Int : s == "decimal" ? B::Decimal : s == "bool" ? B::Bool : B::Date;
            break;
        }
        case K::TypeEnum:
            t.base = ast::TypeExpr::Base::Enum;
            for (const auto& v : n.children) t.enum_values.push_back(v->string());
            break;
        case K::TypeList:
            t.base = ast::TypeExpr::Base::List;
            t.element = std::make_unique<ast::TypeExpr>(type_of(child(n, 0)));
            break;
        default: throw std::logic_error("parse tree: unexpected node in a type");
    }
    return t;
}

ast::FieldDecl field_of(const Node& n) {
    ast::FieldDecl f;
    f.span = span_of(n);
    f.name = child(n, 0).string();
    f.type = type_of(child(n, 1));
    for (std::size_t i = 2; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        if (c.kind == K::Optional) f.optional = true;
        else if (c.kind == K::Pii) f.pii = true;
        else if (c.kind == K::From) f.from = string_value(child(c, 0));
    }
    return f;
}

ast::Schema schema_of(const Node& n) {
    ast::Schema s;
    s.span = span_of(n);
    s.name = name_of(child(n, 0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        if (c.kind == K::UnknownValues) {
            for (const auto& v : c.children) s.unknown_values.push_back(string_value(*v));
        } else {
            s.fields.push_back(field_of(c));
        }
    }
    return s;
}

ast::Criterion criterion_of(const Node& n) {
    ast::Criterion c;
    c.span = span_of(n);
    c.code = name_of(child(n, 0));
    c.weight = child(n, 1).string();
    std::size_t at = 2;
    if (has(n, at, K::String)) c.label = string_value(child(n, at++));
    c.fit = build_expression(child(n, at));
    return c;
}

// `escalate CODE [when EXPR] reason "text"`, at the top level or in a motion.
ast::Escalate escalate_of(const Node& n) {
    ast::Escalate e;
    e.span = span_of(n);
    e.code = name_of(child(n, 0));
    std::size_t at = 1;
    if (n.children.size() == 3) e.when = build_expression(child(n, at++));
    e.reason = string_value(child(n, at));
    return e;
}

ast::Motion motion_of(const Node& n) {
    ast::Motion m;
    m.span = span_of(n);
    m.name = name_of(child(n, 0));
    m.when = build_expression(child(n, 1));
    for (std::size_t i = 2; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        switch (c.kind) {
            case K::Criterion: m.criteria.push_back(criterion_of(c)); break;
            case K::WeightOverride:
                m.weights.push_back({name_of(child(c, 0)), child(c, 1).string(), span_of(c)});
                break;
            case K::Disable: m.disables.push_back({name_of(child(c, 0)), span_of(c)}); break;
            case K::Escalate: m.escalations.push_back(escalate_of(c)); break;
            default: throw std::logic_error("parse tree: unexpected node in a motion");
        }
    }
    return m;
}

ast::Route route_of(const Node& n) {
    ast::Route r;
    r.span = span_of(n);
    r.name = name_of(child(n, 0));
    if (child(n, 1).kind != K::Otherwise) r.when = build_expression(child(n, 1));
    for (std::size_t i = 2; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        if (c.kind == K::Action) r.action = string_value(child(c, 0));
        else if (c.kind == K::AssignEntry)
            r.assigns.push_back({name_of(child(c, 0)), build_expression(child(c, 1)), span_of(c)});
        else r.label = string_value(c);
    }
    return r;
}

ast::NameList name_list_of(const Node& n) {
    ast::NameList l;
    l.span = span_of(n);
    for (const auto& c : n.children) {
        l.names.push_back(name_of(*c));
        l.spans.push_back(span_of(*c));
    }
    return l;
}

ast::Sample sample_of(const Node& n) {
    ast::Sample s;
    s.span = span_of(n);
    s.percent = child(n, 0).string();
    s.of = name_of(child(n, 1));
    s.of_span = span_of(child(n, 1));
    if (n.children.size() > 2) {
        s.as = name_of(child(n, 2));
        s.as_span = span_of(child(n, 2));
    }
    return s;
}

ast::Model model_of(const Node& n) {
    ast::Model m;
    m.span = span_of(n);
    m.name = name_of(child(n, 0));
    m.path = string_value(child(n, 1));
    if (has(n, 2, K::Features)) {
        for (const auto& f : n.children[2]->children) {
            m.features.push_back(f->string());
            m.feature_spans.push_back(span_of(*f));
        }
    }
    return m;
}

ast::Expect expect_of(const Node& n) {
    using E = ast::Expect::Kind;
    ast::Expect e;
    e.span = span_of(n);
    switch (n.kind) {
        case K::ExpectRoute: e.kind = E::Route; break;
        case K::ExpectScore: e.kind = E::Score; break;
        case K::ExpectConfidence: e.kind = E::Confidence; break;
        case K::ExpectDisqualified: e.kind = E::Disqualified; break;
        case K::ExpectNotDisqualified: e.kind = E::NotDisqualified; break;
        case K::ExpectReason: e.kind = E::Reason; break;
        case K::ExpectTopReason: e.kind = E::TopReason; break;
        case K::ExpectEscalation: e.kind = E::Escalation; break;
        case K::ExpectNoEscalation: e.kind = E::NoEscalation; break;
        case K::ExpectMotion: e.kind = E::Motion; break;
        case K::ExpectUnknown: e.kind = E::Unknown; break;
        case K::ExpectReview: e.kind = E::Review; break;
        case K::ExpectExplore: e.kind = E::Explore; break;
        case K::ExpectError: e.kind = E::Error; break;
        case K::ExpectAssigned:
            e.kind = E::Assigned;
            e.name = child(n, 0).string();
            e.value = build_expression(child(child(n, 1), 0));
            return e;
        default: throw std::logic_error("parse tree: unexpected node in a test");
    }
    if ((e.kind == E::Score || e.kind == E::Confidence) && child(n, 0).kind == K::ExpectRange) {
        e.op = "in";
        e.number = child(child(n, 0), 0).string();
        e.high = child(child(n, 0), 1).string();
    } else if (e.kind == E::Score || e.kind == E::Confidence) {
        e.op = child(n, 0).string();
        e.number = child(n, 1).string();
    } else if (e.kind == E::Error) {
        if (!n.children.empty()) e.name = string_value(child(n, 0));
    } else if (!n.children.empty()) {
        e.name = child(n, 0).string();
    }
    return e;
}

// A statement that may appear once: the second one would silently replace
// the first, so it is an error.
[[noreturn]] void once_only(const Node& n, const std::string& what, const std::string& help) {
    const auto s = span_of(n);
    throw SyntaxError(DiagnosticCode::Q105, what + " is given twice", help, s.line, s.column);
}

// A given part (fixture names, entries) of a `given`, a row or a fixture.
bool given_part(const Node& c, std::vector<std::string>& fixtures, std::vector<ast::Span>& spans,
                std::vector<ast::Given>& given) {
    if (c.kind == K::Name) {
        fixtures.push_back(c.string());
        spans.push_back(span_of(c));
        return true;
    }
    if (c.kind == K::GivenEntry) {
        given.push_back({child(c, 0).string(), build_expression(child(c, 1)), span_of(c)});
        return true;
    }
    return false;
}

ast::TestRow row_of(const Node& n) {
    ast::TestRow r;
    r.span = span_of(n);
    for (const auto& c : n.children)
        if (!given_part(*c, r.source.fixtures, r.source.fixture_spans, r.source.given)) r.expects.push_back(expect_of(*c));
    return r;
}

ast::Fixture fixture_of(const Node& n) {
    ast::Fixture f;
    f.span = span_of(n);
    f.name = child(n, 0).string();
    std::vector<std::string> none;
    std::vector<ast::Span> no_spans;
    for (std::size_t i = 1; i < n.children.size(); ++i) given_part(*n.children[i], none, no_spans, f.given);
    return f;
}

ast::Test test_of(const Node& n) {
    ast::Test t;
    t.span = span_of(n);
    t.name = string_value(child(n, 0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        if (c.kind == K::Given) {
            for (const auto& part : c.children) given_part(*part, t.fixtures, t.fixture_spans, t.given);
        } else if (c.kind == K::Cases) {
            for (const auto& row : c.children) t.rows.push_back(row_of(*row));
        } else if (c.kind == K::AsOf) {
            if (t.as_of) once_only(c, "`as_of`", "a test runs on one date; keep one `as_of` line");
            t.as_of = build_expression(child(c, 0));
        } else {
            t.expects.push_back(expect_of(c));
        }
    }
    return t;
}

}  // namespace

void build_rulebook(const Node& root, ast::Rulebook& book) {
    const Node& header = child(root, 0);
    book.header_span = span_of(header);
    book.name = string_value(child(header, 0));
    book.version = string_value(child(header, 1));
    bool have_schema = false;
    for (std::size_t i = 1; i < root.children.size(); ++i) {
        const Node& n = *root.children[i];
        switch (n.kind) {
            case K::Schema: {
                if (have_schema) {
                    const auto s = span_of(n);
                    throw SyntaxError(DiagnosticCode::Q001, "a rulebook has exactly one schema; this is a second one",
                                      "declare every field in the first `schema` block", s.line, s.column);
                }
                have_schema = true;
                book.schema = schema_of(n);
                break;
            }
            case K::Let: book.lets.push_back({name_of(child(n, 0)), build_expression(child(n, 1)), span_of(n)}); break;
            case K::Disqualify:
                book.disqualifiers.push_back({name_of(child(n, 0)), build_expression(child(n, 1)),
                                              string_value(child(n, 2)), span_of(n)});
                break;
            case K::Criterion: book.criteria.push_back(criterion_of(n)); break;
            case K::Model: book.models.push_back(model_of(n)); break;
            case K::ScoreStmt:
                if (book.score) once_only(n, "`score =`", "a rulebook has one score line; combine the parts in it");
                book.score = build_expression(child(n, 0));
                book.score_span = span_of(n);
                break;
            case K::ConfidenceStmt:
                if (book.confidence) once_only(n, "`confidence =`", "a rulebook has one confidence line");
                book.confidence = build_expression(child(n, 0));
                book.confidence_span = span_of(n);
                break;
            case K::Motion: book.motions.push_back(motion_of(n)); break;
            case K::Escalate: book.escalations.push_back(escalate_of(n)); break;
            case K::Route: book.routes.push_back(route_of(n)); break;
            case K::QualifiedRoutes:
                if (book.qualified_routes) once_only(n, "`qualified_routes`", "list every qualified route in one block");
                book.qualified_routes = name_list_of(n);
                break;
            case K::RejectionReasons:
                if (book.rejection_reasons) once_only(n, "`rejection_reasons`", "list every reason in one block");
                book.rejection_reasons = name_list_of(n);
                break;
            case K::Review: book.reviews.push_back(sample_of(n)); break;
            case K::Explore: book.explores.push_back(sample_of(n)); break;
            case K::Dedupe: {
                if (book.dedupe) once_only(n, "`dedupe by`", "a run dedupes by one key; list its parts in one statement");
                ast::Dedupe d;
                d.span = span_of(n);
                for (const auto& key : n.children) d.keys.push_back(build_expression(*key));
                book.dedupe = std::move(d);
                break;
            }
            case K::Test: book.tests.push_back(test_of(n)); break;
            case K::Fixture: book.fixtures.push_back(fixture_of(n)); break;
            case K::Table: book.tables.push_back(build_table(n)); break;
            default: throw std::logic_error("parse tree: unexpected top-level node");
        }
    }
    if (!have_schema) {
        const auto s = span_of(header);
        throw SyntaxError(DiagnosticCode::Q001, "this rulebook has no schema",
                          "declare the fields rules read: `schema lead { id: string … }`", s.line, s.column);
    }
}

void build_test_file(const Node& root, ast::Rulebook& book) {
    for (const auto& n : root.children) {
        if (n->kind == K::Fixture) book.fixtures.push_back(fixture_of(*n));
        else book.tests.push_back(test_of(*n));
    }
}

}  // namespace qualify::grammar
