package org.creditgate.connector.soap.ws;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** The §7.2 receipt; {@code error} holds batch-level errors (count, digest). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "receipt", propOrder = {"ackFor", "status", "received", "accepted", "rejected", "receivedAt", "errors",
    "results"})
public class WsReceipt {
    public String ackFor;
    public String status;
    public int received;
    public int accepted;
    public int rejected;
    public String receivedAt;
    @XmlElement(name = "error")
    public List<WsError> errors = new ArrayList<>();
    @XmlElement(name = "result")
    public List<WsResult> results = new ArrayList<>();
}
