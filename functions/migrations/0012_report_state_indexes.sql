-- Lists filtered by state (a grid worker's queue, the dispatcher's board by status, a
-- department's work) walk one range per state, newest first, merged in one query:
-- at county scale (100,000 reports) a page then reads about as many rows as it shows
-- (`cargo xtask bench`). Without the state in the index it read every row of the subtree
-- until a page was full.
CREATE INDEX reports_by_grid_state ON reports (grid_code, state, created_at, id);
CREATE INDEX reports_by_village_state ON reports (substr(grid_code, 1, 12), state, created_at, id);
CREATE INDEX reports_by_township_state ON reports (substr(grid_code, 1, 9), state, created_at, id);
CREATE INDEX reports_by_county_state ON reports (substr(grid_code, 1, 6), state, created_at, id);
CREATE INDEX reports_by_department_state ON reports (department_id, state, created_at, id);
CREATE INDEX reports_by_reporter_state ON reports (reporter_id, state, created_at, id);
