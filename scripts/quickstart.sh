#!/usr/bin/env bash
# One command on a fresh machine: set everything up, then run the built-in demo (a library system
# with SIP2 and REST, and three candidate vendors) across the demo devices. The scorecard ends up in
# reports/latest/scorecard.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run demo
