"""Forms; logging in uses Django's AuthenticationForm."""
