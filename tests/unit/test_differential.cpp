// The differential test: on every rulebook in rulebooks/, the VM and the
// reference evaluator must give byte-identical decisions, traces included,
// for 10,000 generated leads each (with missing, null and placeholder fields).
#include "bench/lead_generator.hpp"
#include "qualify/qualify.hpp"
#include "repo_rulebooks.hpp"

#include <doctest/doctest.h>


using namespace qualify;

TEST_CASE("VM and reference evaluator agree on every repo rulebook") {
    int rulebooks = 0;
    for (const std::string& path : repo_rulebooks()) {
        ++rulebooks;
        CAPTURE(path);
        Compilation c = compile_file(path);
        REQUIRE_MESSAGE(c.ok(), c.render());
        int32_t as_of = *parse_date("2026-11-23");
        EvalOptions vm_options{as_of, true, true, EngineKind::Vm};
        EvalOptions ref_options{as_of, true, true, EngineKind::Reference};
        Evaluator vm(*c.rulebook, vm_options), reference(*c.rulebook, ref_options);
        LeadGenerator generator(c.rulebook->program(), 42, as_of);
        int decided = 0, errors = 0, mismatches = 0;
        for (int i = 0; i < 10000; ++i) {
            std::string lead = generator.next_json();
            std::string a = to_json(vm.evaluate_json(lead, static_cast<uint64_t>(i + 1)));
            std::string b = to_json(reference.evaluate_json(lead, static_cast<uint64_t>(i + 1)));
            if (a != b && ++mismatches <= 3) {
                MESSAGE("lead:      " << lead);
                MESSAGE("vm:        " << a);
                MESSAGE("reference: " << b);
            }
            (a.find("\"error\":") != std::string::npos ? errors : decided)++;
        }
        CHECK(mismatches == 0);
        // The generator must exercise real decisions, not mostly error records.
        CHECK(decided > 9000);
    }
    CHECK(rulebooks >= 4);
}
