package org.creditgate.simulators.upstream.core;

/** One error in a receipt: {@code {code, field, msg}} (domain.md §7.2). */
public record RecordError(String code, String field, String msg) {
}
