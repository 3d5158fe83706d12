#!/usr/bin/env python3
"""Regenerate assets/basemap/world-50m.json from the pinned npm package world-atlas@2.0.2.

Run from the repository root:

    pip install -r assets/basemap/requirements.txt
    python3 assets/basemap/build_basemap.py

Needs Python 3.11+, `npm` on PATH (for `npm pack`) and `pycountry` (pinned in
requirements.txt). Everything else is the standard library: the TopoJSON is decoded
here, without any topojson library.

Steps:
  1. `npm pack world-atlas@2.0.2` into a temporary directory, check the tarball
     against the pinned sha512 / sha1, read package/countries-50m.json.
  2. Decode the quantized, delta-encoded arcs (transform scale/translate).
  3. Simplify each arc once with Douglas-Peucker (arcs are shared between
     neighbouring countries, so simplifying arcs rather than whole rings keeps
     common borders identical on both sides), then stitch arcs into rings.
  4. Antimeridian fix: every ring of Russia and Fiji, and any other ring spanning
     more than 180 degrees of longitude, gets 360 added to its negative
     longitudes, so longitudes lie in [-180, 540). A ring that encircles a pole
     (Antarctica's main ring, which in the source closes with a straight line from
     179.6 back to -180 at lat -84) is instead closed along the map edge through
     lat -90.
  5. Drop island rings / holes smaller than MIN_RING_AREA square degrees, except a
     country's largest outer ring; round to 2 decimals, remove consecutive
     duplicates, never leave a ring with fewer than 4 distinct points (falling
     back to the unsimplified ring).
  6. Map ISO 3166-1 numeric ids to alpha-3 with pycountry, write the JSON.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

import pycountry

PACKAGE = "world-atlas@2.0.2"
TARBALL = "world-atlas-2.0.2.tgz"
MEMBER = "package/countries-50m.json"
# Integrity of the tarball as published on the npm registry (`npm view world-atlas@2.0.2 dist`).
PINNED_SHA512 = (
    "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
)
PINNED_SHA1 = "4bca4a578f3a413bd409c3f07f2054fe7375824f"

SOURCE = "Natural Earth 4.1.0 (public domain), from npm world-atlas@2.0.2 countries-50m.json"
GENERATED_BY = "assets/basemap/build_basemap.py"
WINDING = (
    "x=lon, y=lat (planar): outer rings counter-clockwise (positive shoelace area), "
    "holes clockwise; rings are implicitly closed (first point not repeated)"
)

TOLERANCE = 0.03  # Douglas-Peucker tolerance, degrees
MIN_RING_AREA = 0.005  # square degrees; smaller rings are dropped unless a country's largest
DECIMALS = 2
MIN_DISTINCT = 4  # never simplify a ring below this many distinct points
ANTIMERIDIAN_COUNTRIES = {"643", "242"}  # Russia, Fiji: all their rings are shifted

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "world-50m.json")


# --------------------------------------------------------------------------- fetch
def fetch_topology() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        path = os.path.join(tmp, TARBALL)
        with open(path, "rb") as f:
            data = f.read()
        sha512 = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        sha1 = hashlib.sha1(data).hexdigest()
        if sha512 != PINNED_SHA512 or sha1 != PINNED_SHA1:
            sys.exit(
                f"integrity mismatch for {TARBALL}:\n  got {sha512} / {sha1}\n"
                f"  expected {PINNED_SHA512} / {PINNED_SHA1}"
            )
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                sys.exit(f"{MEMBER} not found in {TARBALL}")
            return json.load(member)


# -------------------------------------------------------------------------- decode
def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def stitch(ring_arcs: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Concatenate arcs into a ring; ~i means arc i reversed. Result is explicitly closed."""
    out: list[tuple[float, float]] = []
    for k, idx in enumerate(ring_arcs):
        pts = arcs[~idx][::-1] if idx < 0 else arcs[idx]
        out.extend(pts if k == 0 else pts[1:])
    return out


# ------------------------------------------------------------------------ geometry
def _seg_dist2(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def douglas_peucker(pts: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Keeps both endpoints. Works for closed arcs (first == last) too."""
    n = len(pts)
    if n <= 2:
        return list(pts)
    tol2 = tol * tol
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        best, best_d = -1, -1.0
        a, b = pts[i], pts[j]
        for k in range(i + 1, j):
            d = _seg_dist2(pts[k], a, b)
            if d > best_d:
                best, best_d = k, d
        if best_d > tol2:
            keep[best] = True
            stack.append((i, best))
            stack.append((best, j))
    return [p for p, k in zip(pts, keep) if k]


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace area in square degrees; positive = counter-clockwise. Ring may be open or closed."""
    s = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def lon_turns(ring: list[tuple[float, float]]) -> float:
    """Net longitude travelled around a closed ring, taking the short way at each step:
    +-360 for a ring that encircles a pole (Antarctica), ~0 for any other ring."""
    total = 0.0
    for (x1, _), (x2, _) in zip(ring, ring[1:]):
        dx = x2 - x1
        if dx > 180:
            dx -= 360
        elif dx < -180:
            dx += 360
        total += dx
    return total


def close_via_pole(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that encircles a pole (Antarctica's runs from -180 round to 179.6 and then
    jumps straight back) is closed along the map edge instead: down the 180 meridian,
    along the pole line, and up the -180 meridian."""
    pts = ring[:-1]
    jumps = [i for i in range(len(pts)) if abs(pts[(i + 1) % len(pts)][0] - pts[i][0]) > 180]
    if len(jumps) != 1:
        sys.exit(f"polar ring with {len(jumps)} antimeridian jumps; cannot close it")
    i = jumps[0]
    seq = pts[i + 1:] + pts[:i + 1]  # starts just after the jump, ends just before it
    (ax, ay), (bx, by) = seq[-1], seq[0]
    ea = 180.0 if ax > 0 else -180.0
    eb = -ea
    bxu = bx + 360 if ax > 0 else bx - 360
    t = (ea - ax) / (bxu - ax) if bxu != ax else 0.0
    lat = ay + t * (by - ay)
    pole = -90.0 if sum(p[1] for p in pts) < 0 else 90.0
    return seq + [(ea, lat), (ea, pole), (eb, pole), (eb, lat), seq[0]]


def ring_fix(raw: list[tuple[float, float]], country_id: str | None) -> str | None:
    """Which antimeridian fix a (closed, unsimplified) ring needs: 'pole', 'shift' or None."""
    if abs(lon_turns(raw)) > 180:
        return "pole"
    lons = [p[0] for p in raw]
    if country_id in ANTIMERIDIAN_COUNTRIES:
        return "shift" if min(lons) < 0 else None
    return "shift" if max(lons) - min(lons) > 180 else None


def shift(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(x + 360.0 if x < 0 else x, y) for x, y in ring]


def finish(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Round, drop the closing point and consecutive duplicates (also across the wrap)."""
    out: list[tuple[float, float]] = []
    for x, y in ring:
        p = (round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0)  # +0.0 turns -0.0 into 0.0
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def distinct(ring) -> int:
    return len(set(ring))


def tiny_square(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Last resort for a country whose only ring collapses when rounded (e.g. Vatican):
    a 0.02 x 0.02 degree square around its centre."""
    cx = sum(p[0] for p in ring) / len(ring)
    cy = sum(p[1] for p in ring) / len(ring)
    cx, cy = round(cx, DECIMALS), round(cy, DECIMALS)
    d = 10 ** -DECIMALS
    return finish([(cx - d, cy - d), (cx + d, cy - d), (cx + d, cy + d), (cx - d, cy + d)])


# ------------------------------------------------------------------------ building
def polygons_of(geom: dict) -> list[list[list[int]]]:
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def build_country(cid, geoms, raw_arcs, simp_arcs, stats) -> list:
    # Every ring both unsimplified and simplified, shifted across the antimeridian where needed.
    polys = []
    for geom in geoms:
        for poly in polygons_of(geom):
            rings = []
            orphans = False
            for ri, ring_arcs in enumerate(poly):
                raw = stitch(ring_arcs, raw_arcs)
                simp = stitch(ring_arcs, simp_arcs)
                if abs(signed_area(raw)) < 1e-6:
                    # Zero-area ring. Antarctica's polygon has one as its "outer" ring (running
                    # out and back along lat -90) with the real coastline as its "hole"; the
                    # remaining rings then become outer rings of their own.
                    stats["degenerate"] += 1
                    orphans = orphans or ri == 0
                    continue
                fix = ring_fix(raw, cid)
                if fix == "shift":
                    raw, simp = shift(raw), shift(simp)
                    stats["shifted"] += 1
                elif fix == "pole":
                    raw, simp = close_via_pole(raw), close_via_pole(simp)
                    stats["polar"] += 1
                rings.append((raw, simp))
            if orphans:
                polys.extend([r] for r in rings)
            elif rings:
                polys.append(rings)
    if not polys:
        return []
    largest = max(range(len(polys)), key=lambda i: abs(signed_area(polys[i][0][0])))

    out = []
    for pi, rings in enumerate(polys):
        out_rings = []
        for ri, (raw, simp) in enumerate(rings):
            is_largest = pi == largest and ri == 0
            if not is_largest and abs(signed_area(raw)) < MIN_RING_AREA:
                stats["dropped"] += 1
                if ri == 0:
                    break  # outer ring dropped: drop its holes too
                continue
            ring = finish(simp)
            if distinct(ring) < MIN_DISTINCT:
                ring = finish(raw)
                stats["fallback"] += 1
            if distinct(ring) < 3:
                if not is_largest:
                    stats["dropped"] += 1
                    if ri == 0:
                        break
                    continue
                ring = tiny_square(raw)
                stats["squares"].append(cid)
            area = signed_area(ring)
            if (ri == 0 and area < 0) or (ri > 0 and area > 0):
                ring.reverse()
            out_rings.append(ring)
        if out_rings:
            out.append(out_rings)
    # Largest polygon first.
    out.sort(key=lambda r: -abs(signed_area(r[0])))
    return out


def fmt(v: float) -> str:
    s = f"{v:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def country_json(c: dict) -> str:
    polys = "[" + ",".join(
        "[" + ",".join("[" + ",".join(f"{fmt(x)},{fmt(y)}" for x, y in ring) + "]" for ring in poly) + "]"
        for poly in c["polygons"]
    ) + "]"
    head = json.dumps(
        {"iso_a3": c["iso_a3"], "iso_n3": c["iso_n3"], "name": c["name"]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return head[:-1] + ',"polygons":' + polys + "}"


def main() -> None:
    topo = fetch_topology()
    raw_arcs = decode_arcs(topo)
    simp_arcs = [douglas_peucker(a, TOLERANCE) for a in raw_arcs]
    geoms = topo["objects"]["countries"]["geometries"]

    # Group geometries by numeric id (Ashmore and Cartier Is. shares 036 with Australia,
    # so it is merged into Australia and iso_a3 stays unique); geometries without an id
    # stay separate.
    groups: dict[str, list[dict]] = {}
    order: list[str] = []
    for i, g in enumerate(geoms):
        key = g.get("id") or f"noid:{i}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(g)

    stats = {"shifted": 0, "polar": 0, "degenerate": 0, "dropped": 0, "fallback": 0, "squares": []}
    countries = []
    for key in order:
        gs = groups[key]
        cid = None if key.startswith("noid:") else key
        # Name of the biggest member geometry (Australia rather than Ashmore and Cartier Is.).
        main_geom = max(
            gs,
            key=lambda g: sum(abs(signed_area(stitch(p[0], raw_arcs))) for p in polygons_of(g)),
        )
        polygons = build_country(cid, gs, raw_arcs, simp_arcs, stats)
        if not polygons:
            continue
        rec = pycountry.countries.get(numeric=cid) if cid else None
        countries.append(
            {
                "iso_a3": rec.alpha_3 if rec else None,
                "iso_n3": cid,
                "name": main_geom["properties"]["name"],
                "polygons": polygons,
            }
        )
    countries.sort(key=lambda c: c["name"])

    head = json.dumps(
        {"source": SOURCE, "generated_by": GENERATED_BY, "winding": WINDING},
        separators=(",", ":"),
    )
    text = head[:-1] + ',"countries":[\n' + ",\n".join(country_json(c) for c in countries) + "\n]}\n"
    json.loads(text)  # sanity: valid JSON
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        f.write(text)

    points = sum(len(r) for c in countries for p in c["polygons"] for r in p)
    rings = sum(len(p) for c in countries for p in c["polygons"])
    nulls = [c["name"] for c in countries if c["iso_a3"] is None]
    print(f"wrote {os.path.relpath(OUT_PATH)}")
    print(f"countries: {len(countries)}  rings: {rings}  points: {points}  "
          f"size: {len(text.encode('utf-8'))} bytes")
    print(f"tolerance: {TOLERANCE} deg  min ring area: {MIN_RING_AREA} sq deg")
    print(f"rings shifted across antimeridian: {stats['shifted']}  closed via the pole: {stats['polar']}  tiny rings dropped: "
          f"{stats['dropped']}  unsimplified fallbacks: {stats['fallback']}  "
          f"zero-area rings skipped: {stats['degenerate']}")
    if stats["squares"]:
        print(f"collapsed to a minimal square: {stats['squares']}")
    print(f"iso_a3 null: {nulls}")


if __name__ == "__main__":
    main()
