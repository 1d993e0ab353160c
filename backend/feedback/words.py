"""The words of police-response feedback: questions, figures, prompts and errors."""

from __future__ import annotations

from backend.feedback.schemas import Happened, Prompt, Question, YesNo
from backend.i18n import N_
from backend.words import wording

# The notice a young person gets with their own link (nothing says what it is about on
# a lock screen: notify sends only generic words in a push).
INVITED = wording(
    "feedback.invited",
    you=N_("Tell us how the police treated you. Nobody will know it was you."),
    adult=N_("{young_person} was asked how the police treated them"),
)

QUESTIONS = {
    Question.RESPECT: N_("Did the police treat you with respect?"),
    Question.LISTENED: N_("Did the police listen to you?"),
    Question.EXPLAINED: N_("Did the police explain what was happening?"),
    Question.SAFE: N_("Did you feel safe with the police?"),
    Question.HELPED: N_("Did the police treat you as someone who needed help?"),
}
HAPPENED = {
    Happened.SEARCHED: N_("Were you searched?"),
    Happened.RESTRAINED: N_("Were you held or restrained?"),
}
FACES = {
    1: N_("Very bad"),
    2: N_("Bad"),
    3: N_("OK"),
    4: N_("Good"),
    5: N_("Very good"),
}
ANSWERS = {YesNo.YES: N_("Yes"), YesNo.NO: N_("No"), YesNo.RATHER_NOT_SAY: N_("Rather not say")}

PROMPTS = {
    Prompt.NOT_RESPECTED: N_(
        "Young people said the police did not treat them with respect. How do we share this with the police?"
    ),
    Prompt.NOT_LISTENED: N_(
        "Young people said they were not listened to. How do we share this with the police?"
    ),
    Prompt.NOT_EXPLAINED: N_(
        "Young people said nobody explained what was happening. Who could explain it to them next time?"
    ),
    Prompt.NOT_SAFE: N_(
        "Young people did not feel safe with the police. What would make the return feel safer?"
    ),
    Prompt.NOT_HELPED: N_(
        "Young people felt treated as a problem, not as someone who needed help. "
        "Where does our response start from welfare, and where from enforcement?"
    ),
    Prompt.SEARCHED: N_(
        "Many young people said they were searched or restrained. Are some groups of young people "
        "searched or restrained more than others, and what do the episode figures say?"
    ),
    Prompt.LOW_RISK_REPORTED: N_(
        "Many of the episodes reported to the police were graded low or no apparent risk. "
        "Could the young person's own people have been asked first, so the police were not needed?"
    ),
    Prompt.TOO_FEW: N_(
        "Too few young people answered this quarter to see themes. How could we make it easier "
        "for them to tell us, in the return interview and with the card?"
    ),
    Prompt.TREATED_DIFFERENTLY: N_(
        "Are some young people treated differently from others, because of their ethnicity, sex, "
        "disability or where they live? What in our own practice might add to that?"
    ),
}
WHY_THEME = N_("At least a quarter of the answers this quarter were 'bad' or 'very bad'.")
WHY_SEARCHED = N_("At least a quarter of the answers this quarter said yes.")
WHY_TOO_FEW = N_("Fewer than 10 answers this quarter.")
WHY_LOW_RISK = N_(
    "At least half of this quarter's episodes reported to the police (10 or more) "
    "were graded low or no apparent risk."
)
WHY_ALWAYS = N_("Asked every quarter (seed guidance on inequalities and discrimination).")

ANSWERS_LABEL = N_("Answers")
NOT_SET = N_("Police force not set")

GONE = N_("This link has run out. Ask for a new one.")
USED = N_("This link has already been used. Thank you for telling us.")
DOES_NOT_WORK = N_("This link doesn't work")
NOT_ANSWERED = N_("Answer at least one question, or write something.")
ONLY_YOUNG_PEOPLE = N_("Only young people have feedback links of their own.")
ONLY_FIGURES = N_("Only social workers, managers and police liaison officers see feedback figures.")
ONLY_CARDS = N_("Only social workers and managers make feedback cards.")
ONLY_MANAGERS = N_("Only managers read what young people wrote before it is shared.")
ONLY_SUPERVISION = N_("Only social workers and managers use supervision prompts.")
NO_SUCH_QUOTE = N_("No words waiting with that id.")
NO_SUCH_PERIOD = N_("Choose a month, a quarter or a year.")
