"""The ingestion app offers no API endpoints: review happens on its pages."""
