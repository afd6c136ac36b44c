package org.creditgate.model.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.UpstreamRouting.Regime;
import org.creditgate.model.routing.UpstreamRouting.Upstream;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.junit.jupiter.api.Test;

/** The routing table decides by dataset; the regimes of domain.md §5.3 take records out per target. */
class UpstreamRoutingTest {

    private final UpstreamRouting routing = new UpstreamRouting(List.of(
            new Upstream("province", EnumSet.allOf(Dataset.class), Regime.SHARING),
            new Upstream("national", EnumSet.of(Dataset.PENALTY, Dataset.LICENSE, Dataset.LIST), Regime.SHARING),
            new Upstream("creditchina", EnumSet.of(Dataset.PENALTY, Dataset.LICENSE, Dataset.LIST), Regime.PUBLIC),
            new Upstream("gsxt", EnumSet.of(Dataset.PENALTY, Dataset.LICENSE), Regime.GSXT)));

    private static CreditRecord record(ObjectNode json) {
        ValidationOutcome o = new RecordValidator().validate(json,
                new ValidationContext(LocalDate.of(2026, 11, 20), WorkingDayCalendar.fromClasspath()));
        assertThat(o.errors()).isEmpty();
        return o.record();
    }

    @Test
    void anOrdinaryFineGoesEverywhereItsDatasetIsRouted() {
        assertThat(routing.targets(record(SampleRecords.penalty("榕市监罚〔2026〕1号"))))
                .containsExactly("province", "national", "creditchina", "gsxt");
        assertThat(routing.targets(record(SampleRecords.load("DISHONEST_EXECUTEE")))).containsExactly("province");
    }

    @Test
    void gsxtTakesNoSimpleProcedureAndNoWarningOnlyPenalty() {
        assertThat(routing.targets(record(SampleRecords.penalty("榕市监罚〔2026〕2号").put("procedure", "简易"))))
                .containsExactly("province", "national", "creditchina");
        ObjectNode warning = SampleRecords.penalty("榕市监罚〔2026〕3号").put("CF_CFLB", "警告").put("CF_NR", "警告");
        warning.remove("CF_NR_FK");
        assertThat(routing.targets(record(warning))).containsExactly("province", "national", "creditchina");
    }

    @Test
    void anUnpublishableRecordReachesOnlyTheSharingPlatforms() {
        ObjectNode closed = SampleRecords.penalty("榕市监罚〔2026〕4号").put("publish", "N").put("publishReason", "涉及国家秘密");
        assertThat(routing.targets(record(closed))).containsExactly("province", "national");
    }
}
