-- The built-in access system of the local modes: one row per granted request, kept in the same
-- database as the read model so that it survives a restart of the durable local mode. A grant
-- gives access while it is not revoked and its own expiry has not passed, so access ends even if
-- the workflow that granted it never revokes (terminated). Keyed by request id: grant and revoke
-- are idempotent, and two requests of one engineer for one resource are two rows.
CREATE TABLE access_grant (
    request_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    principal    VARCHAR(128) NOT NULL,
    tenant_id    VARCHAR(128) NOT NULL,
    resource_id  VARCHAR(512) NOT NULL,
    access_level VARCHAR(64)  NOT NULL,
    granted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX access_grant_by_principal ON access_grant (principal, resource_id, expires_at);
