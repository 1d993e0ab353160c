"""Small things a person trying Homeward noticed (issue 12, item 10)."""

from backend import phones
from backend.cli import follow_port


def test_invite_links_follow_the_port_the_demo_serves_on():
    environ: dict[str, str] = {}
    follow_port("127.0.0.1", 8123, environ)
    assert environ["HOMEWARD_BASE_URL"] == "http://127.0.0.1:8123"
    environ = {}
    follow_port("0.0.0.0", 9000, environ)  # listening everywhere: a link needs one address
    assert environ["HOMEWARD_BASE_URL"] == "http://127.0.0.1:9000"


def test_a_base_url_someone_set_is_kept():
    environ = {"HOMEWARD_BASE_URL": "https://homeward.example.gov.uk"}
    follow_port("127.0.0.1", 8123, environ)
    assert environ["HOMEWARD_BASE_URL"] == "https://homeward.example.gov.uk"


def test_real_uk_numbers_are_accepted_and_nonsense_is_not():
    assert phones.e164("07911 654321") == "+447911654321"  # not in libphonenumber's ranges
    assert phones.e164("0161 496 0000") == "+441614960000"
    assert phones.e164("+1 202 555 0101") == "+12025550101"
    for nonsense in ("12", "12345", "496 0000", "999", "call me"):
        assert phones.e164(nonsense) is None, nonsense


def test_a_police_form_does_not_fill_the_console(caplog):
    import datetime as dt
    import logging

    from backend.plans.philomena import render

    made = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
    with caplog.at_level(logging.INFO):
        pdf = render(
            {"preferred_name": "Jade", "date_of_birth": made.date(), "age": 14},
            {},
            {"agreed_at": made, "number": 1},
            None,
            made,
            set(),
            set(),
        )
    assert pdf.startswith(b"%PDF")
    assert [record.getMessage() for record in caplog.records] == []
