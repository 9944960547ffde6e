-- 报事: the category tree, reports, and each report's append-only timeline.

CREATE TABLE report_categories (
    code    TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40
                AND code NOT GLOB '*[^a-z0-9-]*'),
    -- A first-level category has none; reports are filed under second-level ones.
    parent  TEXT REFERENCES report_categories (code),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort    INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE reports (
    id            TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    -- SHA-256 of the body as first sent: the id is the idempotency key, forever.
    body_hash     TEXT NOT NULL CHECK (length(body_hash) = 64),
    category      TEXT NOT NULL REFERENCES report_categories (code),
    text          TEXT NOT NULL,
    grid_code     TEXT NOT NULL REFERENCES grids (code),
    -- JSON of core's `Location`, and a JSON list of photo keys.
    location      TEXT NOT NULL,
    photos        TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'submitted', 'accepted',
                      'handled_on_spot', 'escalated', 'dispatched', 'returned', 'in_progress',
                      'resolved', 'confirmed', 'reopened', 'closed', 'merged', 'rejected')),
    level         TEXT NOT NULL CHECK (level IN ('grid', 'village', 'township')),
    department_id TEXT REFERENCES departments (id),
    -- Raised by every action; an action names the version it was decided on.
    version       INTEGER NOT NULL CHECK (version >= 1),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    resolved_at   INTEGER,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    -- Who filed it (a resident, or a grid worker on a household's behalf); none: anonymous.
    reporter_id   TEXT REFERENCES accounts (id),
    -- Whose report it is: its members are its reporter.
    household_id  TEXT REFERENCES households (id),
    -- Anonymous: a phone to call back.
    contact       TEXT,
    on_behalf     INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),
    merged_into   TEXT REFERENCES reports (id)
);

-- Lists walk one index range newest first: a grid's, a village's, a township's (the
-- expressions name the subtree by its root's code), a department's, a household's.
CREATE INDEX reports_by_grid ON reports (grid_code, created_at, id);
CREATE INDEX reports_by_village ON reports (substr(grid_code, 1, 12), created_at, id);
CREATE INDEX reports_by_township ON reports (substr(grid_code, 1, 9), created_at, id);
CREATE INDEX reports_by_county ON reports (substr(grid_code, 1, 6), created_at, id);
CREATE INDEX reports_by_department ON reports (department_id, created_at, id);
CREATE INDEX reports_by_household ON reports (household_id, created_at, id);
CREATE INDEX reports_by_reporter ON reports (reporter_id, created_at, id);

-- Every transition and note, append-only. An action writes version N+1 of its report in
-- the same batch as the report's update from version N: two actions decided on version N
-- cannot both land (primary key), and nothing is ever changed or removed (triggers).
CREATE TABLE report_actions (
    report_id     TEXT NOT NULL REFERENCES reports (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    -- The phone's id for this action (the report's own id for the first record): a retry
    -- is recognised, with `body_hash` telling a retry from a different action.
    id            TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),
    body_hash     TEXT NOT NULL CHECK (length(body_hash) = 64),
    action        TEXT NOT NULL,
    account_id    TEXT REFERENCES accounts (id),
    role          TEXT,
    at            INTEGER NOT NULL,
    from_state    TEXT NOT NULL,
    to_state      TEXT NOT NULL,
    public_text   TEXT NOT NULL,
    internal_text TEXT NOT NULL,
    photos        TEXT NOT NULL,
    department_id TEXT,
    category      TEXT,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (report_id, version)
) WITHOUT ROWID;

-- Photos live in R2 (binding PHOTOS); this is who sent each one and which report it
-- shows, which decides who may fetch it. The key comes from the phone's UUIDv7, so a
-- report written offline names its photos before they are sent.
CREATE TABLE photos (
    key         TEXT PRIMARY KEY CHECK (length(key) = 34 AND key GLOB 'p-*'),
    uploaded_by TEXT NOT NULL REFERENCES accounts (id),
    -- SHA-256 of the stored (metadata-free) bytes: the ETag, and how a retry is known.
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL,
    report_id   TEXT REFERENCES reports (id),
    created_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER report_actions_never_change BEFORE UPDATE ON report_actions
BEGIN
    SELECT raise(ABORT, 'append_only');
END;

CREATE TRIGGER report_actions_never_go BEFORE DELETE ON report_actions
BEGIN
    SELECT raise(ABORT, 'append_only');
END;

-- The township's categories (民生诉求 as the seeds' townships sort them).
INSERT INTO report_categories (code, parent, name_zh, name_en, sort) VALUES
    ('env', NULL, '环境卫生', 'Environment and sanitation', 10),
    ('env-garbage', 'env', '垃圾堆放、清运不及时', 'Garbage piling up', 11),
    ('env-sewage', 'env', '污水横流', 'Sewage on the ground', 12),
    ('env-toilet', 'env', '公厕脏乱、损坏', 'Public toilet dirty or broken', 13),
    ('env-burning', 'env', '露天焚烧', 'Open burning', 14),
    ('env-livestock', 'env', '畜禽粪污', 'Livestock waste', 15),
    ('muni', NULL, '市政设施', 'Municipal facilities', 20),
    ('muni-road', 'muni', '道路破损', 'Damaged road', 21),
    ('muni-manhole', 'muni', '井盖缺失、破损', 'Missing or broken manhole cover', 22),
    ('muni-drain', 'muni', '下水道堵塞', 'Blocked drain', 23),
    ('muni-light', 'muni', '路灯不亮', 'Street light out', 24),
    ('muni-tree', 'muni', '树木倒伏', 'Fallen tree', 25),
    ('muni-water', 'muni', '停水、漏水', 'No water or a leak', 26),
    ('muni-power', 'muni', '停电、电线隐患', 'Power cut or dangerous wires', 27),
    ('muni-gas', 'muni', '燃气泄漏、故障', 'Gas leak or fault', 28),
    ('safety', NULL, '安全隐患', 'Safety hazards', 30),
    ('safety-building', 'safety', '危房', 'Unsafe building', 31),
    ('safety-fire', 'safety', '消防隐患', 'Fire hazard', 32),
    ('safety-flood', 'safety', '防汛、地质灾害隐患', 'Flood or landslide risk', 33),
    ('safety-traffic', 'safety', '交通安全隐患', 'Traffic hazard', 34),
    ('dispute', NULL, '矛盾纠纷', 'Disputes', 40),
    ('dispute-neighbour', 'dispute', '邻里纠纷', 'Neighbours', 41),
    ('dispute-labour', 'dispute', '劳资纠纷、欠薪', 'Unpaid wages', 42),
    ('dispute-land', 'dispute', '土地、山林纠纷', 'Land or forest', 43),
    ('dispute-family', 'dispute', '婚姻家庭纠纷', 'Family', 44),
    ('groups', NULL, '特殊人群', 'Special groups', 50),
    ('groups-elderly', 'groups', '独居老人需要帮扶', 'Elderly person living alone', 51),
    ('groups-children', 'groups', '留守儿童', 'Left-behind child', 52),
    ('groups-disabled', 'groups', '残疾人帮扶', 'Person with a disability', 53),
    ('groups-hardship', 'groups', '困难群众救助', 'Family in hardship', 54),
    ('order', NULL, '社会治安', 'Public order', 60),
    ('order-noise', 'order', '噪音扰民', 'Noise', 61),
    ('order-suspicious', 'order', '赌博、可疑人员', 'Gambling or suspicious activity', 62),
    ('order-parking', 'order', '乱停乱放', 'Bad parking', 63),
    ('market', NULL, '市场监管', 'Market supervision', 70),
    ('market-food', 'market', '食品安全', 'Food safety', 71),
    ('market-price', 'market', '价格欺诈', 'Price fraud', 72),
    ('market-stall', 'market', '占道经营', 'Stalls blocking the way', 73),
    ('service', NULL, '便民服务', 'Services', 80),
    ('service-advice', 'service', '政策咨询', 'A question about a policy', 81),
    ('service-suggest', 'service', '意见建议', 'A suggestion', 82),
    ('service-other', 'service', '其他', 'Something else', 83);
