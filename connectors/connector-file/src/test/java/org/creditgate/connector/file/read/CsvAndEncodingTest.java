package org.creditgate.connector.file.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CsvAndEncodingTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final ReadLimits LIMITS = new ReadLimits(1 << 20, 1 << 20, 100, true);
    private static final DataFiles.Options AUTO = new DataFiles.Options(Optional.empty(), ',', LIMITS);
    private static final String TEXT = "纳税人名称,纳税人识别号\r\n福州某某科技有限公司,91350100M000100Y43\r\n";

    @Test
    void utf8WithoutBomIsDetected() throws Exception {
        Table t = DataFiles.read(Path.of("a.csv"), TEXT.getBytes(StandardCharsets.UTF_8), 1, Optional.empty(), AUTO);
        assertThat(t.format()).isEqualTo("CSV UTF-8");
        assertThat(t.header()).containsExactly("纳税人名称", "纳税人识别号");
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.cells()).containsExactly("福州某某科技有限公司", "91350100M000100Y43");
        });
    }

    @Test
    void utf8BomIsDetectedAndStripped() throws Exception {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Table t = DataFiles.read(Path.of("a.csv"), bytes, 1, Optional.empty(), AUTO);
        assertThat(t.format()).isEqualTo("CSV UTF-8");
        assertThat(t.header().get(0)).isEqualTo("纳税人名称");
    }

    @Test
    void gbkIsDetectedWhenTheBytesAreNotUtf8() throws Exception {
        Table t = DataFiles.read(Path.of("a.csv"), TEXT.getBytes(GBK), 1, Optional.empty(), AUTO);
        assertThat(t.format()).isEqualTo("CSV GBK");
        assertThat(t.values(t.rows().get(0))).containsEntry("纳税人名称", "福州某某科技有限公司");
    }

    @Test
    void aForcedEncodingThatDoesNotFitFailsTheFile() {
        DataFiles.Options utf8 = new DataFiles.Options(Optional.of(StandardCharsets.UTF_8), ',', LIMITS);
        assertThatThrownBy(() -> DataFiles.read(Path.of("a.csv"), TEXT.getBytes(GBK), 1, Optional.empty(), utf8))
                .isInstanceOf(BadFileException.class).extracting(e -> ((BadFileException) e).code())
                .isEqualTo("E_ENCODING");
    }

    @Test
    void forcedGbkReadsGbk() throws Exception {
        DataFiles.Options gbk = new DataFiles.Options(Optional.of(GBK), ',', LIMITS);
        assertThat(DataFiles.read(Path.of("a.csv"), TEXT.getBytes(GBK), 1, Optional.empty(), gbk).header())
                .containsExactly("纳税人名称", "纳税人识别号");
    }

    @Test
    void quotingFollowsRfc4180AndRowsKeepTheirLineNumbers() throws Exception {
        String csv = "a,b,c\n"
                + "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "\n"
                + ",,\n"
                + "plain,5\"2,\r\n"
                + "last,row,end";
        List<SourceRow> rows = CsvParser.parse(csv, ',');
        Table t = Table.of("CSV", rows, 1);
        assertThat(t.rows()).extracting(SourceRow::number).containsExactly(2, 6, 7);
        assertThat(t.rows().get(0).cells()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(t.rows().get(1).cells()).containsExactly("plain", "5\"2", "");
        assertThat(t.rows().get(2).cells()).containsExactly("last", "row", "end");
    }

    @Test
    void anUnterminatedQuoteOrTextAfterAClosingQuoteFailsTheFile() {
        assertThatThrownBy(() -> CsvParser.parse("a,b\n\"open,x\n", ','))
                .hasMessageContaining("line 2").hasMessageContaining("not closed");
        assertThatThrownBy(() -> CsvParser.parse("a,b\n\"x\"y,z\n", ','))
                .hasMessageContaining("line 2").hasMessageContaining("closing quote");
    }

    @Test
    void headerRowSkipsTitleRowsAndTabsAndOtherDelimitersWork() throws Exception {
        String tsv = "纳税信用A级纳税人名单\n\n名称\t代码\n甲\t1\n";
        DataFiles.Options tab = new DataFiles.Options(Optional.empty(), '\t', LIMITS);
        Table t = DataFiles.read(Path.of("a.txt"), tsv.getBytes(StandardCharsets.UTF_8), 2, Optional.empty(), tab);
        assertThat(t.header()).containsExactly("名称", "代码");
        assertThat(t.rows()).extracting(SourceRow::number).containsExactly(4);
    }

    @Test
    void duplicateHeadersAndUnsupportedTypesFailTheFile() {
        assertThatThrownBy(() -> DataFiles.read(Path.of("a.csv"), "a,a\n1,2\n".getBytes(StandardCharsets.UTF_8), 1,
                Optional.empty(), AUTO)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> DataFiles.read(Path.of("a.xls"), new byte[10], 1, Optional.empty(), AUTO))
                .hasMessageContaining(".xls");
        assertThatThrownBy(() -> DataFiles.read(Path.of("a.pdf"), new byte[10], 1, Optional.empty(), AUTO))
                .isInstanceOf(BadFileException.class);
    }
}
