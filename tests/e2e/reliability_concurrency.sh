#!/usr/bin/env bash
# ctest entry point of tests/reliability/concurrency.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/concurrency.py" "$@"
