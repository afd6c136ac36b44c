package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One body item; {@code data} is the item's {@code data} object as JSON text. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "item", propOrder = {"recordId", "version", "op", "cause", "data"})
public class WsItem {
    public String recordId;
    public int version;
    public String op;
    public String cause;
    public String data;
}
