"""Help and reporting (the ICO Children's Code, standard 15): a young person asks their
social worker for help, reports a problem or says something held about them is wrong,
from any of their screens. No tables: a request is a notice (backend/notify)."""
