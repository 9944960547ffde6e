-- A shop's returns of a day (the clerk's reconciliation counts a return on the day the
-- goods came back, not on the day they went out): reversal entries by village and time.
CREATE INDEX point_entries_returns ON point_entries (village_code, at, id) WHERE kind = 'reverse';
