package org.creditgate.connector.file.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which cell styles are dates. Excel stores a date as a day number and only its number format says it is one; a
 * 列入日期 must reach validation as 2026-11-01, not 46327.
 */
final class CellStyles {

    /** Built-in date/time formats, including the CJK ones (27–36, 50–58) Chinese Excel uses for 年/月/日. */
    private static final Set<Integer> BUILT_IN_DATES = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30,
            31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);
    private static final Pattern NOT_FORMAT = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");
    private static final Pattern DATE_LETTERS = Pattern.compile("[ymdhsYMDHS]");
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private final List<Boolean> dateByStyle;
    private final boolean date1904;

    private CellStyles(List<Boolean> dateByStyle, boolean date1904) {
        this.dateByStyle = dateByStyle;
        this.date1904 = date1904;
    }

    static CellStyles read(Optional<InputStream> part, boolean date1904) throws XMLStreamException, IOException {
        // the caller inflated the part under the package's limits
        List<Boolean> dates = new ArrayList<>();
        if (part.isEmpty()) {
            return new CellStyles(dates, date1904);
        }
        Map<Integer, String> custom = new HashMap<>();
        boolean inCellXfs = false;
        try (InputStream in = part.get()) {
            XMLStreamReader r = Xml.reader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("numFmt")) {
                        custom.put(Integer.parseInt(Xml.attr(r, "numFmtId")), Xml.attr(r, "formatCode"));
                    } else if (n.equals("cellXfs")) {
                        inCellXfs = true;
                    } else if (n.equals("xf") && inCellXfs) {
                        String id = Xml.attr(r, "numFmtId");
                        dates.add(id != null && isDate(Integer.parseInt(id), custom));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        }
        return new CellStyles(dates, date1904);
    }

    private static boolean isDate(int numFmtId, Map<Integer, String> custom) {
        String code = custom.get(numFmtId);
        if (code == null) {
            return BUILT_IN_DATES.contains(numFmtId);
        }
        return DATE_LETTERS.matcher(NOT_FORMAT.matcher(code).replaceAll("")).find();
    }

    boolean isDate(String styleIndex) {
        if (styleIndex == null) {
            return false;
        }
        int i = Integer.parseInt(styleIndex);
        return i >= 0 && i < dateByStyle.size() && dateByStyle.get(i);
    }

    /** A date serial as ISO text: a date, or a date-time when it has a time of day. */
    String dateText(String serial) {
        BigDecimal v = new BigDecimal(serial);
        long days = v.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = v.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDate date = (date1904 ? EPOCH_1904 : EPOCH_1900).plusDays(days);
        return seconds == 0 ? date.toString() : LocalDateTime.of(date, java.time.LocalTime.MIDNIGHT)
                .plusSeconds(seconds).toString();
    }
}
