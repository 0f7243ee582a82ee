// `--format github`: GitHub Actions workflow commands
// (`::error file=F,line=L,col=C,title=T::MESSAGE`), which the Actions runner
// turns into annotations on the pull request's changed lines.
#pragma once

#include "qualify/diagnostics.hpp"

#include <string>
#include <string_view>

namespace qualify::cli {

struct Annotation {
    std::string level = "error";  // error | warning | notice
    std::string file;
    unsigned line = 0;  // 0: no position
    unsigned column = 0;
    unsigned end_line = 0;
    std::string title;
    std::string message;  // may span lines
};

// One workflow command line, escaped as the runner expects (`%`, CR and LF
// everywhere; also `:` and `,` in the properties).
std::string github_line(const Annotation& a);

// A diagnostic as an annotation: `warning` for warnings, the code and its
// title as the annotation's title, the help line after the message.
std::string github_line(const Diagnostic& d);

}  // namespace qualify::cli
