-- 积分超市: villages' rule books, the points ledger, shops, goods and redemptions.
-- Points are money to these families. The ledger (`point_entries`) is append-only: a
-- mistake is undone by a compensating entry. Each entry carries the balances after it, so
-- a passbook page reads only its own rows, and `point_balances` is the latest of them, so a
-- balance read never scans the ledger. Every write is one D1 batch whose constraints
-- (not a read beforehand) refuse a balance or a stock below zero.

-- A village's settings: the public notice period (公示, days; 0: spendable at once), the
-- age at which approved points expire (months; NULL: never) and the star-household
-- thresholds (JSON, points earned in a quarter).
CREATE TABLE point_villages (
    village_code  TEXT PRIMARY KEY REFERENCES grids (code),
    notice_days   INTEGER NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 0 AND 30),
    expire_months INTEGER CHECK (expire_months IS NULL OR expire_months BETWEEN 1 AND 120),
    stars         TEXT NOT NULL DEFAULT '[]',
    updated_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- 村规民约积分细则: one item of a village's rule book.
CREATE TABLE point_rules (
    village_code TEXT NOT NULL REFERENCES grids (code),
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    category     TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 20),
    points       INTEGER NOT NULL CHECK (points <> 0 AND points BETWEEN -1000 AND 1000),
    -- At most `period_limit` awards per household per period (NULL: no limit).
    period_limit INTEGER CHECK (period_limit IS NULL OR period_limit >= 1),
    period       TEXT CHECK (period IN ('month', 'quarter', 'year')),
    evidence     INTEGER NOT NULL DEFAULT 0 CHECK (evidence IN (0, 1)),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort         INTEGER NOT NULL DEFAULT 0,
    CHECK ((period_limit IS NULL) = (period IS NULL)),
    PRIMARY KEY (village_code, code)
) WITHOUT ROWID;

-- One recording: a rule applied to one household or many at once, with its note and
-- evidence. Its id is the phone's UUIDv7 (the idempotency key).
CREATE TABLE point_awards (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    -- SHA-256 of the request: a retry with the same body gets the same answer.
    body_hash    TEXT NOT NULL,
    village_code TEXT NOT NULL REFERENCES grids (code),
    rule_code    TEXT NOT NULL,
    points       INTEGER NOT NULL,
    note         TEXT NOT NULL CHECK (length(note) <= 500),
    photos       TEXT NOT NULL DEFAULT '[]',
    households   INTEGER NOT NULL CHECK (households BETWEEN 1 AND 200),
    recorded_by  TEXT NOT NULL REFERENCES accounts (id),
    at           INTEGER NOT NULL,
    -- The end of the public notice; a leader may approve only after it.
    notice_until INTEGER NOT NULL,
    FOREIGN KEY (village_code, rule_code) REFERENCES point_rules (village_code, code)
) WITHOUT ROWID;
CREATE INDEX point_awards_by_village ON point_awards (village_code, at, id);

-- The ledger. `kind`: award (into notice: pending), approve / void (a leader's decision
-- on an award, `ref` = the award entry), redeem (`ref` = the order), reverse (`ref` = the
-- entry undone), expire. `spendable_delta` and `pending_delta` are what the entry does to
-- the balances; `seq`, `spendable_after`, `pending_after` are the household's counters
-- after it (so the passbook shows a running balance without adding anything up).
CREATE TABLE point_entries (
    id              TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 160),
    household_id    TEXT NOT NULL REFERENCES households (id),
    village_code    TEXT NOT NULL,
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    kind            TEXT NOT NULL CHECK (kind IN ('award', 'approve', 'void', 'redeem',
                        'reverse', 'expire')),
    points          INTEGER NOT NULL,
    spendable_delta INTEGER NOT NULL,
    pending_delta   INTEGER NOT NULL,
    spendable_after INTEGER NOT NULL CONSTRAINT points_nonnegative CHECK (spendable_after >= 0),
    pending_after   INTEGER NOT NULL,
    award_id        TEXT REFERENCES point_awards (id),
    ref             TEXT,
    rule_code       TEXT,
    -- The rule's and the recorder's names as they were: a passbook page reads its own rows.
    rule_name       TEXT,
    note            TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT REFERENCES accounts (id),
    by_name         TEXT,
    at              INTEGER NOT NULL,
    UNIQUE (household_id, seq)
) WITHOUT ROWID;
-- A decision once per award entry, a reversal once per entry: constraints, not checks.
CREATE UNIQUE INDEX point_entries_decided ON point_entries (ref)
    WHERE kind IN ('approve', 'void');
CREATE UNIQUE INDEX point_entries_reversed ON point_entries (ref) WHERE kind = 'reverse';
-- The village board: its newest awards.
CREATE INDEX point_entries_awards ON point_entries (village_code, at, id) WHERE kind = 'award';
-- Points earned in a span (rankings, star households, expiry): approvals of awards, and
-- the reversals that take a mistaken one back.
CREATE INDEX point_entries_earned ON point_entries (village_code, at, household_id)
    WHERE rule_code IS NOT NULL AND kind IN ('approve', 'reverse');

CREATE TRIGGER point_entries_never_change BEFORE UPDATE ON point_entries
BEGIN
    SELECT raise(ABORT, 'append_only');
END;
CREATE TRIGGER point_entries_never_go BEFORE DELETE ON point_entries
BEGIN
    SELECT raise(ABORT, 'append_only');
END;

-- Each household's balances: the counters of its latest entry, rewritten in the batch
-- that appends it.
CREATE TABLE point_balances (
    household_id TEXT PRIMARY KEY REFERENCES households (id),
    village_code TEXT NOT NULL,
    seq          INTEGER NOT NULL DEFAULT 0,
    spendable    INTEGER NOT NULL DEFAULT 0 CONSTRAINT balance_nonnegative CHECK (spendable >= 0),
    pending      INTEGER NOT NULL DEFAULT 0,
    -- Points earned (approved positive awards) ever: rankings.
    earned       INTEGER NOT NULL DEFAULT 0,
    -- The Beijing day the scheduled job last looked at its expiry (`YYYY-MM-DD`).
    checked_day  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX point_balances_ranking ON point_balances (village_code, earned, household_id);
CREATE INDEX point_balances_checked ON point_balances (checked_day, household_id);

-- How often each household got each limited rule in a period; the CHECK refuses one more.
CREATE TABLE point_rule_uses (
    household_id TEXT NOT NULL,
    rule_code    TEXT NOT NULL,
    period_key   TEXT NOT NULL,
    uses         INTEGER NOT NULL,
    lim          INTEGER NOT NULL,
    CONSTRAINT rule_limit CHECK (uses <= lim),
    PRIMARY KEY (household_id, rule_code, period_key)
) WITHOUT ROWID;

-- A resident's objection to an award in public notice.
CREATE TABLE point_objections (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    entry_id    TEXT NOT NULL REFERENCES point_entries (id),
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    at          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX point_objections_by_entry ON point_objections (entry_id, at);

-- A village's points shop and its goods.
CREATE TABLE shops (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    village_code TEXT NOT NULL REFERENCES grids (code),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100)
) WITHOUT ROWID;

CREATE TABLE goods (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    unit       TEXT NOT NULL DEFAULT '件' CHECK (length(unit) BETWEEN 1 AND 10),
    photo      TEXT REFERENCES photos (key),
    price      INTEGER NOT NULL CHECK (price BETWEEN 1 AND 100000),
    stock      INTEGER NOT NULL CONSTRAINT stock_nonnegative CHECK (stock >= 0),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort       INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX goods_by_shop ON goods (shop_id, active, price, id);

-- A redemption at the counter. `pass_nonce` makes each household pass good for one
-- redemption (the index refuses a second).
CREATE TABLE point_orders (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    body_hash    TEXT NOT NULL,
    shop_id      TEXT NOT NULL REFERENCES shops (id),
    household_id TEXT NOT NULL REFERENCES households (id),
    total        INTEGER NOT NULL CHECK (total >= 1),
    pass_nonce   TEXT,
    clerk_id     TEXT NOT NULL REFERENCES accounts (id),
    at           INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX point_orders_pass ON point_orders (pass_nonce) WHERE pass_nonce IS NOT NULL;
CREATE INDEX point_orders_by_shop ON point_orders (shop_id, at, id);

CREATE TABLE point_order_items (
    order_id TEXT NOT NULL REFERENCES point_orders (id),
    goods_id TEXT NOT NULL REFERENCES goods (id),
    qty      INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 1000),
    -- The price when redeemed; NULL (refused) if the goods changed since the clerk saw them.
    price    INTEGER NOT NULL,
    PRIMARY KEY (order_id, goods_id)
) WITHOUT ROWID;

-- The key that signs household passes: made once, in the database itself, so a township
-- with no IT staff has nothing to configure.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO secrets (name, value) VALUES ('pass', lower(hex(randomblob(32))));
