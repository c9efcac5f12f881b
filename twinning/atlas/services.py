"""The atlas only reads; its readers are in selectors.py."""
