/**
 * The national platform's SOAP contract (document/literal, bare), Java-first: the simulator publishes the WSDL
 * generated from these classes at {@code …/national/ws/exchange?wsdl}. Public fields keep the wire types short; the
 * gateway's connector may copy them. README, "national".
 */
@XmlSchema(namespace = NationalNs.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.creditgate.simulators.upstream.national.ws;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
