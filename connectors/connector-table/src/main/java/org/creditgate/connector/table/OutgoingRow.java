package org.creditgate.connector.table;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row translated for ingest: the record as sent, and the fingerprint to store if the gateway accepts it.
 *
 * @param fingerprint {@code <op>:<sha-256 of the mapped content>}: the op the content was accepted with, so a re-read
 *                    of an unchanged row is sent exactly as before and answered ALREADY_ACCEPTED
 */
record OutgoingRow(SourceRow row, ObjectNode record, String fingerprint) {
}
