#!/usr/bin/env bash
# ctest entry point of tests/reliability/fs_faults.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/fs_faults.py" "$@"
