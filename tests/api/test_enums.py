"""States, roles, audiences and parts of plans and trusted contacts are named once: as
enums in the OpenAPI document (what a screen may receive) and as the columns' choices."""

import pytest

from backend.contacts.schemas import ContactState, LanguageCode
from backend.contacts.tables import TrustedContact
from backend.i18n import LANGUAGES
from backend.plans.schemas import ChangedBy, Section, SignerRole, VersionStatus
from backend.plans.tables import PlanChange, PlanSignature, PlanVersion

ENUMS = {
    "ContactState": ["not_invited", "invited", "active", "stepped_down", "removed"],
    "ContactAction": ["change", "invite", "remove"],
    "LanguageCode": sorted(LANGUAGES),
    "VersionStatus": ["draft", "agreed", "superseded"],
    "SignerRole": ["young_person", "carer", "social_worker"],
    "ChangedBy": ["young_person", "carer", "social_worker", "trusted_contact"],
    "Audience": ["carer", "school", "police", "trusted_contacts"],
    "Part": ["about_me", "photo", "health", "worries", "places", "trio", "coming_back"],
    "Section": [
        "about_me",
        "worries",
        "places",
        "carer_steps",
        "sharing",
        "professional_notes",
        "trio",
        "photo_id",
        "coming_back",
    ],
    "PlanAction": [
        "edit_about_me",
        "edit_worries",
        "edit_places",
        "edit_carer_steps",
        "edit_sharing",
        "edit_professional_notes",
        "edit_coming_back",
        "add_photo",
        "sign",
        "download_police_form",
        "change_people",
    ],
}


async def test_the_openapi_document_names_every_state_and_kind(client_for):
    schemas = (await client_for().get("/schema/openapi.json")).json()["components"]["schemas"]
    for name, values in ENUMS.items():
        assert sorted(schemas[name]["enum"]) == sorted(values), name


@pytest.mark.parametrize(
    ("column", "enum"),
    [
        (TrustedContact.state, ContactState),
        (TrustedContact.language, LanguageCode),
        (PlanVersion.status, VersionStatus),
        (PlanSignature.role, SignerRole),
        (PlanChange.role, ChangedBy),
        (PlanChange.section, Section),
    ],
    ids=lambda value: getattr(getattr(value, "_meta", None), "name", None) or value.__name__,
)
def test_each_column_takes_only_its_enums_values(column, enum):
    assert column._meta.choices is enum
