// JSON string escaping (interpreter/json_text.cpp, and LineBuilder's copy of
// plain text in line_builder.hpp): every byte JSON requires
// escaped is escaped wherever it falls relative to the eight-byte scan, and
// the text reads back unchanged.
#include "interpreter/json_text.hpp"
#include "interpreter/line_builder.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <vector>

using qualify::json_string;

TEST_CASE("plain text, UTF-8 and the named escapes") {
    CHECK(json_string("") == "\"\"");
    CHECK(json_string("Score 61.22 -> sdr") == "\"Score 61.22 -> sdr\"");
    CHECK(json_string("Müller GmbH — Zürich") == "\"Müller GmbH — Zürich\"");
    CHECK(json_string("say \"hi\"\\now") == "\"say \\\"hi\\\"\\\\now\"");
    CHECK(json_string("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
    CHECK(json_string(std::string_view("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
    CHECK(json_string(std::string_view("\0", 1)) == "\"\\u0000\"");
    CHECK(json_string("\x7f") == "\"\x7f\"");  // DEL needs no escape
}

TEST_CASE("an escape at every offset of a long run is found") {
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        for (size_t at = 0; at < 40; ++at) {
            std::string s(40, 'x');
            s[at] = special;
            const std::string out = json_string(s);
            CHECK(out.size() >= s.size() + 3);  // quotes plus at least one escape
            CHECK(nlohmann::json::parse(out).get<std::string>() == s);
        }
    }
}

TEST_CASE("random bytes of valid UTF-8 round-trip through a JSON parser") {
    std::mt19937 rng(7);
    const std::string alphabet = std::string("abc \"\\/\n\r\t\b\f\x01\x1f") + "é€😀";
    for (int n = 0; n < 2000; ++n) {
        std::string s;
        const int length = static_cast<int>(rng() % 50);
        for (int i = 0; i < length; ++i) {
            // Pick whole UTF-8 sequences: an ASCII byte or one of the three symbols.
            const size_t pick = rng() % 17;
            if (pick < 14) s += alphabet[pick];
            else if (pick == 14) s += "é";
            else if (pick == 15) s += "€";
            else s += "😀";
        }
        const std::string out = json_string(s);
        REQUIRE(nlohmann::json::parse(out).get<std::string>() == s);
    }
}

TEST_CASE("LineBuilder's word-at-a-time copy escapes like append_json_string") {
    // Every length around the eight-byte words, each special byte at every
    // offset: the word loop, the overlapping last word and the byte loop.
    for (size_t size = 0; size <= 40; ++size) {
        std::vector<std::string> cases = {std::string(size, 'x')};
        for (size_t at = 0; at < size; ++at)
            for (const char special : {'"', '\\', '\n', '\x1f'}) {
                std::string s(size, 'x');
                s[at] = special;
                cases.push_back(s);
            }
        for (const auto& s : cases) {
            qualify::LineBuilder b;
            b.json_string(s);
            b.put('|');
            b.json_chars(s);
            CHECK(std::string(b.view()) == json_string(s) + "|" + json_string(s).substr(1, json_string(s).size() - 2));
        }
    }
}
