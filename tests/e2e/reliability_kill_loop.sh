#!/usr/bin/env bash
# ctest entry point of tests/reliability/kill_loop.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/kill_loop.py" "$@"
