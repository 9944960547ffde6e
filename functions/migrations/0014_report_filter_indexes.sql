-- The dispatcher's board filtered by category or by department: such a list walks the
-- category's (or the department's) own range, newest first, one arm per category and
-- state, and checks the reader's grid subtree on the rows it finds. Walking the subtree
-- instead read about ten rows per row shown for a category a tenth of the reports
-- (`cargo xtask bench`).
CREATE INDEX reports_by_category ON reports (category, created_at, id);
CREATE INDEX reports_by_category_state ON reports (category, state, created_at, id);
-- A first-level category's children, for the filter above.
CREATE INDEX report_categories_by_parent ON report_categories (parent, sort);
