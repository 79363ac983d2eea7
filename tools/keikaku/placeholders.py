"""What ``keikaku new`` and ``keikaku init`` write where a person still has to fill something in.

Defined once: ``new`` writes these, the ``placeholder`` rule reports each one left
(「未記入」). They are part of the file format, like the body headings, so they
are Japanese data and not messages of the catalogue.
"""

from __future__ import annotations

from .model import Kpi

KPI_NAME = "（成果指標の名称）"
CONTENT = "（取組内容を記入）"
EFFECT = "（事業効果を記入）"
ROLES = "（役割分担を記入）"
TEXTS = (KPI_NAME, CONTENT, EFFECT, ROLES)

# What ``keikaku init`` writes into docs/data/structure.yaml: one area, field and
# direction to rename, with the 協定の内容 and each municipality's role to transcribe.
AREA_NAME = "（政策分野の区分の名称を記入）"
FIELD_NAME = "（政策分野の名称を記入）"
DIRECTION_NAME = "（施策展開の基本的方向を記入）"
AGREEMENT_CONTENT = "（協定の内容を記入）"
AGREEMENT_ROLE = "（この市町村の役割を記入）"
STRUCTURE_TEXTS = (AREA_NAME, FIELD_NAME, DIRECTION_NAME, AGREEMENT_CONTENT, AGREEMENT_ROLE)
ALL_TEXTS = TEXTS + STRUCTURE_TEXTS  # what other rules leave to keikaku.placeholder

# The KPI values new writes: 0 -> 0 with higher_is_better: true. No real KPI says
# "higher is better" and aims at 0, so such a pair is taken as not filled in (a
# real "keep it at zero" KPI is higher_is_better: false).
KPI_VALUE = 0
KPI_HIGHER_IS_BETTER = True


def kpi_values_unfilled(kpi: Kpi) -> bool:
    return (kpi.higher_is_better is KPI_HIGHER_IS_BETTER
            and kpi.baseline.value == KPI_VALUE and kpi.target.value == KPI_VALUE)
