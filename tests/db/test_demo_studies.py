"""The demo's monthly studies: on the last Friday of the last three months with data (only the
latest on large demo databases, whose snapshots cost seconds each)."""

from __future__ import annotations

from datetime import date

from db.demo.studies import FEW_STUDIES_ABOVE_SCALE, study_days


def test_three_last_fridays_up_to_the_last_day_with_data() -> None:
    assert study_days(1, date(2022, 12, 30)) == [
        date(2022, 10, 28), date(2022, 11, 25), date(2022, 12, 30)]
    # Never after the data: a month whose last Friday is still to come takes the last day.
    assert study_days(1, date(2022, 12, 20))[-1] == date(2022, 12, 20)
    assert study_days(1, date(2023, 1, 31)) == [
        date(2022, 11, 25), date(2022, 12, 30), date(2023, 1, 27)]


def test_large_demos_get_the_latest_study_only() -> None:
    assert study_days(FEW_STUDIES_ABOVE_SCALE + 1, date(2022, 12, 30)) == [date(2022, 12, 30)]
    assert len(study_days(FEW_STUDIES_ABOVE_SCALE, date(2022, 12, 30))) == 3
