"""keikaku diff between two commits of a test repository built from the real plan."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from keikaku.cli import main

from .conftest import copy_plan, sphinx_build

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT = ["git", "-c", "user.email=test@example.invalid", "-c", "user.name=test"]


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """published/2024 = the real plan; HEAD changes a budget cell, renames a measure,
    drops a KPI, rewrites a sentence, and a page cites a number typed by hand."""
    root = copy_plan(tmp_path_factory.mktemp("repo") / "plan")
    shutil.copy2(Path(__file__).parent.parent / "conf.py", root / "conf.py")
    # 2024, whose amount HEAD keeps: the note stays true (the check binds a year's amount
    # to that year), and diff still asks to review a number typed beside changed data.
    (root / "docs" / "note.md").write_text(
        "# メモ\n\n地域内発型産業創出事業の2024年度の事業費は4,590千円です。\n", encoding="utf-8")
    index = root / "index.md"
    edit(index, "docs/changes\n", "docs/changes\ndocs/note\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "published")
    git(root, "tag", "published/2024")
    m = root / "measures"
    edit(m / "endogenous-industry.md", "  2025: 4590\n", "  2025: 5000\n")
    edit(m / "marriage-support.md", "name: 結婚活動支援事業\n", "name: 結婚活動応援事業\n")
    # A rename is a change against the 2nd vision too: the comparison must say so.
    comparison = root / "docs" / "data" / "comparison.yaml"
    edit(comparison, "    printed_name: 結婚活動支援事業\n    change: continued\n",
         "    printed_name: 結婚活動応援事業\n    change: changed\n    mark: 変更②\n")
    with comparison.open("a", encoding="utf-8") as f:
        f.write("  - mark: 変更②\n    area: network\n    reason: 名称を改めた。\n")
    # The rewritten table no longer quotes the archived draft (keikaku.quote): say so.
    edit(root / "docs" / "source" / "provenance.yaml",
         "quoted_in: [errata, printed, comments, comparison]",
         "quoted_in: [errata, printed, comments]")
    text = (m / "heritage-value.md").read_text(encoding="utf-8")
    start, end = text.index("  - name: 拡張登録に向けた"), text.index("budget:")
    (m / "heritage-value.md").write_text(text[:start] + text[end:], encoding="utf-8")
    edit(m / "school-lunch.md", "また、地場産品が豊富な", "また、地元の産品が豊富な")
    git(root, "commit", "-qam", "revision")
    return root


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_json_reports_exactly_the_changes(capsys, repo: Path) -> None:
    code, out = run(capsys, "diff", "published/2024", "HEAD", "--root", str(repo),
                    "--format", "json")
    assert code == 0
    changes = json.loads(out)["changes"]
    kinds = sorted((c["kind"], c["measure"]) for c in changes)
    assert kinds == sorted([
        ("budget", "endogenous-industry"), ("renamed", "marriage-support"),
        ("kpi-removed", "heritage-value"), ("text", "school-lunch"),
    ])
    budget = next(c for c in changes if c["kind"] == "budget")["detail"]
    assert budget == {"year": 2025, "old": 4590, "new": 5000, "difference": 410}


def test_text_report_in_japanese_with_marked_words(capsys, repo: Path) -> None:
    code, out = run(capsys, "diff", "published/2024", "HEAD", "--root", str(repo))
    assert code == 0
    assert "名称変更「結婚活動支援事業」→「結婚活動応援事業」" in out
    assert "2025年度 4,590 → 5,000（+410）" in out
    assert "成果指標の削除「拡張登録に向けた史跡達谷窟の発掘調査進捗率」" in out
    assert "また、地[-場-]{+元の+}産品が豊富な" in out


def test_default_base_is_the_newest_published_tag(capsys, repo: Path) -> None:
    code, out = run(capsys, "diff", "--root", str(repo))
    assert code == 0 and out.startswith("変更点: published/2024 → 作業中のファイル")


def test_a_number_typed_by_hand_is_flagged_for_review(capsys, repo: Path) -> None:
    _, out = run(capsys, "diff", "published/2024", "HEAD", "--root", str(repo))
    assert "docs/note.md:3: 手入力の数値の可能性（要再確認）" in out
    assert "docs/budget.md:5: データから自動で更新: budget.total" in out


def test_no_published_tag_is_a_usage_error(capsys, tmp_path: Path) -> None:
    root = copy_plan(tmp_path / "plan")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x")
    code = main(["diff", "--root", str(root)])
    assert code == 2 and "published/" in capsys.readouterr().err


@pytest.mark.build
def test_the_site_page_shows_the_changes(repo: Path, tmp_path: Path) -> None:
    os.environ["KEIKAKU_DIFF_BASE"] = "published/2024"
    try:
        run_ = sphinx_build("html", tmp_path / "out", src=repo)
    finally:
        del os.environ["KEIKAKU_DIFF_BASE"]
    assert run_.returncode == 0, run_.stderr
    page = (tmp_path / "out" / "docs" / "changes.html").read_text(encoding="utf-8")
    assert "結婚活動応援事業" in page and "+410" in page
    assert 'class="keikaku-del">[-場-]</span>' in page
