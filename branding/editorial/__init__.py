"""What editing any visitor-facing item shares: saving, publishing, routes."""
