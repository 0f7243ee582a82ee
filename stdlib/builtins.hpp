// The table of built-in functions: each function's name, parameters (by
// position or by name), result type and implementation. The checker types
// calls from this table and the compiler binds them to an id, so the VM and
// the reference evaluator call the same code.
#pragma once

#include "interpreter/lead.hpp"
#include "interpreter/types.hpp"
#include "interpreter/value.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace re2 { class RE2; }

namespace qualify {

// A small memo of decay() results: the same (days, half-life) pairs recur
// from lead to lead, and the power costs more than the rest of a criterion.
// Pure function, so a hit gives exactly what computing would.
struct DecayMemo {
    struct Entry {
        Decimal days, half_life, result;
        bool used = false;
    };
    Entry entries[64];
};

// What a built-in may use besides its arguments.
struct CallContext {
    Arena& arena;    // storage for strings and lists the call creates
    int32_t as_of;   // the run's as-of date, in days since 1970-01-01
    DecayMemo decay_memo{};
    // The rulebook's compiled patterns (Program::regexes). A Pattern argument
    // arrives as Value::number(i), i an index here: compiled once by the
    // checker, never looked up by its text at run time.
    std::span<const std::unique_ptr<re2::RE2>> patterns{};
};

// Arguments arrive flattened: a range parameter takes two values (low, high).
using BuiltinFn = Value (*)(const Value* args, CallContext& ctx);

// Pattern: a string literal holding an RE2 pattern, compiled at check time
// (an invalid one is Q107), passed to the implementation as its index into
// CallContext::patterns.
enum class ParamKind { Number, String, Date, Collection, NumberRange, Any, Pattern };

struct Param {
    std::string_view name;
    ParamKind kind;
};

struct Builtin {
    std::string_view name;
    std::vector<Param> params;
    // The result type given the argument types (already checked against params).
    Type (*result)(std::span<const Type> args);
    BuiltinFn fn;
    // Most built-ins are unknown when an argument is; `known` is not.
    bool unknown_propagates = true;
    std::string_view doc;
    // Reads the run's as-of date, so a call is never folded into a constant.
    bool uses_as_of = false;
};

const std::vector<Builtin>& builtins();
// Index into builtins(), or -1.
int find_builtin(std::string_view name);
// How many flattened runtime arguments a call of `b` takes.
int flat_arity(const Builtin& b);

// Families, each in its own file; registry.cpp assembles the table.
void add_number_builtins(std::vector<Builtin>& out);
void add_string_builtins(std::vector<Builtin>& out);
void add_date_builtins(std::vector<Builtin>& out);
void add_collection_builtins(std::vector<Builtin>& out);
void add_regex_builtins(std::vector<Builtin>& out);
void add_email_builtins(std::vector<Builtin>& out);
void add_company_builtins(std::vector<Builtin>& out);
void add_title_builtins(std::vector<Builtin>& out);

}  // namespace qualify
