"""Destinations: the places the tourism office promotes."""
