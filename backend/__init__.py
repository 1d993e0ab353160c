"""Homeward backend."""

import os

# Piccolo finds its engine and apps through this module; set it before any table
# module is imported so every entry point (app, CLI, tests) agrees.
os.environ.setdefault("PICCOLO_CONF", "backend.piccolo_conf")
