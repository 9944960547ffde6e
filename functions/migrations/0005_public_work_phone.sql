-- 四公开: a staff member's work phone may be shown in full on the grid card and poster,
-- once an administrator records that person's consent (who recorded it, and when).
-- Every other number stays masked; residents' personal phones are never public.
ALTER TABLE people ADD COLUMN phone_public INTEGER NOT NULL DEFAULT 0
    CHECK (phone_public IN (0, 1));
ALTER TABLE people ADD COLUMN phone_consent_by TEXT REFERENCES accounts (id);
ALTER TABLE people ADD COLUMN phone_consent_at INTEGER;
