"""The alert path's rules as pure functions: who may do what with an alert (owner,
member, outsider), the state machine's table of moves, Retry-After, and how a step of
an alert's story reads to each reader and in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import i18n
from backend.alerts import guards
from backend.alerts import words as w
from backend.alerts.escalation import MOVES, IllegalTransition, Move, target
from backend.alerts.outbox import RETRY_AFTER_CAP, retry_after
from backend.alerts.schemas import AlertState, Level, Progress
from backend.words import Reader

OWNER, CARER, SOCIAL_WORKER, OUTSIDER = "self", "carer", "social_worker", None
ACTIVE, ACKNOWLEDGED, CANCELLED, FAILED = (
    AlertState.ACTIVE,
    AlertState.ACKNOWLEDGED,
    AlertState.CANCELLED,
    AlertState.FAILED,
)


# -- guards: owner / members / outsider -----------------------------------------------------


@pytest.mark.parametrize(
    ("guard", "allowed"),
    [
        (guards.is_owner, {OWNER}),
        (guards.may_read_status, {OWNER, CARER, SOCIAL_WORKER}),
        (guards.may_see_attempts, {SOCIAL_WORKER}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_alert_guard_answers_owner_members_and_outsider(guard, allowed):
    for relation in (OWNER, CARER, SOCIAL_WORKER, OUTSIDER, "manager", "admin", ""):
        assert guard(relation) is (relation in allowed), relation


def test_only_the_young_person_cancels_and_only_while_it_is_on():
    assert guards.may_cancel(OWNER, ACTIVE)
    for relation in (CARER, SOCIAL_WORKER, OUTSIDER):
        assert not guards.may_cancel(relation, ACTIVE)
    # "I'm OK now" stays after someone has got it (issue 12), not once it has ended.
    assert guards.may_cancel(OWNER, ACKNOWLEDGED)
    for state in (CANCELLED, FAILED):
        assert not guards.may_cancel(OWNER, state)
    assert guards.status_can(OWNER, ACTIVE) == ["cancel"] and guards.status_can(SOCIAL_WORKER, ACTIVE) == []


def test_only_young_people_send_alerts():
    assert [
        role
        for role in ("young_person", "carer", "social_worker", "manager", "admin")
        if guards.may_send(role)
    ] == ["young_person"]


def test_a_recipient_may_act_only_while_the_tie_that_put_them_on_it_holds():
    assert guards.recipient_may_act("carer", CARER, in_council=True)
    assert not guards.recipient_may_act("carer", OUTSIDER, in_council=True)  # placement ended
    assert guards.recipient_may_act("duty", OUTSIDER, in_council=True)
    assert not guards.recipient_may_act("duty", SOCIAL_WORKER, in_council=False)  # moved council
    assert not guards.recipient_may_act("trusted_contact", OWNER, in_council=True)  # contacts: own cookie


def test_what_a_recipient_can_answer():
    assert guards.recipient_can(ACTIVE, Progress.OPENED) == ["acknowledge", "decline"]
    assert guards.recipient_can(ACTIVE, Progress.DECLINED) == ["acknowledge"]  # "after all"
    assert guards.recipient_can(ACTIVE, Progress.ACKNOWLEDGED) == []
    assert guards.recipient_can(FAILED, Progress.REACHED) == ["acknowledge", "decline"]
    assert guards.recipient_can(ACKNOWLEDGED, Progress.OPENED) == []
    assert guards.recipient_can(CANCELLED, Progress.OPENED) == []


# -- the state machine ------------------------------------------------------------------


def test_every_move_starts_from_an_active_alert_and_ended_alerts_never_move():
    for move in Move:
        for state in (ACKNOWLEDGED, CANCELLED, FAILED):
            if (move, state) == (Move.CANCEL, ACKNOWLEDGED):
                continue  # "I'm OK now" after someone has got it: below
            with pytest.raises(IllegalTransition):
                target(move, state, Level.PEOPLE)
    assert set(MOVES) == set(Move)


def test_the_young_person_may_say_they_are_ok_after_someone_has_got_it():
    assert target(Move.CANCEL, ACKNOWLEDGED, Level.CARER) == (CANCELLED, Level.CARER)


@pytest.mark.parametrize(
    ("level", "to_level"),
    [(Level.PEOPLE, Level.CARER), (Level.PEOPLE, Level.DUTY), (Level.CARER, Level.DUTY)],
)
def test_escalation_goes_up_and_may_skip_a_level_with_nobody_on_it(level, to_level):
    assert target(Move.ESCALATE, ACTIVE, level, to_level) == (ACTIVE, to_level)


@pytest.mark.parametrize(
    ("level", "to_level"),
    [(Level.CARER, Level.CARER), (Level.DUTY, Level.CARER), (Level.DUTY, Level.FINAL), (Level.PEOPLE, None)],
)
def test_escalation_never_goes_down_stays_or_reaches_the_final_notice(level, to_level):
    with pytest.raises(IllegalTransition):
        target(Move.ESCALATE, ACTIVE, level, to_level)


def test_running_out_ends_failed_at_the_final_notice_from_any_level():
    for level in (Level.PEOPLE, Level.CARER, Level.DUTY):
        assert target(Move.RUN_OUT, ACTIVE, level) == (FAILED, Level.FINAL)


def test_answering_and_cancelling_keep_the_level():
    assert target(Move.ACKNOWLEDGE, ACTIVE, Level.CARER) == (ACKNOWLEDGED, Level.CARER)
    assert target(Move.CANCEL, ACTIVE, Level.DUTY) == (CANCELLED, Level.DUTY)
    with pytest.raises(IllegalTransition):
        target(Move.ACKNOWLEDGE, ACTIVE, Level.CARER, Level.DUTY)


# -- Retry-After ------------------------------------------------------------------------

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def test_retry_after_in_seconds_or_as_a_date_capped():
    assert retry_after("30", NOW) == dt.timedelta(seconds=30)
    assert retry_after("Sun, 29 Nov 2026 12:01:30 GMT", NOW) == dt.timedelta(seconds=90)
    assert retry_after("86400", NOW) == RETRY_AFTER_CAP
    assert retry_after("0", NOW) == dt.timedelta(seconds=1)  # never a tight loop
    assert retry_after("Sun, 29 Nov 2026 11:00:00 GMT", NOW) == dt.timedelta(seconds=1)  # already past
    assert retry_after(None, NOW) is None and retry_after("soon", NOW) is None


# -- the story, for each reader and in each language --------------------------------------


def test_a_step_reads_to_the_young_person_and_to_an_adult():
    names = {"names": ["Lou", "Dan"]}
    assert (
        w.story_line(w.SENT_TO[Level.PEOPLE], names, Reader.YOUNG_PERSON, "Jade")
        == "Sent to your people: Lou, Dan"
    )
    assert (
        w.story_line(w.SENT_TO[Level.PEOPLE], names, Reader.ADULT, "Jade")
        == "Sent to Jade's people: Lou, Dan"
    )
    assert w.story_line(w.CANCELLED, {}, Reader.ADULT, "Jade") == "Jade said they're OK now"
    assert w.story_line(w.ACKNOWLEDGED, {"name": "Lou"}, Reader.ADULT, "Jade") == "Lou has got this"


def test_a_step_reads_in_the_readers_language():
    token = i18n.use("ar")
    try:
        line = w.story_line(w.SENT_TO[Level.PEOPLE], {"names": ["Lou", "Dan"]}, Reader.ADULT, "Jade")
    finally:
        i18n._current.reset(token)
    assert line == "تم الإرسال إلى أشخاص Jade: Lou، Dan"


def test_a_step_from_before_codes_reads_about_them_for_an_adult():
    old = {"text": "You sent it again and shared where you are now"}
    assert w.story_line(w.LEGACY, old, Reader.YOUNG_PERSON, "Jade") == old["text"]
    assert (
        w.story_line(w.LEGACY, old, Reader.ADULT, "Jade")
        == "Jade sent it again and shared where they are now"
    )


def test_the_columns_take_their_choices_from_the_enums():
    from backend.alerts import schemas
    from backend.alerts.tables import Alert, AlertRecipient, Delivery, DeliveryAttempt

    assert Alert.state._meta.choices is schemas.AlertState and Alert.level._meta.choices is schemas.Level
    assert Alert.kind._meta.choices is schemas.Kind
    assert AlertRecipient.role._meta.choices is schemas.RecipientRole
    assert AlertRecipient.purpose._meta.choices is schemas.Purpose
    assert Delivery.state._meta.choices is schemas.DeliveryState
    assert Delivery.channel._meta.choices is schemas.DeliveryChannel
    assert DeliveryAttempt.result._meta.choices is schemas.AttemptResult
