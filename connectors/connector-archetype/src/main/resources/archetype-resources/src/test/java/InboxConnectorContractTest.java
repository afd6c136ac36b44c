package ${package};

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;

/** The CreditGate connector contract, fed through the inbox. */
class InboxConnectorContractTest extends SourceConnectorContractTest<InboxConnector> {

    private Path inbox;

    @Override
    protected InboxConnector newConnector(Map<String, Object> properties) {
        return new InboxConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() throws Exception {
        if (inbox == null) {
            inbox = Files.createTempDirectory("inbox");
        }
        Map<String, Object> props = new HashMap<>(shippedProperties(shippedConfig()));
        props.put(InboxSettings.INBOX, inbox.toString());
        props.put(InboxSettings.POLL_PERIOD, "200ms");
        return props;
    }

    @Override
    protected Path shippedConfig() {
        return Path.of("src/main/cfg/org.creditgate.connector.${type}-${department}.cfg");
    }

    @Override
    protected SourceDriver driver() {
        return new SourceDriver() {
            private String lastName;
            private ArrayNode last;

            @Override
            public void offerValid(int first, int count) throws Exception {
                last = JsonNodeFactory.instance.arrayNode();
                for (int i = first; i < first + count; i++) {
                    last.add(SampleRecords.penalty("榕市监罚〔2026〕" + i + "号"));
                }
                lastName = "batch-" + first + ".json";
                drop(lastName, last.toString());
            }

            @Override
            public void offerAgain() throws Exception {
                drop(lastName, last.toString());
            }

            @Override
            public String offerInvalid() throws Exception {
                drop("bad.json", SampleRecords.penalty("榕市监罚〔2026〕999号")
                        .put("CF_XDR_SHXYM", "91350100M000100Y4Z").toString());
                return "CF_XDR_SHXYM";
            }

            private void drop(String name, String json) throws Exception {
                // write then rename, so a poll never reads half a file
                Path tmp = Files.writeString(inbox.resolve(name + ".tmp"), json);
                Files.move(tmp, inbox.resolve(name));
            }
        };
    }
}
