"""The events calendar: month view, agenda, dated occurrences and iCalendar export."""
