-- Reports read facts by recording time only (fact_daily holds them by effective date), so this index was
-- written for every fact and read by nothing.
DROP INDEX fact_unit_year;
