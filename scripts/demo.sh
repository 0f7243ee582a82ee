#!/usr/bin/env bash
# The main job: scores the bundled sample leads with the bundled inbound SaaS
# rulebook and shows the ranked, explained queue.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/setup.sh"
cd "$root"
"$build/cli/qualify" score rulebooks/saas_inbound.qual rulebooks/sample/leads.jsonl --as-of 2026-11-23 --queue "$@"
