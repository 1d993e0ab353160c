"""What other domains may call: send a notice to an account holder.

    await notify.send(to_user=carer_id, code=words.ACTION_OVERDUE,
                      params={"action": "..."}, young_person_id=yp_id,
                      link=f"#/young-people/{yp_id}", once_key=f"action:{action_id}:overdue")

- `code`: an event code the calling domain declared with backend.words.wording(...) in
  its words.py. It is rendered when the recipient reads it: the `you` words to the young
  person it is about, the `adult` words to anyone else, in the reader's language. With
  `young_person_id` and no `young_person` parameter, `{young_person}` is filled with the
  young person's name as it is when read.
- `params`: sealed (they may carry names). `link`: a PWA hash route ("#/...").
- `once_key`: the same key to the same person is stored and pushed only once.
- Call it inside your write transaction: the notice commits (or rolls back) with your
  change, and its push is sent after commit by a background job.
"""

from backend.notify.delivery import PERIOD as PUSH_PERIOD
from backend.notify.delivery import TIDY_PERIOD
from backend.notify.delivery import deliver_due as deliver_pushes
from backend.notify.delivery import tidy as tidy_pushes
from backend.notify.services import send

# The background jobs that send notices' pushes and forget old ones (registered in
# backend/wiring.py).
__all__ = ["PUSH_PERIOD", "TIDY_PERIOD", "deliver_pushes", "send", "tidy_pushes"]
