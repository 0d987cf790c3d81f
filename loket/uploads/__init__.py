"""Checks for uploaded letters and supporting files, by content rather than by name."""
