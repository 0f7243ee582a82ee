// Writing JSON text by hand: escaping strings. Decisions are written without
// a DOM so that output keeps pace with evaluation.
#pragma once

#include <string>
#include <string_view>

namespace qualify {

// Appends `s` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

inline std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

}  // namespace qualify
