// Written by scripts/rhi_words.py from backend/interviews/vocabulary.py: do not edit.
// The guidance's words, for the professional's return interview form.

export const QUESTION = {
  who_reported: "Who reported you missing?",
  how_long: "How long were you missing for?",
  where_slept: "If you stayed out all night where did you sleep?",
  left_from: "Where did you go missing from?",
  where_went: "Where did you go?",
  how_travelled: "How did you get there?",
  what_did: "What did you do?",
  who_with: "Who were you with/who did you meet?",
  felt_safe: "Did you feel safe with them?",
  why_not_tell: "Why did you not tell anyone that you were leaving/ or that you did not plan to return home?",
  thinking_feeling: "What were you thinking and feeling at the time?",
  what_would_help: "What needs to happen to make you feel safer/ more stable at home/school?",
  who_affected: "Who do you think has been affected during your missing episode? How and why?",
};

export const PUSH_FACTOR = {
  domestic_violence: "Witnessing/experiencing domestic violence",
  abuse: "Experiencing Physical abuse, Sexual abuse, Emotional abuse",
  cultural_conflicts: "Cultural conflicts",
  problems_with_peers: "Problems with peers (bullying)",
  substance_misuse: "Substance misuse by parents/carers/child",
  learning_disability_or_mental_health: "Learning disabilities, special needs or mental health issues (Low self-esteem, Anger management difficulties, Social isolation)",
  homophobia: "Homophobia",
  relationship_breakdown: "Breakdown in relationships with caring adults",
  death_loss_or_illness: "Death, loss or illness of a significant person in the child's life",
  financial_employment: "Financial/employment difficulties",
  needing_space: "Needing space - not able to have own time or space at home. Bored or isolated and having a lack of activities or opportunity.",
  lack_of_love_and_security: "Lack of love and security",
  family_history_of_prostitution: "Family history of prostitution",
  trafficking_factors: "Trafficking Factors - Isolation (being in a foreign country, not speaking the language, not knowing who to trust), Young people not understanding their situation/how they are safe and not understanding they were/are victims of trafficking or Scared of deportation (nearing 18/asylum decision).",
  crime_or_risky_associates: "History of crime or association with offenders or adults/ children that pose a risk of harm (parents or child).",
  disrupted_schooling: "History of disrupted schooling/ poor attendance/ exclusions",
  medical_needs: "Regular medical needs/ treatment on going or Health/Sexual health problems",
  self_harm_mental_health: "Self-harm/ mental health difficulties",
  criminal_activities_gangs: "Engaged/ exposed to criminal activities, gang members and/or other violent offenders",
  previous_missing: "Previous/current missing episodes",
  other: "Other, please specify",
};

export const PULL_FACTOR = {
  to_see_family: "Running to see family, feeling like they are missing out on things/ wanting to choose rather than be told when they can have contact.",
  to_be_near_friends: "Running to be near friends - friends aren't approved of/ classed as unsuitable. If in care - wanting to see friends when you choose not when told you can.",
  to_be_with_partner: "Running to be with Boyfriend/Girlfriend - partner not approved of seen as unsuitable",
  spent_time_with_family: "Spent time with family",
  friends_for_fun: "Went to see friends to have fun, go to town, shops, park to drink take drugs and hang out",
  partners_house: "Went to boyfriend or girlfriend's house",
  unfamiliar_place_with_partner: "Went somewhere unfamiliar with boyfriend or girlfriend.",
  unfamiliar_place_with_friends: "Went somewhere unfamiliar with friend/s.",
  alone_town_or_parks: "Walked around town or parks alone",
  trafficking: "Trafficking - debt bondage, threats of violence to them or their families, voodoo/juju ceremonies, Stockholm syndrome",
  other: "Other, please specify",
};

export const HIGH_RISK_CATEGORY = {
  missing_overnight_24_hours: "Missing Overnight/24 hours",
  repeat_missing: "Repeat missing episode",
  domestic_violence: "Domestic Violence/Partner abuse",
  criminal_behaviour: "Involved in Criminal behaviour",
  harmed_or_injured: "Harmed or Injured whilst missing",
  emotional_wellbeing: "Emotional Wellbeing Concerns",
  substance_misuse_while_missing: "Alcohol/Substance Misuse during missing period",
  trafficking: "Trafficking",
  high_risk_places: "High Risk areas/places visited identified",
  high_risk_associates: "High Risk peer/adult associates identified",
};

export const REPEAT_RISK = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const WHERE_WENT = {
  family: "Spent time with family",
  friends: "Went to see friends",
  partners_house: "Went to boyfriend or girlfriend's house",
  town_shops_park: "go to town, shops, park",
  somewhere_unfamiliar: "Went somewhere unfamiliar",
  another_city: "Another city",
  slept_rough_or_with_strangers: "sleep rough or stay with strangers",
  other: "Other",
};

export const WHO_WITH = {
  alone: "Alone",
  friends: "friend/s",
  boyfriend_or_girlfriend: "Boyfriend/Girlfriend",
  family: "Spent time with family",
  adult: "in company with an adult",
  strangers: "stay with strangers",
  other: "Other",
};

export const HOW_TRAVELLED = {
  walked: "Walked",
  met_or_collected: "Being met or collected",
  vehicle: "the vehicle they left in",
  public_transport: "Public transport",
  other: "Other",
};

export const WHAT_WOULD_HELP = {
  later_curfew: "later curfew",
  time_with_family_or_friends: "time with family or friends",
  time_to_talk: "time to talk",
  placement_type_or_location: "change in placement type or location",
  planning_for_independence: "planning for independence",
  other: "Other",
};

export const FOLLOW_UP_SUPPORT = {
  counselling: "Sexual, Drug and Alcohol Counselling and other Services.",
  therapeutic: "Therapeutic Services.",
  advocacy: "Advocacy Services.",
  mentoring: "Mentoring Services.",
  camhs: "Child and Adolescent Mental Health Services (CAMHS).",
  education: "Involve Education services.",
  drop_in_group: "Raise awareness of \"drop in\" support groups.",
  voluntary_sector: "Refer to Voluntary Sector for support.",
  positive_activities: "Positive activities.",
  family_support: "Consider family support services.",
  sexual_health: "Sexual health and contraceptive advice.",
  bereavement: "Offer bereavement counselling to family and child",
  self_harm: "Support YP with self-harming",
  one_to_one_advice: "Provide 1-1 advice on risks associated with missing episodes",
  independent_visitor: "Independent Visitor",
  support_if_declined: "alternative support or signposting in cases where an RHI is declined",
  other: "Other",
};

export const REFERRAL = {
  strategy_meeting: "Is a strategy meeting required?",
  mash: "does this need sharing with MASH?",
  nrm: "NRM referral Required",
  cse_screening: "Are there indicators of CSE",
  cce_screening: "Are there indicators of CCE",
  cpi: "CPI Complete",
  op_met: "Does the Op MET need updating?",
  camhs: "Does your local CAMHS accept referrals from RHIs?",
  child_in_need_assessment: "making referral to a child in need assessment",
  other: "Other",
};

export const DECLINE_REASON = {
  young_person_refused: "refuse an offer of an RHI and the reasons for refusal",
  wants_time_to_decide: "time to decide if they want a RHI",
  wants_someone_else: "a choice in who provides their RHI",
  nothing_changed_last_time: "young people who go missing more than once may disengage from services and be more likely to decline any future offers of a RHI",
  no_parental_consent: "RHIs that do not take place due to lack of parental consent",
  other: "Other",
};

export const NOT_HELD_REASON = {
  declined: "refuse an offer of an RHI",
  could_not_contact: "make several contact attempts if not initially successful",
  missing_again: "going missing again before the RHI for a previous missing episode takes place",
  referral_delay: "delays in RHI referrals",
  peak_demand: "school holidays or bank holiday weekends, can create a backlog of RHI referrals",
  not_appropriate_yet: "some instances where it might not be appropriate to carry out a RHI with a young person within the 72-hour timeframe",
  young_person_chose_later: "the best way to engage them is to give them control and choice",
  other: "Other",
};

export const PARENTAL_CONSENT = {
  sought: "seek parental consent before conducting a RHI",
  given: "consented to a RHI",
  refused: "the reasons why consent is denied",
  overridden: "a parent's lack of consent for a RHI should be overridden",
  young_person_consented: "competent to consent to the offer of a RHI themselves",
  school_in_loco_parentis: "approaching schools to act 'in loco parentis' enabling them to give consent to RHIs",
};

export const INTERVIEWER = {
  independent_worker: "an independent person who is trained to carry out these interviews and is also able to follow up any actions that emerge",
  someone_they_trust: "Identify an individual that the young person respects and wants to talk to.",
  nominated_care_professional: "it is better that an interview is conducted by a nominated care professional than no interview being conducted at all",
  no_preference: "No preference",
};

export const EPISODE_FIELD = {
  who_reported: "Who reported the young person missing?",
  missing_from: "Where did they go missing from?",
  where_found: "Where was the YP found?",
  spoken_to_adult_with_pr: "Have you spoken to the adult with PR?",
  issues_highlighted: "Were any issues highlighted/why do they think the YP went missing?",
  ppn_references: "PPN reference (s)",
  time_left: "Time left",
  time_returned: "Time returned",
  how_long_missing: "How long were they missing?",
  presentation_on_return: "What was their presentation upon return?",
  safe_and_well_completed: "Was a Police Safe & Well check completed?",
  safe_and_well_findings: "What does the Safe & Well check tell us?",
  went_missing_with: "Did the young person go missing with anyone? Details",
};

export const ASSESSMENT_FIELD = {
  support_assessment: "What is your assessment of identified areas of support",
  safety_plan: "What is the safety plan?",
  address_with_caring_adult: "What needs to be addressed with the caring adult?",
  strategy_meeting_required: "Is a strategy meeting required?",
  independent_visitor_wanted: "Would the Young Person like an Independent Visitor?",
  cse_indicators: "Are there indicators of CSE",
  cse_screening_date: "Risk assessment/Screening tool completed date",
  cce_indicators: "Are there indicators of CCE",
  cce_screening_date: "Risk assessment/Screening tool completed date",
  nrm_referral_required: "NRM referral Required",
  allocated_worker: "Allocated Barnardos Worker",
  locations_of_concern: "Locations of concern",
  other_young_people_of_concern: "Other YP's we have concern for following discussion (does this need sharing with MASH?)",
  people_of_concern: "People of concern",
  cpi_complete: "CPI Complete",
  op_met_update_needed: "Does the Op MET need updating?",
};

export const SHARING_FIELD = {
  permission_to_share: "Permission to Share given",
  kept_confidential: "ask them to state if they wish for anything to remain confidential",
  ppn_date: "Date of PPN",
  completed_by: "Person completing the return interview",
  completed_on: "Date complete",
  lead_professional: "Lead Professional",
};

// How each of those boxes is filled in: text, yes_no, date or datetime.
export const DETAIL_KIND = {
  who_reported: "text",
  missing_from: "text",
  where_found: "text",
  spoken_to_adult_with_pr: "yes_no",
  issues_highlighted: "text",
  ppn_references: "text",
  time_left: "datetime",
  time_returned: "datetime",
  how_long_missing: "text",
  presentation_on_return: "text",
  safe_and_well_completed: "yes_no",
  safe_and_well_findings: "text",
  went_missing_with: "text",
  support_assessment: "text",
  safety_plan: "text",
  address_with_caring_adult: "text",
  strategy_meeting_required: "yes_no",
  independent_visitor_wanted: "yes_no",
  cse_indicators: "yes_no",
  cse_screening_date: "date",
  cce_indicators: "yes_no",
  cce_screening_date: "date",
  nrm_referral_required: "yes_no",
  allocated_worker: "text",
  locations_of_concern: "text",
  other_young_people_of_concern: "text",
  people_of_concern: "text",
  cpi_complete: "yes_no",
  op_met_update_needed: "yes_no",
  permission_to_share: "yes_no",
  kept_confidential: "text",
  ppn_date: "date",
  completed_by: "text",
  completed_on: "date",
  lead_professional: "text",
};
