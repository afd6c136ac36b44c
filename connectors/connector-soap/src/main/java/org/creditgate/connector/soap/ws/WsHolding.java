package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** What the platform holds for one recordId. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "holding", propOrder = {"recordId", "dataset", "version", "op", "withdrawn", "shielded", "shieldCause",
    "shieldedAt", "receivedAt", "phantom"})
public class WsHolding {
    public String recordId;
    public String dataset;
    public int version;
    public String op;
    public boolean withdrawn;
    public boolean shielded;
    public String shieldCause;
    public String shieldedAt;
    public String receivedAt;
    public boolean phantom;
}
