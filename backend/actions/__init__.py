"""Due actions: the escalation triggers of a missing episode (seeds 001 and 003) as
actions with an owner, a deadline and a state, and the social worker's dashboard."""
