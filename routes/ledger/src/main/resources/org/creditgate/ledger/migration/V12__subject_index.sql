-- Lineage search by subject (creditgate:lineage --subject): the record versions of one subject key (a USCC, or the
-- keyed hash of a person's ID number). V12: the number given to this change; V9 to V11 are other changes.
CREATE INDEX cg_record_version_subject ON cg_record_version (subject_key);
