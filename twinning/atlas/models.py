"""The atlas keeps no records of its own: it reads partnerships and places."""
