-- One row per lockbox request: what listings need, nothing more. The workflow history stays the
-- record; this table can be rebuilt from histories at any time.
CREATE TABLE request_summary (
    request_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    version           BIGINT       NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    tenant_id         VARCHAR(128) NOT NULL,
    subscription_id   VARCHAR(128) NOT NULL,
    requester         VARCHAR(128) NOT NULL,
    resource_type     VARCHAR(128) NOT NULL,
    resource_id       VARCHAR(512) NOT NULL,
    access_level      VARCHAR(64)  NOT NULL,
    support_ticket_id VARCHAR(128) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE,
    decided_at        TIMESTAMP WITH TIME ZONE,
    granted_at        TIMESTAMP WITH TIME ZONE,
    revoked_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX request_summary_by_tenant ON request_summary (tenant_id, status, created_at DESC);
CREATE INDEX request_summary_by_requester ON request_summary (requester, created_at DESC);
CREATE INDEX request_summary_by_status ON request_summary (status, created_at DESC);
