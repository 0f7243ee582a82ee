// Program's out-of-line members: its destructor needs the complete types of
// the bytecode and of RE2.
#include "program.hpp"

#include "bytecode.hpp"
#include "table_index.hpp"

#include <re2/re2.h>

namespace qualify {

TableRule::TableRule() = default;
TableRule::TableRule(TableRule&&) noexcept = default;
TableRule::~TableRule() = default;

Program::Program() = default;
Program::~Program() = default;

int Program::route_index(const std::string& route) const {
    for (size_t i = 0; i < routes.size(); ++i)
        if (routes[i].name == route) return static_cast<int>(i);
    return -1;
}

}  // namespace qualify
