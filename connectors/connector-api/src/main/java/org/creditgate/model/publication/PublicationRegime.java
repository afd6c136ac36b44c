package org.creditgate.model.publication;

/**
 * 公示期限制度: the rule that says how long a penalty (or a list entry) is published, domain.md §5.3. Effective-dated:
 * which NDRC rule applies to a penalty is chosen by its decision date ({@link PublicationPeriods#ndrc}).
 */
public enum PublicationRegime {

    /**
     * 发改办财金〔2017〕1171号 (from 2017-07-31; the gateway also applies it to older decisions): 一般失信 1 year, 严重失信
     * 3 years, from the decision date. It has no early end, so the minimum is the maximum.
     */
    NDRC_2017("发改办财金〔2017〕1171号"),
    /**
     * 发改办财金〔2019〕527号 (decisions from 2019-07-01): 一般失信 min 3 months / max 1 year, 严重失信 min 6 months /
     * max 3 years, from the decision date.
     */
    NDRC_2019("发改办财金〔2019〕527号"),
    /**
     * 《失信行为纠正后的信用信息修复管理办法（试行）》国家发展改革委令第58号 (decisions from 2023-05-01): 一般失信 min 3 months
     * / max 1 year, 严重失信 min 1 year / max 3 years, from the decision date.
     */
    NDRC_2023("国家发展改革委令第58号"),
    /**
     * 《市场监督管理行政处罚信息公示规定》市场监管总局令第45号 (GSXT, from 2021-09-01): from the publication date at GSXT;
     * 3 months for 仅通报批评 or 较低数额罚款, otherwise 3 years, or the actual term of a longer 限制开展生产经营活动 / 限制从业.
     * Early repair at GSXT (国市监信规〔2021〕3号) is not modelled (domain.md §9.5): only the automatic end.
     */
    SAMR_45("市场监管总局令第45号"),
    /** 名单有效期: a list entry ends on its 有效期至 (listedUntil), as the deciding unit set it. */
    LIST_VALIDITY("名单有效期");

    private final String label;

    PublicationRegime(String label) {
        this.label = label;
    }

    /** The document that sets it, as operators and departments know it. */
    public String label() {
        return label;
    }
}
