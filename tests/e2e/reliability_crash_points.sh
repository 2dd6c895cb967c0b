#!/usr/bin/env bash
# ctest entry point of tests/reliability/crash_points.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/crash_points.py" "$@"
