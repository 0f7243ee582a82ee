// LineBuilder's growth and its escaping of JSON text that needs it
// (line_builder.hpp), and a LineCursor's growth (line_cursor.hpp).
#include "interpreter/line_builder.hpp"
#include "interpreter/line_cursor.hpp"

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

void LineBuilder::json_escaped(std::string_view s) {
    // Rare (a quote or a line break in a label or an id): each byte becomes
    // at most six ("\u001f").
    reserve(6 * s.size() + 1);
    p_ = write_json_escaped(p_, s);
}

void LineCursor::grow(LineBuilder& b, char* p, size_t n) {
    b.p_ = p;
    b.reserve(n);
}

}  // namespace qualify
