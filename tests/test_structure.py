"""The fast structuring engine (apmbc._structure) and the detailed cattrs converter agree.

For every model, on valid data (records turned into plain data) and on data with one value
replaced by an arbitrary JSON value, the two engines either both refuse the data or build equal
records. apmbc.convert.structure relies on that: it returns the fast engine's records and asks
the converter only to explain a failure.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from strategies import MODEL_STRATEGIES, json_values

from apmbc._structure import structure_fast
from apmbc.convert import make_converter, structure, to_dict
from apmbc.errors import DataValidationError
from apmbc.models import Vote, _vote_factory

MODELS: list[type] = list(MODEL_STRATEGIES)
DETAILED = make_converter()


def _outcome(engine: Any, data: object, cls: type) -> tuple[str, object]:
    try:
        return "ok", engine(data, cls)
    except Exception:
        return "refused", None


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in plain data where a value can be swapped: keys of objects, list items."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(data: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    out = copy.deepcopy(data)
    target = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return out


def _agree(data: object, cls: type) -> None:
    fast = _outcome(structure_fast, data, cls)
    detailed = _outcome(DETAILED.structure, data, cls)
    assert fast[0] == detailed[0], (fast, detailed, data)
    assert fast[1] == detailed[1]


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_engines_agree_on_valid_data(model: type, data: st.DataObject) -> None:
    value = data.draw(MODEL_STRATEGIES[model])
    plain = to_dict(value)
    _agree(plain, model)
    assert structure_fast(plain, model) == value


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_engines_agree_when_a_value_is_changed(model: type, data: st.DataObject) -> None:
    plain = to_dict(data.draw(MODEL_STRATEGIES[model]))
    path = data.draw(st.sampled_from(_paths(plain)))
    _agree(_replace(plain, path, data.draw(json_values)), model)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_the_engines_agree_on_any_json_value(value: object) -> None:
    for model in MODELS:
        _agree(value, model)


def test_structure_reports_what_the_fast_engine_refused() -> None:
    with pytest.raises(DataValidationError) as caught:
        structure({"code": "X", "name": "Y", "signed": "2022-13-01", "extra": 1}, MODELS[2])
    messages = sorted(str(p) for p in caught.value.problems)
    assert any(m.startswith("signed: invalid date '2022-13-01'") for m in messages), messages
    assert "unknown key(s) 'extra'" in messages


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(MODEL_STRATEGIES[Vote])
def test_the_bulk_vote_factory_builds_what_the_constructor_builds(vote: Vote) -> None:
    # The UN loader builds its votes with models._vote_factory (slots filled directly).
    make = _vote_factory()
    fields = [getattr(vote, f.name) for f in attrs.fields(Vote)]
    built = make(*fields)
    assert built == vote and hash(built) == hash(vote) and repr(built) == repr(vote)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.state = "X"  # type: ignore[misc]
