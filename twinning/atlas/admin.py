"""The atlas has no models, so nothing to administer."""
