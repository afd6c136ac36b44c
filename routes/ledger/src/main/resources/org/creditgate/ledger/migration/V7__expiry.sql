-- The daily expiry job (domain.md §5.3) pages through the current versions of one dataset's records by record id;
-- without this index every page would scan all heads. Whether a record is still a candidate is answered by
-- cg_shield_target (V6).
CREATE INDEX cg_record_head_dataset ON cg_record_head (dataset, record_id);
