"""Asking for help: what about, and who was told."""

from __future__ import annotations

from enum import StrEnum

import msgspec


class HelpAbout(StrEnum):
    TALK = "talk"  # please get in touch with me
    PROBLEM = "problem"  # something is wrong or worrying me
    MY_INFORMATION = "my_information"  # something Homeward holds about me is wrong


class HelpIn(msgspec.Struct, forbid_unknown_fields=True):
    about: HelpAbout


class HelpOut(msgspec.Struct):
    told: int
    """How many of the young person's social workers were told (0: nobody is allocated)."""
