-- Emergency access (break-glass) in listings and in the operator's comparison with Temporal's
-- BreakGlass search attribute. Rows written before this column existed say false until the read
-- model check (/actuator/readmodel) repairs them from their workflows.
ALTER TABLE request_summary ADD COLUMN break_glass BOOLEAN DEFAULT FALSE NOT NULL;
