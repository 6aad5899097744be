"""Accounts: administrators, tourism office editors and business owners."""
