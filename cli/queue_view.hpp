// The `--queue` view of `qualify score`: a ranked list for a person at a
// terminal. Leads are grouped by route in the rulebook's route order,
// disqualified leads after every route, highest score first within a
// route; error records come last.
#pragma once

#include "qualify/qualify.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace qualify::cli {

// Collects decisions and prints them ranked. `routes` are the rulebook's
// routes in declaration order (Rulebook::route_names()).
class QueueView {
public:
    explicit QueueView(std::vector<std::string> routes) : routes_(std::move(routes)) {}
    void add(const Decision& d);
    void print(std::ostream& out, bool colour) const;

private:
    struct Entry {
        uint64_t seq = 0;  // input order, the tie-breaker
        uint64_t line = 0;
        std::string route;
        std::optional<Decimal> score;
        bool disqualified = false;
        std::string id;
        std::string summary;
        std::vector<std::string> escalations;
        bool review = false;
        bool explore = false;
        bool is_error = false;
        std::string error;
    };
    size_t group_of(const Entry& e) const;

    std::vector<std::string> routes_;
    std::vector<Entry> entries_;
};

}  // namespace qualify::cli
