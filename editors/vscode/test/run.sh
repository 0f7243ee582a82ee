#!/usr/bin/env bash
# The CTest case editor.vscode_grammar: installs the pinned npm packages
# (`npm ci` from the committed package-lock.json) into WORK_DIR, outside the
# source tree, and tokenises the repository's rulebooks with the grammar.
# Exits 77 (CTest: skipped) only when node or npm is not installed;
# scripts/setup.sh installs both, so CI runs it.
#   run.sh REPO_ROOT WORK_DIR
set -eu
root=$1
work=$2
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node or npm is not installed: skipped"
    exit 77
fi
here=$root/editors/vscode
mkdir -p "$work"
if [ ! -d "$work/node_modules" ] || ! cmp -s "$here/package-lock.json" "$work/package-lock.json"; then
    rm -rf "$work/node_modules"
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
NODE_PATH=$work/node_modules node "$here/test/tokenize.js" "$root"
