"""Businesses (UMKM) and their products."""
