package org.creditgate.model.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Penalty;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.UpstreamRouting.Regime;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.junit.jupiter.api.Test;

class PublicationPeriodsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ValidationContext CTX = new ValidationContext(LocalDate.of(2026, 11, 20),
            WorkingDayCalendar.fromClasspath());
    private final PublicationPeriods periods = PublicationPeriods.withDefaults();

    static Penalty penalty(LocalDate decided, String severity, String kinds, String fineWan) {
        ObjectNode json = SampleRecords.decidedOn(SampleRecords.penalty("罚-" + decided), decided)
                .put("severity", severity).put("CF_CFLB", kinds);
        if (fineWan == null) {
            json.remove("CF_NR_FK");
        } else {
            json.put("CF_NR_FK", fineWan);
        }
        return (Penalty) valid(json);
    }

    static CreditRecord valid(ObjectNode json) {
        ValidationOutcome o = new RecordValidator().validate(json, CTX);
        assertThat(o.errors()).isEmpty();
        return o.record();
    }

    @Test
    void theNdrcRuleIsTheOneInForceOnTheDecisionDate() {
        assertThat(PublicationPeriods.ndrcRegime(LocalDate.of(2019, 6, 30))).isEqualTo(PublicationRegime.NDRC_2017);
        assertThat(PublicationPeriods.ndrcRegime(LocalDate.of(2019, 7, 1))).isEqualTo(PublicationRegime.NDRC_2019);
        assertThat(PublicationPeriods.ndrcRegime(LocalDate.of(2023, 4, 30))).isEqualTo(PublicationRegime.NDRC_2019);
        assertThat(PublicationPeriods.ndrcRegime(LocalDate.of(2023, 5, 1))).isEqualTo(PublicationRegime.NDRC_2023);
    }

    @Test
    void ndrc2017HasNoEarlyEnd() {
        PublicationPeriod p = PublicationPeriods.ndrc(penalty(LocalDate.of(2019, 6, 30), "一般", "罚款", "0.2"));
        assertThat(p).isEqualTo(new PublicationPeriod(PublicationRegime.NDRC_2017, LocalDate.of(2019, 6, 30),
                LocalDate.of(2020, 6, 30), LocalDate.of(2020, 6, 30)));
        assertThat(PublicationPeriods.ndrc(penalty(LocalDate.of(2018, 3, 15), "严重", "罚款", "0.2")).maxEnd())
                .isEqualTo(LocalDate.of(2021, 3, 15));
    }

    @Test
    void ndrc2019SeriousIsSixMonthsToThreeYears() {
        PublicationPeriod p = PublicationPeriods.ndrc(penalty(LocalDate.of(2019, 7, 1), "严重", "罚款", "0.2"));
        assertThat(p.regime()).isEqualTo(PublicationRegime.NDRC_2019);
        assertThat(p.minEnd()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(p.earliestRepairOn()).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(p.maxEnd()).isEqualTo(LocalDate.of(2022, 7, 1));
    }

    @Test
    void order58SeriousIsOneYearToThreeYearsAndGeneralThreeMonthsToOneYear() {
        PublicationPeriod serious = PublicationPeriods.ndrc(penalty(LocalDate.of(2023, 5, 1), "严重", "罚款", "0.2"));
        assertThat(serious).isEqualTo(new PublicationPeriod(PublicationRegime.NDRC_2023, LocalDate.of(2023, 5, 1),
                LocalDate.of(2024, 5, 1), LocalDate.of(2026, 5, 1)));
        PublicationPeriod general = PublicationPeriods.ndrc(penalty(LocalDate.of(2023, 4, 30), "一般", "罚款", "0.2"));
        assertThat(general).isEqualTo(new PublicationPeriod(PublicationRegime.NDRC_2019, LocalDate.of(2023, 4, 30),
                LocalDate.of(2023, 7, 30), LocalDate.of(2024, 4, 30)));
    }

    @Test
    void aLeapDayPlusOneYearEndsOnTheLastDayOfFebruary() {
        PublicationPeriod p = PublicationPeriods.ndrc(penalty(LocalDate.of(2024, 2, 29), "一般", "罚款", "0.2"));
        assertThat(p.maxEnd()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(p.stopsAt(SHANGHAI)).isEqualTo(ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, SHANGHAI));
        assertThat(p.endedBy(LocalDate.of(2025, 2, 28))).isFalse();
        assertThat(p.endedBy(LocalDate.of(2025, 3, 1))).isTrue();
    }

    @Test
    void theThirtyFirstPlusThreeMonthsEndsOnTheLastDayOfTheMonth() {
        PublicationPeriod p = PublicationPeriods.ndrc(penalty(LocalDate.of(2024, 1, 31), "一般", "罚款", "0.2"));
        assertThat(p.minEnd()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(p.earliestRepairOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(p.maxEnd()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void aSmallerPublishUntilOfTheDepartmentIsKept() {
        Penalty p = (Penalty) valid(SampleRecords.decidedOn(SampleRecords.penalty("罚-截止"), LocalDate.of(2024, 1, 31))
                .put("CF_GSJZQ", "2024-10-31"));
        assertThat(PublicationPeriods.ndrc(p).maxEnd()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(PublicationPeriods.ndrc(p).minEnd()).isEqualTo(LocalDate.of(2024, 4, 30));
    }

    @Test
    void gsxtCountsFromItsPublicationDateByContent() {
        LocalDate published = LocalDate.of(2024, 1, 31);
        // organisation, ¥2,000 < ¥50,000: 较低数额罚款
        assertThat(periods.gsxt(penalty(LocalDate.of(2024, 1, 20), "一般", "罚款", "0.2"), published))
                .isEqualTo(new PublicationPeriod(PublicationRegime.SAMR_45, published, LocalDate.of(2024, 4, 30),
                        LocalDate.of(2024, 4, 30)));
        // organisation, exactly ¥50,000 is not below the threshold
        assertThat(periods.gsxt(penalty(LocalDate.of(2024, 1, 20), "一般", "罚款", "5"), published).maxEnd())
                .isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(periods.gsxt(penalty(LocalDate.of(2024, 1, 20), "严重", "通报批评", null), published).maxEnd())
                .isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(periods.gsxt(penalty(LocalDate.of(2024, 1, 20), "一般", "警告;罚款", "0.2"), published).maxEnd())
                .isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(periods.gsxt(penalty(LocalDate.of(2024, 1, 20), "一般", "罚款;责令停产停业", "0.2"), published)
                .maxEnd()).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void gsxtUsesThePersonThresholdForNaturalPersons() {
        LocalDate published = LocalDate.of(2024, 3, 1);
        Penalty small = (Penalty) valid(SampleRecords.decidedOn(SampleRecords.personPenalty("罚-人1",
                SampleRecords.CITIZEN_ID), LocalDate.of(2024, 2, 20)).put("CF_NR_FK", "0.49"));
        Penalty large = (Penalty) valid(SampleRecords.decidedOn(SampleRecords.personPenalty("罚-人2",
                SampleRecords.CITIZEN_ID), LocalDate.of(2024, 2, 20)).put("CF_NR_FK", "0.5"));
        assertThat(periods.gsxt(small, published).maxEnd()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(periods.gsxt(large, published).maxEnd()).isEqualTo(LocalDate.of(2027, 3, 1));
        PublicationPeriods hubei = new PublicationPeriods(BigDecimal.valueOf(10_000), BigDecimal.valueOf(100_000));
        assertThat(hubei.gsxt(large, published).maxEnd()).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void aLongerRestrictionIsPublishedForItsActualTerm() {
        Penalty p = (Penalty) valid(SampleRecords.decidedOn(SampleRecords.penalty("罚-限制"), LocalDate.of(2024, 1, 20))
                .put("CF_CFLB", "限制从业").put("CF_YXQ", "2029-01-19").put("CF_NR_FK", "0"));
        assertThat(periods.gsxt(p, LocalDate.of(2024, 1, 31)).maxEnd()).isEqualTo(LocalDate.of(2029, 1, 19));
    }

    @Test
    void perTargetRegimeAndDataset() {
        Penalty p = penalty(LocalDate.of(2024, 1, 20), "一般", "罚款", "0.2");
        assertThat(periods.at(Regime.SHARING, p, null).orElseThrow().maxEnd()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(periods.at(Regime.PUBLIC, p, LocalDate.of(2024, 1, 31)).orElseThrow().regime())
                .isEqualTo(PublicationRegime.NDRC_2023);
        assertThat(periods.at(Regime.GSXT, p, LocalDate.of(2024, 1, 31)).orElseThrow().maxEnd())
                .isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(periods.at(Regime.GSXT, p, null)).as("GSXT never published it").isEmpty();
        CreditRecord list = valid(SampleRecords.load("LIST"));
        assertThat(periods.at(Regime.SHARING, list, null).orElseThrow()).isEqualTo(new PublicationPeriod(
                PublicationRegime.LIST_VALIDITY, LocalDate.of(2026, 11, 1), LocalDate.of(2029, 10, 31),
                LocalDate.of(2029, 10, 31)));
        assertThat(periods.local(valid(SampleRecords.load("LIST").without("listedUntil")))).isEmpty();
        assertThat(periods.at(Regime.SHARING, valid(SampleRecords.load("DISHONEST_EXECUTEE")), null)).isEmpty();
    }
}
