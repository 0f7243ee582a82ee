// LineBuilder's growth and its escaping of JSON text that needs it
// (line_builder.hpp).
#include "interpreter/line_builder.hpp"

#include <algorithm>

namespace qualify {

void LineBuilder::grow(size_t n) {
    const size_t used = size();
    const size_t capacity = static_cast<size_t>(end_ - begin_);
    const size_t wanted = std::max(capacity * 2, used + n);
    auto bigger = std::make_unique<char[]>(wanted);
    std::memcpy(bigger.get(), begin_, used);
    heap_ = std::move(bigger);
    begin_ = heap_.get();
    p_ = begin_ + used;
    end_ = begin_ + wanted;
}

void LineBuilder::json_escaped(std::string_view s, size_t from) {
    // Rare (a quote or a line break in a label or an id): the escaping rules
    // live in json_text.cpp.
    p_ += from;
    std::string escaped;
    append_json_string(escaped, s.substr(from));
    bytes(std::string_view(escaped).substr(1, escaped.size() - 2));
    reserve(1);
}

}  // namespace qualify
