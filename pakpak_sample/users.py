"""Sample accounts. The password is for local demos only; never use it on a real server."""

from __future__ import annotations

from branding.accounts.models import Role

# Sample-only password shared by every sample account.
SAMPLE_PASSWORD = "sampel-pakpak-2026"

ADMIN_EMAIL = "admin@sample.pakpakbharatkab.go.id"
EDITOR_EMAIL = "editor@sample.pakpakbharatkab.go.id"
OWNER_SALAK_EMAIL = "pemilik.salak@sample.pakpakbharatkab.go.id"
OWNER_KERAJAAN_EMAIL = "pemilik.kerajaan@sample.pakpakbharatkab.go.id"

USERS: list[dict] = [
    {"email": ADMIN_EMAIL, "role": Role.ADMIN, "display_name": "Admin Sampel"},
    {"email": EDITOR_EMAIL, "role": Role.EDITOR, "display_name": "Editor Dinas Pariwisata"},
    {"email": OWNER_SALAK_EMAIL, "role": Role.OWNER, "display_name": "Pemilik UMKM Salak"},
    {
        "email": OWNER_KERAJAAN_EMAIL,
        "role": Role.OWNER,
        "display_name": "Pemilik UMKM Kerajaan",
    },
]
