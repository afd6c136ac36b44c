package org.creditgate.connector.soap.ws;

import javax.xml.ws.WebFault;

/** The service's declared SOAP fault. */
@WebFault(name = "nationalFault", targetNamespace = NationalNs.NS)
public class NationalFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient NationalFaultInfo faultInfo;

    public NationalFault(String message, NationalFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public NationalFault(String message, NationalFaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public NationalFaultInfo getFaultInfo() {
        return faultInfo;
    }
}
