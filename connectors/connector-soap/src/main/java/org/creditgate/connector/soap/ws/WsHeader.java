package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** The §7.2 envelope header (without the encryption fields). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "header", propOrder = {"msgId", "msgType", "dataset", "schemaVersion", "sender", "receiver", "sentAt",
    "nonce", "recordCount", "digest"})
public class WsHeader {
    public String msgId;
    public String msgType;
    public String dataset;
    public String schemaVersion;
    public String sender;
    public String receiver;
    public String sentAt;
    public String nonce;
    public int recordCount;
    public String digest;
}
