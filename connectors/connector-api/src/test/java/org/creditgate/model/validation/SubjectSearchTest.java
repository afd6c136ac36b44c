package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditgate.model.validation.Fixtures.validate;

import org.creditgate.model.Masking;
import org.creditgate.model.Penalty;
import org.junit.jupiter.api.Test;

/** The operator's subject search finds the key the ledger filed a subject's records under, and never the number. */
class SubjectSearchTest {

    @Test
    void aPersonsIdNumberFindsTheKeyIngestGaveTheirRecords() {
        Penalty p = (Penalty) validate(Fixtures.personPenalty()).record();

        assertThat(SubjectSearch.key(Fixtures.ID)).isEqualTo(p.subjectKey()).startsWith("P:")
                .doesNotContain(Fixtures.ID);
        assertThat(SubjectSearch.key(" " + Fixtures.ID.toLowerCase() + "\u3000")).isEqualTo(p.subjectKey());
        assertThat(SubjectSearch.key(p.subjectKey())).as("a key the gateway showed").isEqualTo(p.subjectKey());
    }

    @Test
    void anOrganisationsUsccIsItsOwnKeyEvenWrittenFullWidth() {
        Penalty p = (Penalty) validate(Fixtures.penalty()).record();

        assertThat(SubjectSearch.key(Fixtures.ORG_USCC)).isEqualTo(p.subjectKey()).isEqualTo(Fixtures.ORG_USCC);
        assertThat(SubjectSearch.key("　９１３５０１００ｍ０００１００ｙ４３ ")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void anAnswerShowsTheUsccOrKeyAsSearchedAndANumberOnlyMasked() {
        Penalty p = (Penalty) validate(Fixtures.personPenalty()).record();

        assertThat(SubjectSearch.shown(" " + Fixtures.ID.toLowerCase())).isEqualTo(Masking.idNo(Fixtures.ID));
        assertThat(SubjectSearch.shown(p.subjectKey())).isEqualTo(p.subjectKey());
        assertThat(SubjectSearch.shown("９１３５０１００ｍ０００１００ｙ４３")).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> SubjectSearch.shown(Masking.idNo(Fixtures.ID))).hasMessageContaining("masked");
    }

    @Test
    void aMaskedNumberOrAnythingElseIsRefusedWithoutRepeatingANumber() {
        assertThatThrownBy(() -> SubjectSearch.key(Masking.idNo(Fixtures.ID)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masked");
        // an ID number with a wrong check character is no USCC either (digits only), and is not quoted
        String wrongCheck = Fixtures.ID.substring(0, 17) + (Fixtures.ID.charAt(17) == '1' ? '2' : '1');
        assertThatThrownBy(() -> SubjectSearch.key(wrongCheck)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrongCheck)
                        .contains(Masking.idNo(wrongCheck)));
        assertThatThrownBy(() -> SubjectSearch.key("ABC")).hasMessageContaining("neither");
        assertThatThrownBy(() -> SubjectSearch.key(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
