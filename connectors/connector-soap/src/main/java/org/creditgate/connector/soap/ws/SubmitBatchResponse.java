package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Response of {@code submitBatch}: the synchronous receipt. */
@XmlRootElement(name = "submitBatchResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"receipt"})
public class SubmitBatchResponse {
    public WsReceipt receipt;
}
