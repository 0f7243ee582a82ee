// The exit codes of the qualify command, one place for all subcommands.
// They are distinct so that CI scripts can tell a bad record from a bad
// rulebook from a failing test (docs/cli.md lists them).
#pragma once

namespace qualify::cli {

enum ExitCode : int {
    kExitOk = 0,             // success
    kExitRecordErrors = 1,   // score/explain: some input records were errors
    kExitUsage = 2,          // bad flags or arguments, unreadable input file
    kExitRulebookErrors = 3, // the rulebook has diagnostics (errors)
    kExitTestsFailed = 4,    // qualify test: some test failed
    kExitTooManyErrors = 5,  // score: stopped by --max-errors
    kExitTooLittleData = 6,  // qualify train: below the minimum-data guard
    kExitNotFormatted = 7,   // qualify fmt --check: some file is not in the canonical layout
    kExitTooManyMoved = 8,   // qualify diff: more leads changed route than --fail-if-moved allows
};

}  // namespace qualify::cli
