package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Request of {@code queryStatus}: either {@code msgId}, or {@code recordId} + {@code version} (+ msgType SHIELD). */
@XmlRootElement(name = "queryStatus")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"msgId", "recordId", "version", "msgType"})
public class QueryStatus {
    public String msgId;
    public String recordId;
    public Integer version;
    public String msgType;
}
