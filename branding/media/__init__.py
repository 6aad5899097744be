"""Photos of destinations, events, businesses and products."""
