package org.creditgate.connector.court.ws;

import javax.xml.ws.WebFault;

/** The court's declared SOAP fault (authentication failure, service busy, bad request). */
@WebFault(name = "courtFault", targetNamespace = CourtNs.NS)
public class CourtFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CourtFaultInfo faultInfo;

    public CourtFault(String message, CourtFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public CourtFault(String message, CourtFaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public CourtFaultInfo getFaultInfo() {
        return faultInfo;
    }
}
