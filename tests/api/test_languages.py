"""A person reads Homeward in their language: chosen once and kept with their account,
or asked for by the page (header or cookie), else the browser's. Errors, field messages
and "who has looked" come in that language."""

from __future__ import annotations

import datetime as dt

from backend.accounts.tables import User

YOUNG_PEOPLE = "/api/young-people"
ARABIC_NOT_FOUND = "غير موجود"


async def choose(person, language: str):
    return await person.client.put("/api/auth/me/language", json={"language": language})


async def test_a_person_reads_english_until_they_choose_and_their_choice_is_kept(world):
    assert (await world.jade.client.get("/api/auth/me")).json()["user"]["language"] == "en"
    reply = await choose(world.jade, "ar")
    assert reply.status_code == 200
    assert reply.json()["user"]["language"] == "ar"
    # On another phone too: the choice is the account's, not the browser's.
    other_phone = await world.device("jade")
    assert (await other_phone.client.get("/api/auth/me")).json()["user"]["language"] == "ar"


async def test_a_language_homeward_does_not_ship_is_refused_naming_the_field(world):
    reply = await choose(world.jade, "xx")
    assert reply.status_code == 422
    assert [error["field"] for error in reply.json()["errors"]] == ["language"]
    assert await User.select(User.language).where(User.id == world.jade.user_id).first() == {"language": "en"}


async def test_errors_come_in_the_language_the_person_chose(world):
    await choose(world.alex, "ar")
    reply = await world.alex.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}")
    assert reply.status_code == 404
    assert reply.json()["title"] == ARABIC_NOT_FOUND
    assert reply.json()["detail"] == "لا يوجد في قائمتك شاب أو شابة بهذا المعرّف."


async def test_the_page_may_ask_for_another_language_than_the_stored_one(world):
    await choose(world.alex, "ar")
    url = f"{YOUNG_PEOPLE}/{world.young['jade']}"
    by_header = await world.alex.client.get(url, headers={"X-Homeward-Language": "en"})
    assert by_header.json()["title"] == "Not found"
    world.alex.client.cookies.set("homeward_lang", "en", domain="homeward.test")
    assert (await world.alex.client.get(url)).json()["title"] == "Not found"


async def test_someone_not_signed_in_reads_their_browsers_language_or_the_pages_choice(world):
    anonymous = world.anonymous()
    reply = await anonymous.get("/api/auth/me", headers={"Accept-Language": "fr, ar;q=0.8"})
    assert (reply.status_code, reply.json()["title"]) == (401, "يرجى تسجيل الدخول")
    reply = await anonymous.get(
        "/api/auth/me", headers={"Accept-Language": "ar", "X-Homeward-Language": "en"}
    )
    assert reply.json()["title"] == "Please sign in"
    anonymous.cookies.set("homeward_lang", "ar", domain="homeward.test")
    assert (await anonymous.get("/api/nothing-here")).json()["title"] == ARABIC_NOT_FOUND


async def test_each_field_message_is_translated(world):
    await choose(world.sam, "ar")
    born = (dt.date.today() - dt.timedelta(days=365 * 40)).isoformat()
    reply = await world.sam.client.post(YOUNG_PEOPLE, json={"preferred_name": " ", "date_of_birth": born})
    assert reply.status_code == 422
    problem = reply.json()
    assert problem["title"] == "يرجى التحقق مما أدخلته"
    assert {e["field"]: e["message"] for e in problem["errors"]} == {
        "preferred_name": "المطلوب الاسم الذي يحب أن يُنادى به (حتى 60 حرفًا).",
        "date_of_birth": "المطلوب تاريخ ميلاد لشخص عمره من 8 إلى 25 سنة.",
    }
    assert "المطلوب الاسم" in problem["detail"]


async def test_a_message_with_a_number_is_translated_before_the_number_goes_in(world):
    await choose(world.sam, "ar")
    reply = await world.sam.client.post(
        "/api/auth/change-secret", json={"current_secret": world.sam.secret, "new_secret": "short"}
    )
    (error,) = reply.json()["errors"]
    assert error == {"field": "new_secret", "message": "عدد أحرف كلمة المرور: 12 على الأقل."}


async def test_a_missing_or_unknown_field_is_named_from_the_body_and_said_plainly(world):
    born = (dt.date.today() - dt.timedelta(days=365 * 13)).isoformat()
    missing = await world.sam.client.post(YOUNG_PEOPLE, json={"date_of_birth": born})
    assert missing.json()["errors"] == [{"field": "preferred_name", "message": "This is needed."}]
    unknown = await world.sam.client.post(
        YOUNG_PEOPLE,
        json={"preferred_name": "Kai", "date_of_birth": born, "council": "elsewhere"},
        headers={"X-Homeward-Language": "ar"},
    )
    assert unknown.json()["errors"] == [{"field": "council", "message": "هذا ليس مما نطلبه. يرجى حذفه."}]
    assert unknown.json()["title"] == "يرجى التحقق مما أدخلته"


async def test_who_has_looked_reads_in_the_young_persons_language(world):
    await world.sam.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}")
    await choose(world.jade, "ar")
    looks = (await world.jade.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}/who-has-looked")).json()
    assert [(look["name"], look["role"], look["what"]) for look in looks] == [
        ("Sam Okafor", "الأخصائي الاجتماعي", "اطّلع على معلوماتك")
    ]
    can_see = (await world.jade.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}/who-can-see")).json()
    assert can_see[0]["why"] == "مسؤول عنك كأخصائي اجتماعي."
    assert can_see[0]["role"] == "social_worker"


async def test_someone_who_joins_reading_arabic_keeps_arabic(world):
    code = (await world.invite("tyler"))["code"]
    phone = world.anonymous()
    reply = await phone.post(
        "/api/invites/accept",
        json={"code": code, "username": "tyler", "secret": "975318"},
        headers={"X-Homeward-Language": "ar"},
    )
    assert reply.status_code == 201, reply.text
    assert reply.json()["user"]["language"] == "ar"
