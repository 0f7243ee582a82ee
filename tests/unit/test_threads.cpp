// A compiled rulebook is immutable and shared: evaluating it from several
// threads at once, each with its own Evaluator, gives exactly the decisions
// one thread gives.
#include "bench/lead_generator.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace qualify;

TEST_CASE("many threads share one compiled rulebook") {
    Compilation c = compile_file(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks/saas_inbound.qual");
    REQUIRE(c.ok());
    int32_t as_of = *parse_date("2026-11-23");
    LeadGenerator generator(c.rulebook->program(), 99, as_of);
    std::vector<std::string> leads;
    for (int i = 0; i < 4000; ++i) leads.push_back(generator.next_json());

    EvalOptions options{as_of, true, false, EngineKind::Vm};
    std::vector<std::string> expected;
    {
        Evaluator one(*c.rulebook, options);
        for (size_t i = 0; i < leads.size(); ++i) expected.push_back(to_json(one.evaluate_json(leads[i], i + 1)));
    }
    const int threads = 4;
    std::vector<std::vector<std::string>> got(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            Evaluator mine(*c.rulebook, options);
            // Every thread decides every lead, in a different order.
            for (size_t k = 0; k < leads.size(); ++k) {
                size_t i = (k * 7 + static_cast<size_t>(t) * 1013) % leads.size();
                got[static_cast<size_t>(t)].push_back(std::to_string(i) + " " + to_json(mine.evaluate_json(leads[i], i + 1)));
            }
        });
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t)
        for (const auto& line : got[static_cast<size_t>(t)]) {
            size_t space = line.find(' ');
            size_t i = std::stoul(line.substr(0, space));
            REQUIRE(line.substr(space + 1) == expected[i]);
        }
}
