"""Request helpers: query arguments, error pages, template filters, links."""
