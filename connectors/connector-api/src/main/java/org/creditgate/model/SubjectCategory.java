package org.creditgate.model;

/** 行政相对人类别 (*_XDR_LB). */
public enum SubjectCategory {
    /** 法人及非法人组织. */
    LEGAL_ENTITY("法人及非法人组织"),
    /** 自然人. */
    NATURAL_PERSON("自然人"),
    /** 个体工商户. */
    INDIVIDUAL_BUSINESS("个体工商户");

    private final String label;

    SubjectCategory(String label) {
        this.label = label;
    }

    /** The national label, as departments send it. */
    public String label() {
        return label;
    }
}
