package org.creditgate.connector.soap.ws;

/** Names of the national exchange service, in one place. */
public final class NationalNs {

    public static final String NS = "urn:creditgate:national:exchange:1";
    public static final String SERVICE = "CreditExchangeService";
    public static final String PORT = "CreditExchangePort";
    public static final String PATH = "/national/ws/exchange";

    private NationalNs() {
    }
}
