// Written by scripts/rhi_words.py from backend/interviews/vocabulary.py: do not edit.
// Catalogue keys of the words young people read (pwa/i18n/<language>.json).

export const INTERVIEWER = {
  independent_worker: "interviews.interviewer.independent_worker.plain",
  someone_they_trust: "interviews.interviewer.someone_they_trust.plain",
  nominated_care_professional: "interviews.interviewer.nominated_care_professional.plain",
  no_preference: "interviews.interviewer.no_preference.plain",
};

export const DECLINE_REASON = {
  young_person_refused: "interviews.decline_reason.young_person_refused.plain",
  wants_time_to_decide: "interviews.decline_reason.wants_time_to_decide.plain",
  wants_someone_else: "interviews.decline_reason.wants_someone_else.plain",
  nothing_changed_last_time: "interviews.decline_reason.nothing_changed_last_time.plain",
  no_parental_consent: "interviews.decline_reason.no_parental_consent.plain",
  other: "interviews.decline_reason.other.plain",
};

export const WHERE_WENT = {
  family: "interviews.where_went.family.plain",
  friends: "interviews.where_went.friends.plain",
  partners_house: "interviews.where_went.partners_house.plain",
  town_shops_park: "interviews.where_went.town_shops_park.plain",
  somewhere_unfamiliar: "interviews.where_went.somewhere_unfamiliar.plain",
  another_city: "interviews.where_went.another_city.plain",
  slept_rough_or_with_strangers: "interviews.where_went.slept_rough_or_with_strangers.plain",
  other: "interviews.where_went.other.plain",
};

export const WHO_WITH = {
  alone: "interviews.who_with.alone.plain",
  friends: "interviews.who_with.friends.plain",
  boyfriend_or_girlfriend: "interviews.who_with.boyfriend_or_girlfriend.plain",
  family: "interviews.who_with.family.plain",
  adult: "interviews.who_with.adult.plain",
  strangers: "interviews.who_with.strangers.plain",
  other: "interviews.who_with.other.plain",
};

export const HOW_TRAVELLED = {
  walked: "interviews.how_travelled.walked.plain",
  met_or_collected: "interviews.how_travelled.met_or_collected.plain",
  vehicle: "interviews.how_travelled.vehicle.plain",
  public_transport: "interviews.how_travelled.public_transport.plain",
  other: "interviews.how_travelled.other.plain",
};

export const WHAT_WOULD_HELP = {
  later_curfew: "interviews.what_would_help.later_curfew.plain",
  time_with_family_or_friends: "interviews.what_would_help.time_with_family_or_friends.plain",
  time_to_talk: "interviews.what_would_help.time_to_talk.plain",
  placement_type_or_location: "interviews.what_would_help.placement_type_or_location.plain",
  planning_for_independence: "interviews.what_would_help.planning_for_independence.plain",
  other: "interviews.what_would_help.other.plain",
};

export const FOLLOW_UP_SUPPORT = {
  counselling: "interviews.follow_up_support.counselling.plain",
  therapeutic: "interviews.follow_up_support.therapeutic.plain",
  advocacy: "interviews.follow_up_support.advocacy.plain",
  mentoring: "interviews.follow_up_support.mentoring.plain",
  camhs: "interviews.follow_up_support.camhs.plain",
  education: "interviews.follow_up_support.education.plain",
  drop_in_group: "interviews.follow_up_support.drop_in_group.plain",
  voluntary_sector: "interviews.follow_up_support.voluntary_sector.plain",
  positive_activities: "interviews.follow_up_support.positive_activities.plain",
  family_support: "interviews.follow_up_support.family_support.plain",
  sexual_health: "interviews.follow_up_support.sexual_health.plain",
  bereavement: "interviews.follow_up_support.bereavement.plain",
  self_harm: "interviews.follow_up_support.self_harm.plain",
  one_to_one_advice: "interviews.follow_up_support.one_to_one_advice.plain",
  independent_visitor: "interviews.follow_up_support.independent_visitor.plain",
  support_if_declined: "interviews.follow_up_support.support_if_declined.plain",
  other: "interviews.follow_up_support.other.plain",
};

export const AUDIENCE = {
  police: "interviews.audience.police.plain",
  school: "interviews.audience.school.plain",
  carer: "interviews.audience.carer.plain",
  social_worker: "interviews.audience.social_worker.plain",
};

export const SHAREABLE_PART = {
  why_you_went: "interviews.shareable_part.why_you_went.plain",
  where_you_went: "interviews.shareable_part.where_you_went.plain",
  how_you_felt: "interviews.shareable_part.how_you_felt.plain",
  what_would_help: "interviews.shareable_part.what_would_help.plain",
};

export const SHARING_NOTICE = {
  may_be_shared: "interviews.sharing_notice.may_be_shared.plain",
  must_be_shared: "interviews.sharing_notice.must_be_shared.plain",
};

export const NAME = {
  return_home_interview: "interviews.name.return_home_interview.plain",
  definition: "interviews.name.definition.plain",
  not_a_police_check: "interviews.name.not_a_police_check.plain",
};
