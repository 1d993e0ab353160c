"""Real stand-ins for the outside world in tests: a Web Push service and an SMTP mailbox."""
