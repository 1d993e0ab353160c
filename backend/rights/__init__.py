"""Rights requests (UK GDPR Articles 12, 16 and 17; the ICO Children's Code, standard 15):
a young person asks for something Homeward holds about them to be put right; a trusted
contact asks to be forgotten. Each reaches the young person's social worker, who answers
within one calendar month of receipt (done, refused with a reason, or extended once by
up to two more months with a reason). The asker sees the state and the answer."""
