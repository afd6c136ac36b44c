package org.creditgate.connector.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.file.drop.Manifest;
import org.creditgate.model.samples.SampleRecords;

/** Writes LIST files with canonical headers (the example layout "list") and their manifests into a directory. */
final class Drops {

    static final List<String> COLUMNS = List.of("subjectName", "subjectCategory", "uscc", "legalRep", "listKind",
            "listName", "reason", "basis", "basisDocNo", "decidingUnit", "decidingUnitUscc", "listedOn",
            "measureCodes");
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Drops() {
    }

    /** The sample LIST entry as one CSV row, for subject number {@code n} (distinct USCC, so a distinct record). */
    static List<String> row(int n) {
        ObjectNode r = SampleRecords.load("LIST");
        List<String> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            cells.add(switch (c) {
                case "uscc" -> uscc(n);
                case "subjectName" -> "福州某某科技有限公司" + n;
                case "listedOn" -> LocalDate.of(2026, 1, 5).toString();
                case "measureCodes" -> "C0101;C0203";
                default -> r.get(c).asText();
            });
        }
        return cells;
    }

    static List<List<String>> rows(int first, int count) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            rows.add(row(n));
        }
        return rows;
    }

    /** A valid USCC of a company (91, Fuzhou) whose body encodes {@code n}. */
    static String uscc(int n) {
        String body = "91350100" + String.format("M%08d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return body + CHARSET.charAt(check == 31 ? 0 : check);
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> row : rows) {
            b.append(String.join(",", row.stream().map(Drops::quote).toList())).append("\r\n");
        }
        return b.toString();
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Writes the data file, then its manifest (the sender's order); returns the data file. */
    static Path drop(Path dir, String name, byte[] data, int rows) {
        try {
            Files.createDirectories(dir);
            Path file = Files.write(dir.resolve(name), data);
            Files.writeString(Manifest.of(file), Manifest.text(data, rows), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dropCsv(Path dir, String name, List<List<String>> rows, Charset charset) {
        return drop(dir, name, csv(COLUMNS, rows).getBytes(charset), rows.size());
    }
}
