-- Shields (domain.md §3.7, §6): the proof, per platform, of when each shield was dispatched and acknowledged.
-- V6, not V4: V4 is reserved for a change made in parallel.
--
-- cg_shield: one row per shieldId (the idempotency key: a shield sent again finds its row and changes nothing).
-- record_id is the shield's own gateway record (its deliveries in cg_delivery move like any record's);
-- target_record_id is the record it shields; source is who issued it (department, operator, upstream, gateway).
CREATE TABLE cg_shield (
    shield_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    record_id         VARCHAR(64)  NOT NULL,
    target_record_id  VARCHAR(64)  NOT NULL,
    target_dataset    VARCHAR(32)  NOT NULL,
    cause             VARCHAR(32)  NOT NULL,
    decision_ref      VARCHAR(256),
    effective_at      TIMESTAMP WITH TIME ZONE,
    source            VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cg_shield_record UNIQUE (record_id)
);
CREATE INDEX cg_shield_target ON cg_shield (target_record_id);

-- cg_shield_dispatch: one row per shield x platform that holds the record. dispatched_at = first hand-over to the
-- platform's sink, acked_at + receipt_id = the platform's acknowledgement; resends and the SLA alert are counted
-- here so the proof shows them too.
CREATE TABLE cg_shield_dispatch (
    shield_id       VARCHAR(64)  NOT NULL,
    upstream        VARCHAR(32)  NOT NULL,
    target_version  INTEGER      NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatched_at   TIMESTAMP WITH TIME ZONE,
    acked_at        TIMESTAMP WITH TIME ZONE,
    receipt_id      VARCHAR(128),
    error           CHARACTER VARYING,
    resends         INTEGER      NOT NULL,
    last_resent_at  TIMESTAMP WITH TIME ZONE,
    alerted_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (shield_id, upstream)
);
CREATE INDEX cg_shield_dispatch_open ON cg_shield_dispatch (acked_at, queued_at);
