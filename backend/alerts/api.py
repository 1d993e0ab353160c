"""What other domains may call of alerts: forgetting what an ended alert no longer needs
(backend/retention)."""

from backend.alerts.retention import forget_locations, locations_due

__all__ = ["forget_locations", "locations_due"]
