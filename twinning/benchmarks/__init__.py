"""Build a registry at national and world scale and measure the pages on it (make bench)."""
