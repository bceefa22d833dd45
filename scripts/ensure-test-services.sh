#!/usr/bin/env bash
# Everything the test suites need that is not an npm package: installed and
# started here so that `pnpm test` works on a fresh machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/ensure-chromium.sh"
bash "$here/ensure-postgres.sh"
