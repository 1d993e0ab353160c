"""What a good username, email, PIN or password is, per role."""

from __future__ import annotations

import pytest

from backend.accounts import rules
from backend.errors import Invalid


def refused_field(check, *args, **kwargs) -> str:
    with pytest.raises(Invalid) as refused:
        check(*args, **kwargs)
    assert len(refused.value.errors) == 1
    (field, message), = refused.value.errors.items()
    assert message
    return field


@pytest.mark.parametrize("pin", ["246810", "135790", "975318", "000001", "102938"])
def test_young_person_may_choose_a_six_number_pin_that_is_not_obvious(pin):
    assert rules.check_secret("young_person", pin) == pin


@pytest.mark.parametrize("pin", [
    "24681", "2468101", "",  # not six numbers
    "111111", "000000", "999999",  # one number repeated
    "123456", "654321", "345678", "987654", "012345",  # a run
    "123123", "121212", "112233", "696969",  # on the list everyone tries first
])
def test_young_person_pin_that_is_short_long_or_easy_to_guess_is_refused(pin):
    assert refused_field(rules.check_secret, "young_person", pin) == "secret"


def test_young_person_may_use_a_password_of_eight_or_more_instead():
    assert rules.check_secret("young_person", "sunflower") == "sunflower"
    assert refused_field(rules.check_secret, "young_person", "sunflow") == "secret"


@pytest.mark.parametrize(("role", "shortest"), [
    ("carer", 10), ("social_worker", 12), ("manager", 12), ("admin", 12)])
def test_adults_need_a_longer_password(role, shortest):
    assert rules.check_secret(role, "p" * shortest) == "p" * shortest
    assert refused_field(rules.check_secret, role, "p" * (shortest - 1)) == "secret"
    assert refused_field(rules.check_secret, role, "246810") == "secret"


@pytest.mark.parametrize("role", ["young_person", "carer", "social_worker"])
def test_very_long_secrets_are_refused(role):
    assert rules.check_secret(role, "p" * 128)
    assert refused_field(rules.check_secret, role, "p" * 129) == "secret"


def test_the_refused_field_can_be_named_by_the_caller():
    assert refused_field(rules.check_secret, "young_person", "123456", field="new_secret") == "new_secret"


@pytest.mark.parametrize(("typed", "kept"), [
    ("jade", "jade"), (" Jade ", "jade"), ("jade.b", "jade.b"), ("j_d-2", "j_d-2"),
    ("007", "007"), ("a" * 30, "a" * 30)])
def test_good_usernames_are_kept_in_small_letters(typed, kept):
    assert rules.check_username(typed) == kept


@pytest.mark.parametrize("typed", [
    "ab", "a" * 31, "_jade", ".jade", "jade smith", "jade@home", "jädé", "", "jade!"])
def test_bad_usernames_are_refused(typed):
    assert refused_field(rules.check_username, typed) == "username"


def test_emails_are_kept_in_small_letters_and_bad_ones_refused():
    assert rules.check_email(" Sam@Northbrook.Example ") == "sam@northbrook.example"
    for bad in ("sam", "sam@", "@example.org", "sam@example", "sam smith@example.org",
                "a" * 65 + "@example.org", "s@" + "e" * 250 + ".org"):
        assert refused_field(rules.check_email, bad) == "email", bad
