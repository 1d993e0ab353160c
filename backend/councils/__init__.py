"""Per-council settings: alert escalation times, the duty rota, office hours, bank
holidays and the missing-episode thresholds; working-day arithmetic from them."""
