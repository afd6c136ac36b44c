package org.creditgate.connector.soap.ws;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Response of {@code queryHoldings}. */
@XmlRootElement(name = "queryHoldingsResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"generatedAt", "count", "holdings"})
public class QueryHoldingsResponse {
    public String generatedAt;
    public int count;
    @XmlElement(name = "holding")
    public List<WsHolding> holdings = new ArrayList<>();
}
