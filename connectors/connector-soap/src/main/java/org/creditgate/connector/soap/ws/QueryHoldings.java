package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** (Copied from the simulator's contract, for reconciliation.) Request of {@code queryHoldings}: all holdings, or one dataset's. */
@XmlRootElement(name = "queryHoldings")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"dataset"})
public class QueryHoldings {
    public String dataset;
}
