"""Reports for the Department and the province: the day's report (xlsx, PDF), the certificate
register (xlsx, CSV) and the Overview's chart as a picture.

The day's counts come from the same SQL conditions as the Overview (``desktop.overview``), so the
two never disagree.
"""

from desktop.reports.day import DayReport, ListSummary, VaccineDoseRow, day_report

__all__ = ["DayReport", "ListSummary", "VaccineDoseRow", "day_report"]
