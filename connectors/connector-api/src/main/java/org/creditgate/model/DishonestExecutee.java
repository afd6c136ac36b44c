package org.creditgate.model;

import java.time.LocalDate;

/**
 * 失信被执行人 (dataset DISHONEST_EXECUTEE), published by the courts (法释〔2017〕7号 art. 6), domain.md §3.5.
 *
 * @param gender      性别 (persons)
 * @param age         年龄 (persons)
 * @param duty        生效法律文书确定的义务
 * @param performance 被执行人的履行情况
 * @param behaviour   失信被执行人具体情形
 * @param basisDocNo  执行依据文号
 * @param basisIssuer 做出执行依据单位
 * @param caseNo      执行案号 (with the court, the unique key)
 * @param filedOn     立案时间
 * @param court       执行法院
 * @param publishedOn 发布时间
 */
public record DishonestExecutee(RecordMeta meta, Subject subject, String gender, Integer age, String duty,
        Performance performance, String behaviour, String basisDocNo, String basisIssuer, String caseNo,
        LocalDate filedOn, String court, LocalDate publishedOn) implements CreditRecord {

    /** 被执行人的履行情况. */
    public enum Performance {
        /** 全部未履行. */
        NONE,
        /** 部分履行. */
        PARTIAL
    }

    @Override
    public Dataset dataset() {
        return Dataset.DISHONEST_EXECUTEE;
    }

    @Override
    public DishonestExecutee withMeta(RecordMeta m) {
        return new DishonestExecutee(m, subject, gender, age, duty, performance, behaviour, basisDocNo, basisIssuer,
                caseNo, filedOn, court, publishedOn);
    }

    @Override
    public String businessKey() {
        return CreditRecord.key(court, caseNo, subject.key());
    }
}
