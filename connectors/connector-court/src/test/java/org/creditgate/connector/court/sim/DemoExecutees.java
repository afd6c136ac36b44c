package org.creditgate.connector.court.sim;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.creditgate.connector.court.ws.ExecuteeChange;

/** Valid 失信被执行人 as the court publishes them, numbered so that every number is a distinct case. */
public final class DemoExecutees {

    public static final String COURT = "福州市中级人民法院";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private DemoExecutees() {
    }

    /** A natural person, case {@code （2026）闽01执<n>号}, with a valid 身份证号码 born in 1980. */
    public static ExecuteeChange person(int n) {
        String id = idNo("3501021980" + String.format("%02d%02d%03d", 1 + n % 12, 1 + n % 28, n % 1000));
        return common(n).setIname("当事人" + n).setPartyTypeName("自然人").setCardNum(id)
                .setSexy(n % 2 == 1 ? "男" : "女").setAge(46);
    }

    /** An organisation listed with its 统一社会信用代码 (the sample USCC of domain.md §2.1). */
    public static ExecuteeChange organisation(int n) {
        return common(n).setIname("福州某某科技有限公司").setPartyTypeName("法人或其他组织")
                .setCardNum("91350100M000100Y43").setBusinessEntity("张三");
    }

    /** The full 18-character 公民身份号码 for 17 digits (GB 11643 check character). */
    public static String idNo(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    /** The 身份证号码 of {@link #person(int)} with a wrong check character (E_ID_CHECK). */
    public static String brokenIdNo(int n) {
        String id = person(n).getCardNum();
        return id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
    }

    static XMLGregorianCalendar now() {
        try {
            OffsetDateTime t = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(GregorianCalendar.from(t.toZonedDateTime()));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("every JDK has a DatatypeFactory", e);
        }
    }

    private static ExecuteeChange common(int n) {
        return new ExecuteeChange().setCaseCode("（2026）闽01执" + n + "号").setCourtName(COURT)
                .setGistId("（2025）闽0102民初" + n + "号").setGistUnit("福州市鼓楼区人民法院")
                .setDuty("支付货款人民币十万元及利息").setPerformance("全部未履行")
                .setDisruptTypeName("有履行能力而拒不履行生效法律文书确定义务")
                .setRegDate("2026-03-02").setPublishDate("2026-06-01");
    }
}
