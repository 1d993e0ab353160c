"""What a good username, email, PIN or password is, per role."""

from __future__ import annotations

import hashlib

import pytest

from backend.accounts import rules
from backend.errors import Invalid


def refused_field(check, *args, **kwargs) -> str:
    with pytest.raises(Invalid) as refused:
        check(*args, **kwargs)
    assert len(refused.value.errors) == 1
    ((field, message),) = refused.value.errors.items()
    assert message
    return field


@pytest.mark.parametrize("pin", ["246810", "135790", "975318", "000001", "102938"])
def test_young_person_may_choose_a_six_number_pin_that_is_not_obvious(pin):
    assert rules.check_secret("young_person", pin) == pin


@pytest.mark.parametrize(
    "pin",
    [
        "24681",
        "2468101",
        "",  # not six numbers
        "111111",
        "000000",
        "999999",  # one number repeated
        "123456",
        "654321",
        "345678",
        "987654",
        "012345",  # a run
        "123123",
        "121212",
        "112233",
        "696969",  # on the list everyone tries first
    ],
)
def test_young_person_pin_that_is_short_long_or_easy_to_guess_is_refused(pin):
    assert refused_field(rules.check_secret, "young_person", pin) == "secret"


def test_young_person_may_use_a_password_of_eight_or_more_instead():
    assert rules.check_secret("young_person", "purple otter") == "purple otter"
    assert refused_field(rules.check_secret, "young_person", "purplez") == "secret"


GOOD = "correct horse battery staple"
LONG = hashlib.sha512(b"not a pattern").hexdigest()  # 128 characters, no pattern


@pytest.mark.parametrize(
    ("role", "shortest"), [("carer", 10), ("social_worker", 12), ("manager", 12), ("admin", 12)]
)
def test_adults_need_a_longer_password(role, shortest):
    assert rules.check_secret(role, GOOD[:shortest]) == GOOD[:shortest]
    assert refused_field(rules.check_secret, role, GOOD[: shortest - 1]) == "secret"
    assert refused_field(rules.check_secret, role, "246810") == "secret"


@pytest.mark.parametrize("role", ["young_person", "carer", "social_worker"])
def test_very_long_secrets_are_refused(role):
    assert rules.check_secret(role, LONG)
    assert refused_field(rules.check_secret, role, LONG + "p") == "secret"


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaaaa",
        "ababababababab",
        "abcabcabcabc",
        "passwordpassword",  # repeats
        "abcdefghijkl",
        "zyxwvutsrqpo",
        "1234567890ab",
        "abcdef123456",  # runs
        "qwertyuiopas",
        "asdfghjkl123",
        "zxcvbnm98765",  # keyboard rows
        "password1234",
        "iloveyou1234",
        "Password2024!",
        "superman12345",
        "baseball!!!!",  # common
        "1q2w3e4r5t6y",
        "trustno1trustno1",
        "football 2024",
        "sunflower12345",
        "aaabbbcccaaa",
        "homeward2024!",
        "my homeward pass",  # few characters; the service's name
    ],
)
@pytest.mark.parametrize("role", ["carer", "social_worker"])
def test_common_repeated_and_sequential_passwords_are_refused_for_adults(role, password):
    with pytest.raises(Invalid) as refused:
        rules.check_secret(role, password)
    assert refused.value.errors == {"secret": rules.GUESSABLE}


@pytest.mark.parametrize(
    "password", ["sunflower", "password1", "aaaaaaaa", "abcdefgh", "12345678a", "iloveyou", "jadejade"]
)
def test_young_persons_password_is_refused_when_easy_to_guess_but_pins_follow_their_own_rules(password):
    assert refused_field(rules.check_secret, "young_person", password) == "secret"
    assert rules.check_secret("young_person", "246810") == "246810"


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery",
        "a long enough password",
        "purple otter in a boat",
        "Tr0ub4dor&3x!",
        "my cat likes cold toast",
        "winter is coming 2024",
        LONG,
    ],
)
def test_passphrases_and_random_passwords_are_accepted(password):
    assert rules.check_secret("social_worker", password) == password
    assert rules.check_secret("young_person", password) == password


def test_a_password_built_on_the_persons_own_name_is_refused():
    assert refused_field(rules.check_secret, "carer", "priya.shah.2024", context=("priya.shah",)) == "secret"
    assert (
        refused_field(
            rules.check_secret,
            "social_worker",
            "SamOkafor#2024",
            context=("sam.okafor@northbrook.example", None),
        )
        == "secret"
    )
    assert rules.check_secret("carer", "correct horse battery", context=("priya",))


def test_the_common_password_list_is_bundled_with_the_code():
    common = rules.common_passwords()
    assert len(common) > 19_000
    assert {"password", "123456", "qwerty", "iloveyou"} <= common
    assert not any(line.startswith("# The most") for line in common)  # the header is not a password


def test_the_refused_field_can_be_named_by_the_caller():
    assert refused_field(rules.check_secret, "young_person", "123456", field="new_secret") == "new_secret"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("jade", "jade"),
        (" Jade ", "jade"),
        ("jade.b", "jade.b"),
        ("j_d-2", "j_d-2"),
        ("007", "007"),
        ("a" * 30, "a" * 30),
    ],
)
def test_good_usernames_are_kept_in_small_letters(typed, kept):
    assert rules.check_username(typed) == kept


@pytest.mark.parametrize(
    "typed", ["ab", "a" * 31, "_jade", ".jade", "jade smith", "jade@home", "jädé", "", "jade!"]
)
def test_bad_usernames_are_refused(typed):
    assert refused_field(rules.check_username, typed) == "username"


def test_emails_are_kept_in_small_letters_and_bad_ones_refused():
    assert rules.check_email(" Sam@Northbrook.Example ") == "sam@northbrook.example"
    for bad in (
        "sam",
        "sam@",
        "@example.org",
        "sam@example",
        "sam smith@example.org",
        "a" * 65 + "@example.org",
        "s@" + "e" * 250 + ".org",
    ):
        assert refused_field(rules.check_email, bad) == "email", bad


@pytest.mark.parametrize("name", ["jade", "j.d", "a" * 30, "jade-", "tyler.b"])
def test_username_ideas_are_valid_usernames_built_on_the_one_asked_for(name):
    ideas = rules.username_ideas(name, 2026)
    assert len(ideas) >= 4
    for idea in ideas:
        assert rules.check_username(idea) == idea
        assert idea.startswith(name.rstrip("-")[:24])
    assert f"{name.rstrip('-')[:24]}-2026" in ideas
