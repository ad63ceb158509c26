"""Validated import of real data from CSV and Excel sheets: templates, reading, checking and writing."""
