"""Tests of the test infrastructure itself (push service stand-in, mailbox)."""
