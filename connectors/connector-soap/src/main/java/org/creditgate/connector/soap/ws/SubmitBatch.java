package org.creditgate.connector.soap.ws;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Request of {@code submitBatch}: the envelope. */
@XmlRootElement(name = "submitBatch")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"header", "items"})
public class SubmitBatch {
    public WsHeader header;
    @XmlElement(name = "item")
    public List<WsItem> items = new ArrayList<>();
}
