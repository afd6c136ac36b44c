package org.creditgate.connector.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.creditgate.testkit.ConnectorRouteTest;
import org.junit.jupiter.api.Test;

/**
 * The route in a CamelContext: ids carry the connector prefix, and a backlog larger than a page is drained at once
 * (greedy scheduler) rather than one page per period.
 */
class TableRoutesTest extends ConnectorRouteTest<TableConnector> {

    private ExampleTable table;

    @Override
    protected TableConnector newConnector() throws Exception {
        table = new ExampleTable();
        for (long id = 1; id <= 7; id++) {
            table.insertValid(id, ExampleTable.BASE.plusSeconds(id));
        }
        Map<String, Object> props = ExampleConfig.properties(table.url());
        props.put("poll.pageSize", "2");
        props.put("poll.period", "1h");
        return new TableConnector(props);
    }

    @Test
    void aBacklogIsDrainedPageAfterPageWithinOnePeriod() throws Exception {
        // the period is an hour: only the greedy re-poll after each full page can process 7 rows in 4 pages now
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(table.processed()).hasSize(7));
        assertThat(gateway.ingestCalls()).as("pages of 2, 2, 2, 1").isEqualTo(4);
        assertThat(gateway.enqueued()).hasSize(7);
        assertThat(gateway.watermark().get()).contains(ExampleTable.BASE.plusSeconds(7) + "|7");
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("table-example.poll");
    }

    @Test
    void stoppingTheRouteClosesThePool() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(table.processed()).hasSize(7));
        assertThat(sessions()).as("the pool's connection and ours").isGreaterThan(1);

        context.getRouteController().stopRoute("table-example.poll");

        assertThat(context.getRouteController().getRouteStatus("table-example.poll").isStopped()).isTrue();
        assertThat(sessions()).as("only the test's own session is left").isEqualTo(1);
    }

    private long sessions() throws Exception {
        try (java.sql.Connection c = table.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
