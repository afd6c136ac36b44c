package org.creditgate.simulators.upstream.creditchina;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditgate.simulators.upstream.core.Json;
import org.junit.jupiter.api.Test;

class IdNumberScannerTest {

    @Test
    void recognisesValidCitizenIdsOnly() {
        assertThat(IdNumberScanner.isCitizenId("11010519491231002X")).isTrue(); // domain.md §2.3 worked example
        assertThat(IdNumberScanner.isCitizenId("440524188001010014")).isTrue();
        assertThat(IdNumberScanner.isCitizenId("110105194912310021")).isFalse(); // wrong check character
        assertThat(IdNumberScanner.isCitizenId("99010519491231002X")).isFalse(); // no such province
        assertThat(IdNumberScanner.isCitizenId("110105194913310020")).isFalse(); // month 13
    }

    @Test
    void findsUnmaskedIdsInTextButNotMaskedOnesUsccsOrLongerNumbers() {
        assertThat(IdNumberScanner.idNumbersIn("当事人张三（身份证号11010519491231002x）")).containsExactly("11010519491231002X");
        assertThat(IdNumberScanner.idNumbersIn("110105********002X")).isEmpty();
        assertThat(IdNumberScanner.idNumbersIn("91350100M000100Y43 11350100003000014R")).isEmpty();
        assertThat(IdNumberScanner.idNumbersIn("账号 611010519491231002X9")).isEmpty();
    }

    @Test
    void reportsLegalRepIdsEvenMaskedWithTheirJsonPointer() {
        var payload = Json.read("{\"body\":[{\"data\":{\"CF_FR_ZJHM\":\"110105********002X\","
                + "\"CF_XDR_ZJHM\":\"110105********002X\",\"BZ\":[\"ok\",\"见 440524188001010014\"]}}]}");

        assertThat(IdNumberScanner.scan(payload)).containsExactly(
                new IdNumberScanner.Finding("/body/0/data/CF_FR_ZJHM", IdNumberScanner.LEGAL_REP_ID,
                        "110105********002X"),
                new IdNumberScanner.Finding("/body/0/data/BZ/1", IdNumberScanner.UNMASKED_ID, "440524********0014"));
    }
}
