package org.creditgate.connector.samr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.rest.RestPushConnector;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;

/** The rest type with the bureau's shipped configuration, fed through the push endpoint. */
class SamrConnectorContractTest extends SourceConnectorContractTest<RestPushConnector> {

    static final Path CFG = Path.of("src/main/cfg/org.creditgate.connector.rest-scjgj.cfg");

    @Override
    protected RestPushConnector newConnector(Map<String, Object> properties) {
        return new RestPushConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() throws Exception {
        return shippedProperties(CFG);
    }

    @Override
    protected Path shippedConfig() {
        return CFG;
    }

    @Override
    protected SourceDriver driver() {
        return new SourceDriver() {
            private List<ObjectNode> last;

            @Override
            public void offerValid(int first, int count) {
                last = new java.util.ArrayList<>();
                for (int i = first; i < first + count; i++) {
                    // every other record in the legacy key names: both must be accepted
                    last.add(i % 2 == 0 ? SamrSimulator.legacyPenalty(i) : SamrSimulator.penalty(i));
                }
                push(last);
            }

            @Override
            public void offerAgain() {
                push(last);
            }

            @Override
            public String offerInvalid() {
                push(List.of(SamrSimulator.badPenalty(999)));
                return "CF_XDR_SHXYM";
            }

            private void push(List<ObjectNode> records) {
                ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                body.putArray("records").addAll(records);
                camel.createProducerTemplate().requestBody(connector().descriptor().pushEndpoint(), body);
            }
        };
    }
}
