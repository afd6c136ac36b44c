package org.creditgate.spi.delivery;

import java.util.Map;
import java.util.Optional;

import org.creditgate.spi.GatewayHeaders;

/**
 * What a SHIELD copy names upstream (domain.md §7.2, msgType SHIELD): the shielded record version the upstream holds
 * and the cause. The ledger tracks the shield under its own recordId/version; the upstream's envelope item and its
 * receipt name {@link #target}, so a sink matches the receipt with the target and reports with the shield's ref.
 */
public record ShieldItem(DeliveryRef target, String cause) {

    /** The shielded record version from the {@link GatewayHeaders#SHIELD_TARGET} header, if the message has one. */
    public static Optional<DeliveryRef> target(Map<String, Object> headers) {
        Object v = headers == null ? null : headers.get(GatewayHeaders.SHIELD_TARGET);
        return v == null ? Optional.empty() : parse(v.toString());
    }

    /** {@code recordId:version} → the ref; empty when malformed. */
    public static Optional<DeliveryRef> parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(text.substring(colon + 1));
            return version < 1 ? Optional.empty() : Optional.of(new DeliveryRef(text.substring(0, colon), version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String format(DeliveryRef ref) {
        return ref.recordId() + ":" + ref.version();
    }
}
