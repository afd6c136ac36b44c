package org.creditgate.connector.court.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Detail of the court's declared fault: its error code and text. */
@XmlRootElement(name = "courtFault")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"code", "message"})
public class CourtFaultInfo {

    private String code;
    private String message;

    public CourtFaultInfo() {
    }

    public CourtFaultInfo(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }
}
