#!/usr/bin/env bash
# ctest entry point of tests/reliability/bad_input.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/bad_input.py" "$@"
