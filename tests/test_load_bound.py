"""The values limit is counted only for texts long enough to exceed it
(keikaku.load._may_hold_too_many): a text holds at most three nodes per character."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from keikaku import load


def nodes(value: object) -> int:
    """Keys and values, containers included, as keikaku.load counts them."""
    if isinstance(value, dict):
        return 1 + sum(nodes(k) + nodes(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(nodes(v) for v in value)
    return 1


def bound(text: str) -> int:
    return 3 * (len(text) + 1)


DENSE = [
    "{" + ",".join("abcdefghij") + "}",          # flow keys with implicit nulls
    "-\n" * 50,                                  # null items
    "[" + ",".join(["[]"] * 40) + "]",           # empty flow sequences
    "".join(f"k{i}:\n" for i in range(50)),      # null values
    "- " * 30 + "x\n",                           # nested block sequences
    "[" + ",".join("1" * 40) + "]",
    "? \n" * 20,                                 # complex keys, all null
    "[{}, {a}, [[]], {b: [c, {}]}]",
]


def test_dense_texts_stay_within_the_bound() -> None:
    for text in DENSE:
        data = yaml.safe_load(text)
        assert nodes(data) <= bound(text), text


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=":-[]{},?'\" \nab1", max_size=40))
def test_random_texts_stay_within_the_bound(text: str) -> None:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    assert nodes(data) <= bound(text)


def test_long_texts_are_counted() -> None:
    limit = load.MAX_VALUES
    short = "x" * (limit // 3 - 1)
    assert not load._may_hold_too_many(short)
    assert load._may_hold_too_many(short + "xx")
