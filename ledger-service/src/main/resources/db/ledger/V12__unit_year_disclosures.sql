-- SPEC §15: a unit-year's disclosure data (its profile, last year's reference tables) are events of the store filed
-- under "{unit}:{year}:profile" and "{unit}:{year}:reference": the unit-year's own, but no budget year's aggregate
-- (whose numbering a write from outside it would break) and no transaction's. V9's rule gains their case.
ALTER TABLE domain_event_entry
    DROP CONSTRAINT domain_event_entry_unit_of_aggregate,
    ADD CONSTRAINT domain_event_entry_unit_of_aggregate CHECK (CASE
        WHEN aggregateIdentifier IN ('catalog:SUBJECTS', 'catalog:ECONOMIC') THEN unit IS NULL AND transaction_id IS NULL
        WHEN strpos(aggregateIdentifier, ':') = 0 THEN unit = aggregateIdentifier AND transaction_id IS NULL
        WHEN split_part(aggregateIdentifier, ':', 3) IN ('profile', 'reference')
            THEN unit = split_part(aggregateIdentifier, ':', 1) AND transaction_id IS NULL
        ELSE unit = split_part(aggregateIdentifier, ':', 1) AND transaction_id IS NOT NULL END);
