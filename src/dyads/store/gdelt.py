"""Merged events as rows of the GDELT 2.0 event table, for tools that already read GDELT.

`GDELT_EVENT_COLUMNS` is GDELT 2.0's event-table column order (61 columns; the files are tab-separated with no
header). We fill what dyads knows and leave the rest empty rather than guess: no tone (``AvgTone``), no actor
geography, no ethnic/religion/known-group codes, and for the action location only its name (GDELT's geo country
codes are FIPS, ours are ISO3).

Mapping: GLOBALEVENTID from the merged id (`merge.gdelt_event_id`); SQLDATE/MonthYear/Year/FractionDate from the
start of the event's date; Actor*Code/Name/CountryCode/Type1Code from the actor code, name, country and role;
IsRootEvent is 1 when a source sentence is among an article's first three; EventCode/BaseCode/RootCode from the
CAMEO code; QuadClass from the root; NumMentions = source sentences, NumSources = distinct sites, NumArticles =
documents; DATEADDED = when the first source was ingested (YYYYMMDDHHMMSS); SOURCEURL = a source's URL (or its
document name when it had none).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_EVENT_COLUMNS) == 61

SELECT = """merged_id, date_start, source_code, source_name, source_country, source_role, target_code, target_name,
    target_country, target_role, cameo, quad_class, goldstein, n_sources, n_sites, n_documents, location, first_seen,
    url, doc, min_sentence_index"""

LEAD_SENTENCES = 3


def _clean(value: Any) -> str:
    """A field as GDELT writes it: no tabs or newlines, empty for unknown."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One merged event (the columns of `SELECT`) as the 61 GDELT fields, in order."""
    from dyads.store.merge import gdelt_event_id

    d: date | None = r["date_start"]
    if isinstance(d, str):
        d = date.fromisoformat(d)
    when = [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year),
            f"{d.year + d.timetuple().tm_yday / 365:.4f}"] if d else ["", "", "", ""]

    def actor(side: str) -> list[str]:
        if not r[f"{side}_code"]:
            return [""] * 10
        code, country = r[f"{side}_code"], r[f"{side}_country"] or ""
        name = (r[f"{side}_name"] or "").upper()
        role = r[f"{side}_role"] or (code[len(country):len(country) + 3] if country and code.startswith(country)
                                     else "")
        return [_clean(code), _clean(name), _clean(country), "", "", "", "", _clean(role), "", ""]

    cameo = r["cameo"] or ""
    goldstein = "" if r["goldstein"] is None else f"{r['goldstein']:g}"
    location = json.loads(r["location"]) if isinstance(r["location"], str) else r["location"]
    action_geo = [""] * 8
    if location and location.get("name"):
        action_geo[1] = _clean(location["name"])
    seen = r["first_seen"]
    added = seen.strftime("%Y%m%d%H%M%S") if isinstance(seen, datetime) else ""
    is_root = "1" if (r["min_sentence_index"] or 0) < LEAD_SENTENCES else "0"
    row = ([str(gdelt_event_id(r["merged_id"])), *when, *actor("source"), *actor("target"), is_root, cameo,
            cameo[:3], cameo[:2], str(r["quad_class"] or ""), goldstein, str(r["n_sources"]), str(r["n_sites"]),
            str(r["n_documents"]), ""]
           + [""] * 16 + action_geo + [added, _clean(r["url"] or r["doc"])])
    assert len(row) == len(GDELT_EVENT_COLUMNS)
    return row
