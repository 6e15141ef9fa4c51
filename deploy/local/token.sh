#!/usr/bin/env bash
# Prints a developer JWT for the local stack: deploy/local/token.sh ROLE [ID]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
exec java "$root/deploy/local/DevToken.java" "$root" "$@"
