"""Retention: deleting what is due (`homeward retention [--dry-run]`), in batches, and
writing what was deleted to the audit log as counts (never what it was)."""
