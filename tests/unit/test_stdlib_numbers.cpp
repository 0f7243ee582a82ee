// round, abs and log (stdlib/numbers.cpp): results, the runtime errors of
// bad places and non-positive logarithms, unknown propagation; decay's memo.
#include "stdlib_support.hpp"

#include "interpreter/lead.hpp"
#include "stdlib/builtins.hpp"

using stdlib_test::outcome;

TEST_CASE("round is half away from zero") {
    CHECK(outcome("round(d, 2) == 2.35", R"({"id":"x","d":"2.345"})") == "true");
    CHECK(outcome("round(d, 2) == -2.35", R"({"id":"x","d":"-2.345"})") == "true");
    CHECK(outcome("round(d, 0) == 3", R"({"id":"x","d":"2.5"})") == "true");
    CHECK(outcome("round(n, 1) == 7", R"({"id":"x","n":7})") == "true");
    CHECK(outcome("round(d, 2) == 1") == "unknown");
}

TEST_CASE("round's places must be a whole number 0..18") {
    CHECK(outcome("round(d, n) == 1", R"({"id":"x","d":"1","n":-1})").rfind("error: round: places", 0) == 0);
    CHECK(outcome("round(d, 19) == 1", R"({"id":"x","d":"1"})").rfind("error: round: places", 0) == 0);
    CHECK(outcome("round(d, 1.5) == 1", R"({"id":"x","d":"1"})").rfind("error: round: places", 0) == 0);
}

TEST_CASE("abs") {
    CHECK(outcome("abs(n) == 5", R"({"id":"x","n":-5})") == "true");
    CHECK(outcome("abs(d) == 0.25", R"({"id":"x","d":"-0.25"})") == "true");
    CHECK(outcome("abs(0) == 0") == "true");
    CHECK(outcome("abs(n) == 5") == "unknown");
}

TEST_CASE("log is the natural logarithm; x <= 0 is a runtime error") {
    CHECK(outcome("log(1) == 0") == "true");
    CHECK(outcome("round(log(n), 6) == 6.907755", R"({"id":"x","n":1000})") == "true");
    CHECK(outcome("log(n) > 0", R"({"id":"x","n":0})").rfind("error: logarithm of a non-positive number", 0) == 0);
    CHECK(outcome("log(d) > 0", R"({"id":"x","d":"-1"})").rfind("error:", 0) == 0);
    CHECK(outcome("log(max(n, 1)) == 0", R"({"id":"x","n":0})") == "true");
    CHECK(outcome("log(n) > 0") == "unknown");
}

TEST_CASE("decay's memo keeps whole-day arguments in separate slots") {
    using namespace qualify;
    // Whole days are multiples of 10^18 as raw decimals: a slot taken from
    // their low bits put them all in one slot, so the memo never hit.
    const Builtin& decay = builtins()[static_cast<size_t>(find_builtin("decay"))];
    Arena arena;
    CallContext ctx{arena, 0};
    for (int days = 1; days <= 16; ++days) {
        const Value args[2] = {Value::number(Decimal::from_int(days)), Value::number(Decimal::from_int(7))};
        (void)decay.fn(args, ctx);
    }
    int used = 0;
    for (const auto& e : ctx.decay_memo.entries) used += e.used;
    CHECK(used >= 12);  // 16 arguments in 64 slots: a few may still share one
}
