"""Sample content of Pakpak Bharat, marked as sample, for demos, tests and a fresh install."""
