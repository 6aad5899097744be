"""The site as a whole: home page, branding settings, language choice, errors."""
