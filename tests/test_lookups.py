"""State and meeting lookups: one meaning per verb (get, lookup/state/meeting, search)."""

from __future__ import annotations

import pytest

import apmbc
from apmbc import Forum, UnknownMeetingError, UnknownResolutionError, UnknownStateError


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return apmbc.load()


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("CUB", "CUB"),
        ("CU", "CUB"),
        ("Cuba", "CUB"),
        ("cuba", "CUB"),
        ("  CUBA ", "CUB"),
        ("Russia", "RUS"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("South Korea", "KOR"),
        ("Iran", "IRN"),
        ("Laos", "LAO"),
        ("Vietnam", "VNM"),
        ("Syria", "SYR"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("turkiye", "TUR"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Cape Verde", "CPV"),
        ("Ivory Coast", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Vatican", "VAT"),
        ("Palestine", "PSE"),
        ("Micronesia", "FSM"),
        ("YUGOSLAVIA", "SRB"),
        ("Serbia and Montenegro", "SRB"),
        ("IRAN (ISLAMIC REPUBLIC OF)", "IRN"),
    ],
)
def test_state_lookup(ds: apmbc.Dataset, key: str, code: str) -> None:
    assert ds.state(key).code == code
    assert ds.states.get(key) is ds.state(key)


def test_unknown_state_suggests(ds: apmbc.Dataset) -> None:
    with pytest.raises(UnknownStateError) as info:
        ds.state("Cubaa")
    assert info.value.suggestions[0] == "Cuba (CUB)"
    assert "Did you mean 'Cuba (CUB)'" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_get_never_raises(ds: apmbc.Dataset) -> None:
    assert ds.states.get("Narnia") is None
    sentinel = ds.states[0]
    assert ds.states.get("Narnia", sentinel) is sentinel
    assert ds.states.get(42) is None  # type: ignore[arg-type]
    assert ds.meetings.get("99MSP") is None


def test_search_is_ranked(ds: apmbc.Dataset) -> None:
    assert ds.states.search("zzzzqqq") == []
    assert ds.states.search("") == []
    names = [s.code for s in ds.states.search("guinea")]
    assert names[0] == "GIN"  # exact first
    assert set(names[:3]) == {"GIN", "GNB", "GNQ"} or "GNB" in names[:4]
    assert ds.states.search("kor")[0].code in {"KOR", "PRK"}
    fuzzy = ds.states.search("Marocco")
    assert fuzzy and fuzzy[0].code == "MAR"


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("13MSP", "13MSP"),
        ("13msp", "13MSP"),
        ("1RC", "1RC"),
        ("First Review Conference", "1RC"),
        ("Nairobi Summit", "1RC"),
        ("Nairobi Summit on a Mine-Free World", "1RC"),
        ("Fifth Review Conference", "5RC"),
        ("Thirteenth Meeting of the States Parties", "13MSP"),
        ("IM-2023", "IM-2023"),
    ],
)
def test_meeting_lookup(ds: apmbc.Dataset, key: str, code: str) -> None:
    assert ds.meeting(key).code == code


def test_unknown_meeting_suggests(ds: apmbc.Dataset) -> None:
    with pytest.raises(UnknownMeetingError) as info:
        ds.meeting("Sixth Review Conference")
    assert info.value.suggestions
    assert "Did you mean" in str(info.value)


def test_resolution_lookup(ds: apmbc.Dataset) -> None:
    assert ds.resolution(77).symbol == "A/RES/77/63"
    assert ds.resolution(79, "first_committee").symbol == "A/C.1/79/L.30"
    assert ds.resolution(79, Forum.FIRST_COMMITTEE).forum is Forum.FIRST_COMMITTEE
    with pytest.raises(UnknownResolutionError) as info:
        ds.resolution(81)
    assert "session 80" in str(info.value)
    with pytest.raises(apmbc.ArgumentError, match="expected one of 'plenary', 'first_committee'"):
        ds.resolution(77, "third_committee")
