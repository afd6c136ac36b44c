/**
 * The national platform's SOAP contract (document/literal, bare), Java-first — copied from the upstream simulator
 * (org.creditgate.simulators.upstream.national.ws); a connector bundle must not depend on the simulator. Only
 * submitBatch is used; upstream-simulators/README.md, "national".
 */
@XmlSchema(namespace = NationalNs.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.creditgate.connector.soap.ws;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
