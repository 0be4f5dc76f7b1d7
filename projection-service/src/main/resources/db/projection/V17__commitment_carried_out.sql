-- SPEC §14: a carry-over moves a commitment out of the closed year (type CARRIED_OUT, a movement of that year, on
-- 1 January of the new one) as well as into the new year (CARRIED_IN): one event, two movements of one sequence.
ALTER TABLE commitment_movement DROP CONSTRAINT commitment_movement_pkey;
ALTER TABLE commitment_movement ADD PRIMARY KEY (sequence, type);
