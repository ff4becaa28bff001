#!/usr/bin/env python3
"""Test-harness moto server: moto's own server with platform_operator_moto_ext loaded first.

Same command line as moto_server (-H host -p port, ...):
  python3 scripts/moto_ext/server.py -H 127.0.0.1 -p 5000
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import platform_operator_moto_ext  # noqa: E402,F401  (patches moto on import)
from moto.server import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:])
