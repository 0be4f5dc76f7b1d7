-- Axon's tracking tokens: no tracking event processor ever ran here (the budget-line view is a subscribing
-- processor, updated in the posting's own transaction; the publisher keeps its own position in
-- publication_position), so the table was always empty and nothing reads it.
DROP TABLE IF EXISTS token_entry;
