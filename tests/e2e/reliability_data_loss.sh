#!/usr/bin/env bash
# ctest entry point of tests/reliability/data_loss.py (docs/reliability.md).
exec /usr/bin/python3 "$(dirname "$0")/../reliability/data_loss.py" "$@"
