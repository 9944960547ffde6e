-- The grid directory: the territory tree and who serves each grid.

-- Codes are hierarchical digit strings (6 county, 9 township, 12 village, 15 grid);
-- a child's code extends its parent's by three digits.
CREATE TABLE grids (
    code        TEXT PRIMARY KEY
                CHECK (length(code) IN (6, 9, 12, 15) AND code NOT GLOB '*[^0-9]*'),
    parent_code TEXT REFERENCES grids (code)
                CHECK ((parent_code IS NULL) = (length(code) = 6))
                CHECK (parent_code IS NULL OR code = parent_code || substr(code, -3)),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    level       TEXT NOT NULL CHECK (level = CASE length(code) WHEN 6 THEN 'county'
                    WHEN 9 THEN 'township' WHEN 12 THEN 'village' ELSE 'grid' END),
    kind        TEXT NOT NULL DEFAULT 'basic' CHECK (kind IN ('basic', 'dedicated')),
    scope       TEXT NOT NULL DEFAULT '',
    households  INTEGER CHECK (households IS NULL OR households >= 0),
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Children of a node, in code order (grid card, tree walks).
CREATE INDEX grids_by_parent ON grids (parent_code, code);

-- People are stored once; their phone is stored in full and masked by the Worker.
CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    -- Digits with optional dashes (landlines); the Worker masks it before it leaves.
    phone      TEXT NOT NULL CHECK (length(phone) BETWEEN 3 AND 20 AND phone NOT GLOB '*[^0-9-]*'
                   AND phone GLOB '*[0-9][0-9][0-9]*'),
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Who serves which grid in which role, with their public service commitment (四公开).
CREATE TABLE grid_assignments (
    grid_code  TEXT NOT NULL REFERENCES grids (code),
    person_id  TEXT NOT NULL REFERENCES people (id),
    role       TEXT NOT NULL CHECK (role IN ('grid_leader', 'grid_worker', 'instructor',
                   'micro_grid_leader', 'police', 'mediator', 'supervisor')),
    commitment TEXT NOT NULL DEFAULT '',
    sort       INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (grid_code, person_id, role)
) WITHOUT ROWID;

-- A grid's people in display order.
CREATE INDEX grid_assignments_by_grid ON grid_assignments (grid_code, sort, person_id);
-- Which grids a person serves (later: worker's own task list).
CREATE INDEX grid_assignments_by_person ON grid_assignments (person_id);
