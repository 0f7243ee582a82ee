// Internal to the checker: the state shared by its parts (schema, expressions,
// statements, tests), each in its own file.
#pragma once

#include "checker.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace qualify::check_detail {

// Which phase of the decision an expression belongs to; it decides which
// built-in names (rules, score, motion...) and models it may read.
enum class Phase { Let, Lead, Score, Confidence, Late, Test };

struct LetState {
    ast::Let* let = nullptr;
    enum class Status { Unchecked, Checking, Done } status = Status::Unchecked;
    Type type;
    bool reads_lead = false;
    bool reads_pii = false;
    int constant = -1;  // constant id when it does not read the lead
    int derived = -1;   // derived id when it does
};

struct TableState {
    ast::Table* table = nullptr;
    int id = -1;  // index into Program::tables
    enum class Status { Unchecked, Checking, Done } status = Status::Unchecked;
    std::vector<Type> output_types;  // scalar type of each output
    bool pii = false;                // an input reads a pii field
};

class Checker {
public:
    Checker(Program& program, std::vector<Diagnostic>& diagnostics, const CheckOptions& options)
        : p_(program), diags_(diagnostics), options_(options) {}

    void run();

    // ---- diagnostics
    void error(DiagnosticCode code, const ast::Span& at, std::string message, std::string help = {});
    bool failed() const { return errors_ > 0; }

    // ---- schema (check_schema.cpp)
    void schema();

    // ---- expressions (check_expr.cpp)
    // Types `e`, resolves its names and records the type in the program.
    // `expect_enum` is the enum a bare name would be a value of (-1: none).
    Type expr(ast::Expr& e, Phase phase, int expect_enum = -1);
    Type condition(ast::Expr& e, Phase phase, std::string_view what);  // must be bool
    int add_constant(const Value& v);

    // ---- decision tables (check_tables.cpp)
    void declare_tables();
    void tables();
    void finish_tables();  // after the constant lets: cell operands, outputs, index, analysis
    void warning(DiagnosticCode code, const ast::Span& at, std::string message, std::string help = {});

    // ---- statements (check_rules.cpp)
    void lets();
    void rules();
    void tests();

    Program& p_;

private:
    Type record(ast::Expr& e, Type t);
    Type name(ast::Expr& e, Phase phase, int expect_enum);
    Type binary(ast::Expr& e, Phase phase);
    Type comparison(ast::Expr& e, Phase phase);
    Type membership(ast::Expr& e, Phase phase);
    Type set_literal(ast::Expr& e, Phase phase, const Type& element_context);
    Type call(ast::Expr& e, Phase phase);
    Type match(ast::Expr& e, Phase phase);
    Type quantifier(ast::Expr& e, Phase phase);
    Type set_operation(ast::Expr& e, Phase phase);
    Type let_type(LetState& s);
    void check_table(TableState& s);
    Type table_output(ast::Expr& e, TableState& s, size_t output);
    void check_cell(ast::UnaryTest& t, const Type& column, const std::string& where);
    void analyse_table(const TableRule& t);
    bool free_name(const ast::Expr& e) const;
    std::vector<std::string> visible_names() const;
    Type literal_type(ast::Expr& e, int expect_enum);

    RootId add_root(ast::Expr* e, std::string name);
    CodeRule code_rule(const std::string& code, ast::Expr* when, const std::string& reason, const ast::Span& span,
                       Phase phase, const std::string& kind);
    bool criterion(const ast::Criterion& c, int motion);
    std::optional<Decimal> weight(const std::string& text, const ast::Span& span);
    RootId number_line(ast::Expr& e, Phase phase, const std::string& what);
    void motions();
    void routes();
    void samples();
    void dedupe();
    void models();
    void test(ast::Test& t);
    void given_entries(const std::string& owner, std::vector<ast::Given>& entries);
    void fixture_refs(const std::string& owner, const std::vector<std::string>& names,
                      const std::vector<ast::Span>& spans);
    void expectations(const std::string& owner, std::vector<ast::Expect>& expects);
    void hash();

    std::vector<Diagnostic>& diags_;
    const CheckOptions& options_;
    int errors_ = 0;
    std::string current_file_;  // the test file being checked, when not the rulebook
    bool reads_lead_ = false;  // set when the expression being checked reads a field
    bool reads_pii_ = false;   // ... a pii field
    std::map<std::string, LetState, std::less<>> lets_;
    std::map<std::string, TableState, std::less<>> tables_;
    std::set<std::string> model_names_;
    // The variables of the `any`/`all` being checked, innermost last.
    struct BoundVariable {
        std::string name;
        int slot;
        Type type;
    };
    std::vector<BoundVariable> bound_;
    std::vector<const LetState*> constant_order_;  // constant lets, dependencies first
};

std::string join(const std::vector<std::string>& path, std::string_view sep = ".");

}  // namespace qualify::check_detail
