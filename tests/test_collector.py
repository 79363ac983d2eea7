"""The build's garbage-collector setting (keikaku.sphinxext.collector)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from keikaku.sphinxext import collector

DEFAULT = (700, 10, 10)


@pytest.fixture
def restored() -> Iterator[None]:
    before, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)
    if enabled:
        gc.enable()


def test_a_default_process_is_tuned(restored: None) -> None:
    gc.set_threshold(*DEFAULT)
    gc.unfreeze()
    collector.tune()
    assert gc.get_threshold() == collector.BUILD_THRESHOLDS
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()  # it still collects: dropped doctrees are freed


def test_a_process_s_own_setting_is_kept(restored: None) -> None:
    gc.set_threshold(1000, 5, 5)
    gc.unfreeze()
    collector.tune()
    assert gc.get_threshold() == (1000, 5, 5)
    assert gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled(restored: None) -> None:
    gc.set_threshold(*DEFAULT)
    gc.unfreeze()
    gc.disable()
    collector.tune()
    assert not gc.isenabled()
    assert gc.get_threshold() == DEFAULT


def test_the_plan_s_configuration_can_turn_it_off(restored: None) -> None:
    gc.set_threshold(*DEFAULT)
    gc.unfreeze()
    off = type("App", (), {"config": type("Config", (), {"keikaku_gc_tuning": False})()})()
    collector.tune(off)  # type: ignore[arg-type]
    assert gc.get_threshold() == DEFAULT
    on = type("App", (), {"config": type("Config", (), {"keikaku_gc_tuning": True})()})()
    collector.tune(on)  # type: ignore[arg-type]
    assert gc.get_threshold() == collector.BUILD_THRESHOLDS
