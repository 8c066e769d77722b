"""The date range most read-side questions are asked over: the current campaign's."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from db.campaign import current_campaign


def campaign_period(session: Session) -> tuple[date | None, date | None]:
    """(starts_on, ends_on) of the current campaign, or (None, None) when there is none.

    Pass it as date_from/date_to to checklists, quotas and statistics: the nine ones and the
    quotas are per campaign, and the campaign recurs every year.
    """
    campaign = current_campaign(session)
    if campaign is None:
        return None, None
    return campaign.starts_on, campaign.ends_on
