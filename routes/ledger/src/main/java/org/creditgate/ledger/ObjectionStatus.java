package org.creditgate.ledger;

/** Where an objection (异议) stands: pending verification by the provider, or its result (domain.md §6.2). */
public enum ObjectionStatus {
    /** 核实中: the target carries the OBJECTION_PENDING overlay, joint punishment suspended. */
    PENDING,
    /** 维持: the record stands as it was; the overlay clears. */
    CONFIRMED,
    /** 更正: a corrected version of the record was sent (an UPDATE); the overlay clears. */
    CORRECTED,
    /** 撤销: the record is shielded (OBJECTION_REVOKED); the overlay clears. */
    REVOKED
}
