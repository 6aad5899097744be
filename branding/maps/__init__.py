"""The map: destinations, businesses and events with coordinates, as a page and as GeoJSON."""
