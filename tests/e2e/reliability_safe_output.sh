#!/usr/bin/env bash
# ctest entry point of tests/reliability/safe_output.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/safe_output.py" "$@"
