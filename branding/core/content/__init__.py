"""What stored content is made of: columns, statuses, slugs, texts."""
