package org.creditgate.model.validation;

import java.util.Map;
import java.util.Set;

/**
 * Reference tables of the national code standards, each in one place. Entries marked [R]/[P] in domain.md §2 are
 * recalled or proposed: correct them here.
 */
final class CodeTables {

    private CodeTables() {
    }

    /** GB 32100 charset: digits and capital letters without I, O, S, V, Z; a character's value is its index. */
    static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** GB 32100 weights 3^(i-1) mod 31 for positions 1–17. */
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** GB 11714 weights for the 8 body characters of an organisation code. */
    static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** GB 11643 weights for the 17 digits of a citizen ID number, and the check characters by remainder. */
    static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String ID_CHECK_CHARS = "10X98765432";

    /** GB 32100 登记管理部门码 (position 1) → allowed 机构类别码 (position 2). [R] */
    static final Map<Character, String> USCC_AUTHORITY_TYPES = Map.ofEntries(
            Map.entry('1', "1239"),  // 机构编制: 机关, 事业单位, 编办直管群众团体, 其他
            Map.entry('2', "19"),    // 外交
            Map.entry('3', "123459"), // 司法行政
            Map.entry('4', "19"),    // 文化
            Map.entry('5', "1239"),  // 民政: 社会团体, 民办非企业单位, 基金会, 其他
            Map.entry('6', "129"),   // 旅游
            Map.entry('7', "129"),   // 宗教
            Map.entry('8', "19"),    // 工会
            Map.entry('9', "123"),   // 工商/市场监管: 企业, 个体工商户, 农民专业合作社
            Map.entry('A', "19"),    // 中央军委改革和编制办公室
            Map.entry('N', "1239"),  // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
            Map.entry('Y', "1"));    // 其他

    /** First two digits of a GB/T 2260 province code. [P] */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    /** Region code for organisations registered nationally. */
    static final String NATIONAL_REGION = "100000";

    /** 台湾居民居住证 numbers start with 83. [P] */
    static final String TAIWAN_RESIDENCE_PREFIX = "83";

    /** 登记管理部门码 9 (市场监管) + 机构类别码 2: every 个体工商户 USCC starts so. */
    static final String INDIVIDUAL_BUSINESS_USCC_PREFIX = "92";

    /** Placeholder some feeds send for 个体工商户 without a USCC (domain.md §2.4). */
    static final String PLACEHOLDER_USCC = "00000000000000000X";
}
