package org.creditgate.connector.court.ws;

/** Names from the court's WSDL, in one place. */
public final class CourtNs {

    public static final String NS = "http://ws.court.creditgate.org/executee/v1";
    public static final String WSDL = "wsdl/dishonest-executee.wsdl";
    public static final String SERVICE = "DishonestExecuteeService";
    public static final String PORT = "DishonestExecuteePort";

    private CourtNs() {
    }
}
