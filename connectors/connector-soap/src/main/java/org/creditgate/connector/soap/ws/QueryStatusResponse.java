package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/**
 * Response of {@code queryStatus}. By msgId: {@code state} UNKNOWN or DONE and the {@code receipt}. By record:
 * {@code state} UNKNOWN or DONE (this recordId+version was received), {@code timesReceived}, {@code lastResult},
 * {@code held} (the held version is this one) and the {@code holding}.
 */
@XmlRootElement(name = "queryStatusResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"state", "receipt", "timesReceived", "lastResult", "held", "holding"})
public class QueryStatusResponse {
    public String state;
    public WsReceipt receipt;
    public Integer timesReceived;
    public WsResult lastResult;
    public Boolean held;
    public WsHolding holding;
}
