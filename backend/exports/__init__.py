"""Statutory returns built from Homeward's records (pure functions: no database, no HTTP)."""
