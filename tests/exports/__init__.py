"""Statutory exports: the SSDA903 Missing and Header tables, and the checks behind them."""
