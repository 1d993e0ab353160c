"""What other domains may call of alerts: forgetting what an ended alert no longer needs
(backend/retention)."""

from backend.alerts.retention import forget_contacts, forget_locations, forget_locations_batch, locations_due

__all__ = ["forget_contacts", "forget_locations", "forget_locations_batch", "locations_due"]
