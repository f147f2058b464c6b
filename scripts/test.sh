#!/usr/bin/env bash
# The test command: installs the system packages the tests use (espeak-ng), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec ./mvnw -B verify "$@"
