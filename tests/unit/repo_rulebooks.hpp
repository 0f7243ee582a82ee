// The rulebooks in rulebooks/ (not their NAME.test.qual files), in a stable
// order, for the tests that run over every one of them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

inline std::vector<std::string> repo_rulebooks() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks")) {
        const std::string path = entry.path().string();
        if (entry.path().extension() == ".qual" && !path.ends_with(".test.qual")) out.push_back(path);
    }
    std::sort(out.begin(), out.end());
    return out;
}
