package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** {@code {code, field, msg}}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "error", propOrder = {"code", "field", "msg"})
public class WsError {
    public String code;
    public String field;
    public String msg;
}
