"""main.py report KIND --out FILE.pdf: the kinds listed in --help, a report from nothing but the
database, and refusals in Chinese that leave no file (nor a half-written one) behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from db.demo import generate
from desktop.cli import main
from desktop.reports.catalog import REPORTS


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report_cli") / "demo.db"
    generate(path, scale=0.05, seed=3)
    return path


def test_help_lists_every_kind_with_its_title(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for kind in REPORTS.values():
        assert kind.key in out and kind.title in out
    assert "--month" in out and "--study" in out and "--branch" in out


@pytest.mark.parametrize("key", ["monthly-study", "five-batches"])
def test_a_report_from_the_database_alone(demo: Path, tmp_path: Path, key: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{key}.pdf"
    assert main(["report", key, "--db", str(demo), "--out", str(out)]) == 0
    assert f"已生成{REPORTS[key].title}" in capsys.readouterr().out
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_options_a_kind_does_not_use_are_named(demo: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "five.pdf"
    assert main(["report", "five-batches", "--db", str(demo), "--out", str(out),
                 "--region", "随县"]) == 0
    assert "不使用 --region，已忽略" in capsys.readouterr().err
    assert out.is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["assessment", "--region", "火星区"], "找不到区域“火星区”"),
    (["work-meeting", "--month", "2021-03"], "2021年3月没有任何走访或问题记录"),
    (["work-meeting", "--month", "11/2022"], "格式不对"),
    (["work-meeting", "--month", "2099-01"], "还没有到"),
    (["chase-notice", "--task", "SZ-RW1999-00001"], "找不到任务“SZ-RW1999-00001”"),
    (["monthly-study", "--study", "1999-01-01"], "找不到专题研究“1999-01-01”"),
    (["phase-summary", "--phase", "夏令营"], "找不到活动阶段“夏令营”"),
    (["cadre-sheets", "--branch", "不存在的支部"], "找不到党支部“不存在的支部”"),
])
def test_bad_parameters_are_refused_and_no_file_is_written(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    out = tmp_path / "r.pdf"
    code = main(["report", *args, "--db", str(demo), "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"错误：{message}" in err or ("错误：" in err and message in err)
    assert list(tmp_path.iterdir()) == []


def test_a_refusal_leaves_an_existing_file_as_it_was(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "old.pdf"
    out.write_bytes(b"the previous report")
    assert main(["report", "assessment", "--db", str(demo), "--out", str(out),
                 "--region", "火星区"]) == 1
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_unknown_kind_missing_database_and_folder(demo: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "annual", "--db", str(demo), "--out", str(out)]) == 2
    assert "没有“annual”这种报告" in capsys.readouterr().err
    assert main(["report", "five-batches", "--db", str(tmp_path / "none.db"),
                 "--out", str(out)]) == 1
    assert "错误：" in capsys.readouterr().err
    assert main(["report", "five-batches", "--db", str(demo),
                 "--out", str(tmp_path / "no" / "r.pdf")]) == 1
    assert "不存在" in capsys.readouterr().err
    assert main(["report", "five-batches", "--db", str(demo),
                 "--out", str(tmp_path / "r.txt")]) == 2
    assert list(tmp_path.iterdir()) == []
