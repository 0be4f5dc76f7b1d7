-- Freshness per unit-year: the highest sequence applied for it.
CREATE INDEX applied_event_unit_year ON applied_event (unit, year, sequence);
