package org.creditgate.simulators.upstream.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class MisbehaviourTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void outageWindowIsHalfOpen() {
        assertThat(outageAt(T0.minusMillis(1))).isFalse();
        assertThat(outageAt(T0)).isTrue();
        assertThat(outageAt(T0.plusSeconds(59))).isTrue();
        assertThat(outageAt(T0.plusSeconds(60))).isFalse();
    }

    private static boolean outageAt(Instant now) {
        return new Misbehaviour(Clock.fixed(now, ZoneOffset.UTC)).outage(T0, T0.plusSeconds(60)).inOutage();
    }

    @Test
    void seededErrorRateGivesTheSameFailuresEveryRun() {
        Misbehaviour m = new Misbehaviour().errorRate(0.3, 42);
        List<Boolean> seen = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            seen.add(m.nextRequestFails());
        }
        Random r = new Random(42);
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(r.nextDouble() < 0.3);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(m.failuresServed()).isEqualTo((int) expected.stream().filter(b -> b).count()).isBetween(5, 25);
    }

    @Test
    void failNextThenRejectRulesAndDropsApplyToMatchingRecordsOnly() {
        Misbehaviour m = new Misbehaviour().failNext(2)
                .reject(RejectRule.fieldEquals("PENALTY", "CF_CFLB", "警告", "E_NOT_PUBLISHED"))
                .dropRecord("r7");
        assertThat(List.of(m.nextRequestFails(), m.nextRequestFails(), m.nextRequestFails()))
                .containsExactly(true, true, false);

        BodyItem warning = new BodyItem("r1", 1, "ADD", null, JsonNodeFactory.instance.objectNode()
                .put("CF_CFLB", "警告"));
        BodyItem fine = new BodyItem("r7", 1, "ADD", null, JsonNodeFactory.instance.objectNode()
                .put("CF_CFLB", "罚款"));
        assertThat(m.rejection("PENALTY", "DATA", warning)).get().extracting(RecordError::code)
                .isEqualTo("E_NOT_PUBLISHED");
        assertThat(m.rejection("LICENSE", "DATA", warning)).isEmpty();
        assertThat(m.rejection("PENALTY", "DATA", fine)).isEmpty();
        assertThat(m.drops(fine)).isTrue();
        assertThat(m.drops(warning)).isFalse();

        m.reset();
        assertThat(m.rejection("PENALTY", "DATA", warning)).isEmpty();
        assertThat(m.drops(fine)).isFalse();
    }
}
