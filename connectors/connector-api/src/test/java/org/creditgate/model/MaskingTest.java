package org.creditgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers quoted inside someone else's text are masked too (domain.md §8). */
class MaskingTest {

    private static final String ID = "420106199001011238";

    @Test
    void everyIdNumberInATextIsMaskedAndNothingElseChanges() {
        assertThat(Masking.inText("E_RULE: CF_XDR_ZJHM=" + ID + " refused; also 11010519491231002x."))
                .isEqualTo("E_RULE: CF_XDR_ZJHM=420106********1238 refused; also 110105********002x.");
        assertThat(Masking.inText("USCC 91350100M000100Y43, amount 2000, doc （2026）榕市监罚12号"))
                .isEqualTo("USCC 91350100M000100Y43, amount 2000, doc （2026）榕市监罚12号");
        assertThat(Masking.inText("part of a longer code 9" + ID)).endsWith("9" + ID);
        assertThat(Masking.inText(null)).isNull();
    }
}
