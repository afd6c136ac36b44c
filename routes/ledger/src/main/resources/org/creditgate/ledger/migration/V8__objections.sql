-- Objections (异议处理, domain.md §3.7, §5.2, §6.2). V8: the number given to this change; V4 and V7 are other changes.
--
-- cg_objection: one row per objectionId, projected from the OBJECTION records once they are durable (the records
-- stay the truth; a row that lags behind its record is caught up by the objection watch). record_id/record_version
-- is the objection's own gateway record and the latest version applied here; target_version is the version that
-- was contested. status PENDING is the target's OBJECTION_PENDING overlay (joint punishment suspended) until the
-- provider's result: CONFIRMED, CORRECTED (corrected_version) or REVOKED. overdue_alerted_at: the one alert once
-- due_on (end of that working day, business time) passed without a result.
CREATE TABLE cg_objection (
    objection_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    record_id           VARCHAR(64)  NOT NULL,
    record_version      INTEGER      NOT NULL,
    target_record_id    VARCHAR(64)  NOT NULL,
    target_dataset      VARCHAR(32)  NOT NULL,
    target_version      INTEGER      NOT NULL,
    provider            VARCHAR(64)  NOT NULL,
    source              VARCHAR(64)  NOT NULL,
    submitted_on        DATE         NOT NULL,
    forwarded_on        DATE         NOT NULL,
    due_on              DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    result_on           DATE,
    corrected_version   INTEGER,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    overdue_alerted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cg_objection_record UNIQUE (record_id)
);
CREATE INDEX cg_objection_target ON cg_objection (target_record_id, status);
CREATE INDEX cg_objection_open ON cg_objection (status, due_on);
CREATE INDEX cg_objection_provider ON cg_objection (provider, status, due_on);
