#!/usr/bin/env bash
# ctest entry point of tests/reliability/untouched.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/untouched.py" "$@"
