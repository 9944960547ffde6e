-- The period (`point_rule_uses.period_key`) whose use of a limited rule an award took, or
-- NULL if it took none. A void or reversal gives back exactly that use, even after the
-- leader changed the rule's limit or period.
ALTER TABLE point_awards ADD COLUMN period_key TEXT;
