package org.creditgate.connector.rest;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;

/** The rest type with its example configuration, fed through its push endpoint (the HTTP part is the core's). */
class RestPushConnectorContractTest extends SourceConnectorContractTest<RestPushConnector> {

    @Override
    protected RestPushConnector newConnector(Map<String, Object> properties) {
        return new RestPushConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() {
        return Map.of("department", "example", "map.CF_SY", "处罚事由");
    }

    @Override
    protected ConfigDef configDef() {
        return RestPushSettings.CONFIG;
    }

    @Override
    protected Path shippedConfig() {
        return Path.of("src/main/cfg/org.creditgate.connector.rest-example.cfg");
    }

    @Override
    protected SourceDriver driver() {
        return new SourceDriver() {
            private ObjectNode last;

            @Override
            public void offerValid(int first, int count) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                ArrayNode records = body.putArray("records");
                for (int i = first; i < first + count; i++) {
                    ObjectNode r = SampleRecords.penalty("榕市监罚〔2026〕" + i + "号");
                    r.set("处罚事由", r.remove("CF_SY"));
                    records.add(r);
                }
                last = body;
                push(body);
            }

            @Override
            public void offerAgain() {
                push(last);
            }

            @Override
            public String offerInvalid() {
                push(SampleRecords.penalty("榕市监罚〔2026〕999号").put("CF_XDR_SHXYM", "91350100M000100Y4Z"));
                return "CF_XDR_SHXYM";
            }

            private void push(ObjectNode body) {
                camel.createProducerTemplate().requestBody(connector().descriptor().pushEndpoint(), body);
            }
        };
    }
}
