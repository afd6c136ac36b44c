-- Every record version x upstream platform: where it is on its way (QUEUED, SENT, ACCEPTED, REJECTED, SUPPRESSED,
-- UNKNOWN), in which batch it went, the upstream's receipt id and error text. The proof of what each platform
-- received, and what reconciliation compares with the platform's holdings.
CREATE TABLE cg_delivery (
    record_id   VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL,
    upstream    VARCHAR(32)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    batch_id    VARCHAR(64),
    receipt_id  VARCHAR(128),
    error       CHARACTER VARYING,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_id, version, upstream)
);
CREATE INDEX cg_delivery_upstream_state ON cg_delivery (upstream, state, updated_at);
