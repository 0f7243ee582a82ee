// The compiler's instruction selection: binary operators with a constant
// right operand become their `_K` forms, an arm's last test jumps to the
// next arm with JUMP_UNLESS_TRUE, a constant match on an enum becomes one
// SELECT_ENUM, and the VM running that code decides
// exactly as the reference evaluator does, on every path into a fused
// instruction.
#include "engines_agree.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace qualify;

namespace {

const char* kRulebook = R"(rulebook "bytecode" version "1"
schema lead {
  id: string
  n: int?
  s: string?
  flag: bool?
  tier: enum { low, mid, high }?
  tags: list<string>?
}
# A set let is a constant (PUSH_CONST); a set literal in place is PUSH_SET.
let xy = {"x", "y"}
let just_x = {"x"}
let ab = {"a", "b"}
criterion c_add weight 1 = n + 1 > 3
criterion c_sub weight 1 = n - 1 >= 3
criterion c_mul weight 1 = n * 2 < 10
criterion c_div weight 1 = n / 4 <= 1
criterion c_eq weight 1 = s == "x"
criterion c_ne weight 1 = s != "x"
criterion c_in weight 1 = s in xy
criterion c_not_in weight 1 = s not in just_x
criterion c_intersect weight 1 = count(tags & ab) / 2
criterion c_union weight 1 = count(tags | ab) / 4
criterion c_difference weight 1 = count(tags - ab) / 2
criterion c_after_jump weight 1 = (flag or n > 1) == true
criterion c_match weight 1 = match tier { high, mid => 1  low => 0.5  else => 0 }
criterion c_match_last weight 1 = match n { < 0 => 0  in {1, 2} => 0.5  0..10 => 0.75  else => 1 }
route r otherwise
)";

Compilation compiled() {
    Compilation c = compile_source(kRulebook, "bytecode.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    return c;
}

}  // namespace

TEST_CASE("a constant right operand fuses into the operator's _K form") {
    Compilation c = compiled();
    const std::string code = c.rulebook->disassemble();
    for (const char* op : {"ADD_K", "SUB_K", "MUL_K", "DIV_K", "EQ_K", "NE_K", "LT_K", "LE_K", "GT_K", "GE_K",
                           "IN_K", "NOT_IN_K", "INTERSECT_K", "UNION_K", "DIFFERENCE_K"}) {
        CAPTURE(op);
        CHECK(code.find(std::string(op) + " ") != std::string::npos);
    }
    // The constant is shown as PUSH_CONST showed it.
    CHECK(code.find("GT_K             3 ") != std::string::npos);
    CHECK(code.find("IN_K             [\"x\",\"y\"]") != std::string::npos);
}

TEST_CASE("match arms: the last test jumps to the next arm when it fails") {
    const std::string code = compiled().rulebook->disassemble();
    CHECK(code.find("JUMP_UNLESS_TRUE") != std::string::npos);
    // No test jumps into its arm only to be followed by a jump to the next one.
    CHECK(code.find("JUMP_IF_TRUE     -> ") != std::string::npos);  // `high, mid`: the first of two tests
}

TEST_CASE("the VM decides as the reference evaluator on every path through fused code") {
    Compilation c = compiled();
    const std::vector<std::string> leads = {
        R"({"id":"a"})",
        R"({"id":"b","n":5,"s":"x","flag":true,"tier":"high","tags":["a","c"]})",
        R"({"id":"c","n":0,"s":"y","flag":false,"tier":"low","tags":[]})",
        R"({"id":"d","n":-3,"s":"z","tier":"mid","tags":["a","b"]})",
        R"({"id":"e","n":2,"flag":false})",
        R"({"id":"f","n":12,"s":"x","flag":true})",
    };
    for (const auto& lead : leads) {
        const std::string a = engine_test::decide_with_both(*c.rulebook, lead, /*explain=*/true);
        CHECK(a.find("\"error\"") == std::string::npos);
    }
}

TEST_CASE("a fused division by a zero constant is still a runtime error of its rule") {
    Compilation c = compile_source(std::string(R"(rulebook "z" version "1"
schema lead {
  id: string
  n: int?
}
criterion bad weight 1 = n / 0
route r otherwise
)"),
                                   "z.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    CHECK(c.rulebook->disassemble().find("DIV_K            0 ") != std::string::npos);
    const std::string a = engine_test::decide_with_both(*c.rulebook, R"({"id":"a","n":3})");
    CHECK(a.find("division by zero") != std::string::npos);
}

TEST_CASE("a match on an enum with constant tests and results is one SELECT_ENUM, deciding as the arms do") {
    Compilation c = compile_source(std::string(R"(rulebook "select" version "1"
schema lead {
  id: string
  level: enum { ic, manager, director, vp, cxo }?
  n: int?
}
criterion listed weight 1 = match level { cxo, vp => 1  director => 0.7  manager => 0.4  else => 0.1 }
criterion in_set weight 1 = match level { in {vp, cxo} => 1  not in {ic} => 0.5  else => 0 }
criterion ordered weight 1 = match level { >= director => 1  manager..director => 0.5  else => 0 }
criterion computed weight 1 = match level { cxo => n / 10  else => 0 }
route r otherwise
)"),
                                   "select.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    const std::string code = c.rulebook->disassemble();
    CHECK(code.find("SELECT_ENUM      ic => 0.1, manager => 0.4, director => 0.7, vp => 1, cxo => 1") != std::string::npos);
    CHECK(code.find("SELECT_ENUM      ic => 0, manager => 0.5, director => 0.5, vp => 1, cxo => 1") != std::string::npos);
    // The first arm that holds wins (director is in both ranges).
    CHECK(code.find("SELECT_ENUM      ic => 0, manager => 0.5, director => 1, vp => 1, cxo => 1") != std::string::npos);
    // A result that reads the lead keeps the general code.
    size_t selects = 0;
    for (size_t at = code.find("SELECT_ENUM"); at != std::string::npos; at = code.find("SELECT_ENUM", at + 1)) ++selects;
    CHECK(selects == 3);
    for (const char* level : {"ic", "manager", "director", "vp", "cxo"}) {
        const std::string a = engine_test::decide_with_both(
            *c.rulebook, std::string(R"({"id":"a","n":30,"level":")") + level + "\"}", /*explain=*/true);
        CHECK(a.find("\"error\"") == std::string::npos);
    }
    const std::string unknown = engine_test::decide_with_both(*c.rulebook, R"({"id":"a"})", true);
    CHECK(unknown.find("\"level\"") != std::string::npos);  // listed among the unknown inputs
}
