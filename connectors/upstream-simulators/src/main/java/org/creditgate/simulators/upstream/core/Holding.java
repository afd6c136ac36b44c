package org.creditgate.simulators.upstream.core;

import java.time.Instant;

/**
 * What an upstream holds for one recordId: the latest version received, whether it was withdrawn (op DELETE) or
 * shielded (a SHIELD message, with its cause), and whether the upstream "has" it without ever receiving it
 * ({@code phantom}, a misbehaviour for reconciliation tests).
 */
public record Holding(String recordId, String dataset, int version, String op, boolean withdrawn, boolean shielded,
        String shieldCause, Instant shieldedAt, Instant receivedAt, boolean phantom) {

    Holding withVersion(int newVersion, String newOp, Instant at) {
        return new Holding(recordId, dataset, newVersion, newOp, "DELETE".equals(newOp), shielded, shieldCause,
                shieldedAt, at, false);
    }

    Holding shield(String cause, Instant at) {
        return new Holding(recordId, dataset, version, op, withdrawn, true, cause, at, receivedAt, phantom);
    }
}
