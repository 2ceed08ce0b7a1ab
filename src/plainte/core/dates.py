"""Calendar arithmetic for deadlines: days, weeks, calendar months and years."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months; the 31st becomes the month's last day when needed."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def shift(day: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0) -> date:
    """``day`` moved by the given amounts (months and years first, then weeks and days)."""
    moved = add_months(day, months + 12 * years)
    return moved + timedelta(days=days, weeks=weeks)
