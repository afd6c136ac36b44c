package org.creditgate.connector.tax.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tax bureau's (税务局) side of the file drop: writes 纳税信用A级 red-list and 重大税收违法失信主体 black-list files
 * as CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX, with the columns of the shipped {@code file-swj} layouts, then their
 * manifests — data file first, manifest last, as the connector expects. Rows are numbered: row {@code n} is always
 * the same subject and the same record, so two drops of the same numbers are a resend. Bad rows carry an invalid
 * 纳税人识别号 (wrong USCC check character).
 *
 * <p>Demo: {@code java -cp <test-classpath> org.creditgate.connector.tax.sim.TaxSimulator run/karaf/data/drop/swj}
 * drops four files (red CSV UTF-8, black CSV GBK with one bad row, red XLSX, black XLSX).
 */
public final class TaxSimulator {

    /** Which list a file carries. */
    public enum ListType { RED, BLACK }

    /** How a file is written. */
    public enum Format { CSV_UTF8, CSV_UTF8_BOM, CSV_GBK, XLSX }

    /** The red list's columns, as the shipped layout {@code red} maps them (评价年度 is extra and unmapped). */
    public static final List<String> RED_COLUMNS = List.of("纳税人识别号", "纳税人名称", "法定代表人", "评价年度",
            "评定文号", "评价机关", "评价机关统一社会信用代码", "列入日期", "有效期至");
    /** The black list's columns, as the shipped layout {@code black} maps them. */
    public static final List<String> BLACK_COLUMNS = List.of("纳税人名称", "纳税人识别号", "法定代表人或者负责人姓名",
            "主要违法事实", "处罚决定文号", "认定机关", "认定机关统一社会信用代码", "公布日期", "公布截止日期", "惩戒措施代码");
    /** The column a bad row gets wrong, and the record field the gateway names in its rejection. */
    public static final String BAD_COLUMN = "纳税人识别号";
    public static final String BAD_FIELD = "uscc";

    static final String TAX_BUREAU = "国家税务总局福州市税务局";
    static final String TAX_BUREAU_USCC = "11350100003000014R";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final Path dropDir;
    private final AtomicInteger files = new AtomicInteger();

    public TaxSimulator(Path dropDir) {
        this.dropDir = dropDir;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TaxSimulator <drop directory>");
            System.exit(2);
        }
        TaxSimulator sim = new TaxSimulator(Path.of(args[0]));
        List<Path> dropped = List.of(sim.drop(ListType.RED, Format.CSV_UTF8, 1, 5),
                sim.drop(ListType.BLACK, Format.CSV_GBK, 101, 4, Set.of(102)),
                sim.drop(ListType.RED, Format.XLSX, 201, 3),
                sim.drop(ListType.BLACK, Format.XLSX, 301, 2));
        dropped.forEach(p -> System.out.println("dropped " + p + " (+ .manifest)"));
    }

    /** Drops rows {@code first … first+count-1}, all valid; returns the data file. */
    public Path drop(ListType list, Format format, int first, int count) {
        return drop(list, format, first, count, Set.of());
    }

    /** Drops rows {@code first … first+count-1}; the row numbers in {@code bad} get an invalid 纳税人识别号. */
    public Path drop(ListType list, Format format, int first, int count, Set<Integer> bad) {
        return drop(render(list, format, first, count, bad));
    }

    /** A file as the tax bureau would write it, not yet dropped. */
    public record DataFile(String name, byte[] data, int rows) {
    }

    /** Renders rows {@code first … first+count-1} (those in {@code bad} invalid) under a fresh file name. */
    public DataFile render(ListType list, Format format, int first, int count, Set<Integer> bad) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            rows.add(list == ListType.RED ? redRow(n, bad.contains(n)) : blackRow(n, bad.contains(n)));
        }
        List<String> header = list == ListType.RED ? RED_COLUMNS : BLACK_COLUMNS;
        return new DataFile(fileName(list, format, first, count), bytes(list, format, header, rows), rows.size());
    }

    /** The same content under a new name, as a resend. */
    public DataFile again(DataFile earlier) {
        return new DataFile("resend" + files.incrementAndGet() + "_" + earlier.name(), earlier.data(), earlier.rows());
    }

    /** Writes the data file, then its manifest (count, sha256) — the order the connector relies on. */
    public Path drop(DataFile f) {
        return dropFile(f.name(), f.data(), f.rows());
    }

    /** Writes any data file and a manifest declaring {@code rows} (give a wrong count to test the manifest check). */
    public Path dropFile(String name, byte[] data, int rows) {
        try {
            Files.createDirectories(dropDir);
            Path file = Files.write(dropDir.resolve(name), data);
            Files.writeString(dropDir.resolve(name + ".manifest"), "# 税务局 simulator\ncount=" + rows
                    + "\nsha256=" + sha256(data) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> redRow(int n, boolean bad) {
        return List.of(uscc(n, bad), "福州市某某商贸有限公司" + n, "张" + n, "2025", "榕税信评〔2026〕" + n + "号",
                TAX_BUREAU, TAX_BUREAU_USCC, "2026-04-30", "2027-04-29");
    }

    public static List<String> blackRow(int n, boolean bad) {
        return List.of("福州市某某贸易有限公司" + n, uscc(n, bad), "李" + n,
                "虚开增值税专用发票" + n + "份，金额合计" + n + "0万元", "榕税稽罚〔2026〕" + n + "号", TAX_BUREAU,
                TAX_BUREAU_USCC, "2026-06-01", "2029-05-31", "C0101;C0203");
    }

    /** A valid 统一社会信用代码 of a company in Fuzhou for row {@code n}; with {@code bad}, its check character is wrong. */
    public static String uscc(int n, boolean bad) {
        String body = "91350100" + String.format("M%08d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return body + USCC_CHARS.charAt(bad ? (check + 1) % 31 : check);
    }

    private String fileName(ListType list, Format format, int first, int count) {
        String kind = list == ListType.RED ? "2025年度纳税信用A级纳税人名单" : "重大税收违法失信主体名单";
        String ext = format == Format.XLSX ? ".xlsx" : ".csv";
        return kind + "_" + first + "-" + (first + count - 1) + "_" + files.incrementAndGet() + ext;
    }

    static byte[] bytes(ListType list, Format format, List<String> header, List<List<String>> rows) {
        if (format == Format.XLSX) {
            return SimpleXlsx.write(list == ListType.RED ? "A级纳税人" : "失信主体", header, rows);
        }
        StringBuilder csv = new StringBuilder(format == Format.CSV_UTF8_BOM ? "\uFEFF" : "");
        csv.append(line(header));
        rows.forEach(r -> csv.append(line(r)));
        Charset cs = format == Format.CSV_GBK ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        return csv.toString().getBytes(cs);
    }

    private static String line(List<String> cells) {
        List<String> quoted = cells.stream().map(c -> c.contains(",") || c.contains("\"") || c.contains("\n")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList();
        return String.join(",", quoted) + "\r\n";
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
