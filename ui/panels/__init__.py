"""Docked panels beside the map: credence, trends, sources, inspector."""
