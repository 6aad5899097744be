"""Areas: the regency's districts (kecamatan) and tourism areas (kawasan)."""
