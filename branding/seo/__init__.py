"""What search engines and feed readers read: JSON-LD, sitemap, robots.txt and Atom feeds."""
