-- 代办: a resident asks their grid worker to run a service-guide item's errand. It is a
-- report under its own category, carrying the item as it was when asked (`errand`, JSON:
-- core::reports::errand::Errand) and how far the worker has got (`errand_step`, 0–4).
INSERT INTO report_categories (code, parent, name_zh, name_en, sort, deadline_class) VALUES
    ('errand', NULL, '代办服务', 'Errands', 90, 'general'),
    ('errand-guide', 'errand', '网格员代办', 'An errand run by the grid worker', 91, 'general');

ALTER TABLE reports ADD COLUMN errand TEXT;
ALTER TABLE reports ADD COLUMN errand_step INTEGER CHECK (errand_step BETWEEN 0 AND 4);
