"""Form support: language fields, typed fields, hours and contact input."""
