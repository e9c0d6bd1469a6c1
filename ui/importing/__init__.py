"""Bringing articles and trend CSVs into a map: the import flow and its review dialogs."""
