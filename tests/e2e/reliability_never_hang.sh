#!/usr/bin/env bash
# ctest entry point of tests/reliability/never_hang.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/never_hang.py" "$@"
