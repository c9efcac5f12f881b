"""Views; logging in and out uses Django's own views, wired in urls.py."""
