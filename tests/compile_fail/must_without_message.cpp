// Compiled by CTest, never linked: a must<> point without an entry in
// grammar/errors.hpp must not compile (control.hpp's static_assert), so no
// parse error can reach a user without a human message. Built with
// -DGIVE_MESSAGE it must compile, which shows the failure is that assert.
#include "grammar/control.hpp"

#include <tao/pegtl.hpp>

namespace pegtl = tao::pegtl;

struct unlabeled_point : pegtl::one<'x'> {};
struct rule_under_test : pegtl::must<unlabeled_point> {};

#ifdef GIVE_MESSAGE
namespace qualify::grammar {
template <>
inline constexpr ErrorText error_message<unlabeled_point>{"expected `x`", "write x"};
}  // namespace qualify::grammar
#endif

int main() {
    pegtl::memory_input in("y", "test");
    qualify::grammar::ParseState state;
    return pegtl::parse<rule_under_test, pegtl::nothing, qualify::grammar::control>(in, state) ? 0 : 1;
}
