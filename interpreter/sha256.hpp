// SHA-256 (FIPS 180-4), for the rulebook hash of every decision.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qualify {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest as 64 lower-case hex characters. Call once.
    std::string hex_digest();

private:
    void block(const unsigned char* p);
    uint32_t h_[8];
    unsigned char buffer_[64];
    uint64_t length_ = 0;  // bytes seen
    size_t used_ = 0;      // bytes in buffer_
};

std::string sha256_hex(std::string_view bytes);

}  // namespace qualify
