"""Notices: short messages to an account holder (a deadline, a change), listed in the
app at #/notices and pushed to their phones after the change that made them commits."""
