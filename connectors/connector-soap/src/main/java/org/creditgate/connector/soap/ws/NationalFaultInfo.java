package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Detail of the declared fault: UNAVAILABLE (outage), INTERNAL (simulated failure), BAD_REQUEST (no envelope). */
@XmlRootElement(name = "nationalFault")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"code", "field", "message"})
public class NationalFaultInfo {
    public String code;
    public String field;
    public String message;

    public NationalFaultInfo() {
    }

    public NationalFaultInfo(String code, String field, String message) {
        this.code = code;
        this.field = field;
        this.message = message;
    }
}
