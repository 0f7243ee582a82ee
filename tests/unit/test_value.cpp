// Runtime value equality.
#include "interpreter/value.hpp"

#include <doctest/doctest.h>

using namespace qualify;

TEST_CASE("scalar_equal compares by kind and content") {
    CHECK(scalar_equal(Value::string("a"), Value::string("a")));
    CHECK_FALSE(scalar_equal(Value::string("a"), Value::enumv(0)));
    CHECK(scalar_equal(Value::enumv(2), Value::enumv(2)));
}
