"""The birthday a young person's record is kept to (backend/young_people/schedule.py)."""

import datetime as dt

from backend.young_people.schedule import birthday


def test_a_birthday_is_the_same_day_of_the_year():
    assert birthday(dt.date(2010, 6, 15), 25) == dt.date(2035, 6, 15)
    assert birthday(dt.date(2010, 6, 15), 75) == dt.date(2085, 6, 15)


def test_someone_born_on_29_february_reaches_an_age_on_1_march_unless_it_is_a_leap_year():
    assert birthday(dt.date(2008, 2, 29), 25) == dt.date(2033, 3, 1)
    assert birthday(dt.date(2008, 2, 29), 24) == dt.date(2032, 2, 29)
