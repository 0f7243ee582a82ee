// Evaluator::evaluate_json/evaluate_csv into a reused Decision: whatever
// the previous lead left in it (reasons, model factors, escalations, an
// error, a trace), the next decision is exactly the one a fresh Decision
// gets.
#include "bench/lead_generator.hpp"
#include "qualify/csv.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace qualify;

namespace {

Compilation spec_rulebook() {
    Compilation c = compile_file(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks/saas_inbound.qual");
    REQUIRE(c.ok());
    return c;
}

}  // namespace

TEST_CASE("a reused decision gives the same JSON as a fresh one, lead after lead") {
    Compilation c = spec_rulebook();
    const int32_t as_of = *parse_date("2026-11-23");
    LeadGenerator generator(c.rulebook->program(), 5, as_of);
    std::vector<std::string> leads;
    for (int i = 0; i < 600; ++i) {
        leads.push_back(generator.next_json());
        // Error records between decisions: not JSON, a wrong type, a missing id.
        if (i % 50 == 7) leads.push_back("{not json");
        if (i % 50 == 19) leads.push_back(R"({"id":"bad","company":{"employees":"many"}})");
        if (i % 50 == 31) leads.push_back(R"({"email":"x@y.io"})");
    }
    for (bool explain : {false, true}) {
        EvalOptions options{as_of, explain, false, EngineKind::Vm};
        Evaluator fresh(*c.rulebook, options), reusing(*c.rulebook, options);
        Decision reused;
        int errors = 0;
        for (size_t i = 0; i < leads.size(); ++i) {
            const std::string want = to_json(fresh.evaluate_json(leads[i], i + 1));
            reusing.evaluate_json(leads[i], i + 1, reused);
            REQUIRE_MESSAGE(to_json(reused) == want, leads[i]);
            errors += reused.is_error;
        }
        CHECK(errors == 36);
    }
}

TEST_CASE("CSV records decide into a reused decision like into a fresh one") {
    Compilation c = spec_rulebook();
    const int32_t as_of = *parse_date("2026-11-23");
    std::string csv = "id,Email,source,Employees\n"
                      "a,ann@corp.io,inbound_form,500\n"
                      "b,bob@uni.edu,outbound,40\n"
                      "c,cy@corp.io,nope,12\n"  // an unknown enum value: an error record
                      "d,di@corp.io,partner,\n";
    auto decide_all = [&](bool reuse) {
        std::istringstream in(csv);
        CsvReader reader(*c.rulebook, in);
        REQUIRE_FALSE(reader.read_header());
        Evaluator e(*c.rulebook, EvalOptions{as_of, false, false, EngineKind::Vm});
        std::vector<std::string> out;
        Decision reused;
        CsvRow row;
        while (reader.next(row)) {
            if (reuse) e.evaluate_csv(reader.columns(), row, reused);
            out.push_back(to_json(reuse ? reused : e.evaluate_csv(reader.columns(), row)));
        }
        return out;
    };
    const auto fresh = decide_all(false);
    CHECK(fresh.size() == 4);
    CHECK(fresh[2].find("\"error\"") != std::string::npos);
    CHECK(decide_all(true) == fresh);
}
