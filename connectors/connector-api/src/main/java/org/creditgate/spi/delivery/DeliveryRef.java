package org.creditgate.spi.delivery;

/** One record version as a sink connector reports on it. */
public record DeliveryRef(String recordId, int version) {
}
