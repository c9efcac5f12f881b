"""Extraction rules: each module turns a document context into facts of one type."""
