#!/usr/bin/env bash
# run.sh runs the test suites of chi, gorilla/mux, gorilla/handlers, echo and
# gin, at the versions the integration module pins, with errorpage inserted
# as outer middleware, as router middleware and around each route's handler,
# and fails on any test that fails only with errorpage (allow.txt lists the
# few that assert a 5xx body or panic recovery output). Flags: go run ./peers -h.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./peers "$@"
