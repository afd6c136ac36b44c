package org.creditgate.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.spi.mapping.FieldMapping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second per core through a department's field mapping ({@link FieldMapping}, the connectors'
 * configuration-only mapping): a file/table row with the department's own column names mapped to the national
 * codes (one joined column, one array column, a constant), and a REST push's legacy keys renamed with passthrough.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmark {

    private FieldMapping rowMapping;
    private FieldMapping renameMapping;
    private Map<String, String> row;
    private ObjectNode legacy;

    @Setup
    public void setUp() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("CF_WSH", "决定书文号");
        map.put("CF_XDR_MC", "行政相对人名称");
        map.put("CF_XDR_LB", "行政相对人类别");
        map.put("CF_XDR_SHXYM", "统一社会信用代码");
        map.put("CF_FRDB", "法定代表人");
        map.put("CF_WFXW", "违法行为类型");
        map.put("CF_SY", "违法事实");
        map.put("CF_YJ", "处罚依据");
        map.put("CF_CFLB", "处罚类别1 + 处罚类别2");
        map.put("CF_NR", "处罚内容");
        map.put("CF_NR_FK", "罚款金额");
        map.put("CF_JDRQ", "处罚决定日期");
        map.put("CF_YXQ", "处罚有效期");
        map.put("CF_CFJG", "处罚机关");
        map.put("CF_CFJGDM", "处罚机关统一社会信用代码");
        map.put("CF_SJLY", "数据来源单位");
        map.put("CF_SJLYDM", "数据来源单位统一社会信用代码");
        map.put("measureCodes[]", "惩戒措施");
        rowMapping = new FieldMapping(map, Map.of("publish", "Y"));

        ObjectNode sample = PenaltyRecords.org(1);
        row = new LinkedHashMap<>();
        map.forEach((field, column) -> {
            if (column.contains(" + ")) {
                row.put("处罚类别1", "罚款");
                row.put("处罚类别2", "没收违法所得");
            } else if (field.endsWith("[]")) {
                row.put(column, "C0101、C0203");
            } else {
                row.put(column, sample.path(field).asText());
            }
        });

        // REST push with the 2016 names for three fields, the national codes for the rest
        renameMapping = new FieldMapping(Map.of("CF_WSH", "CF_XZJDSWH", "CF_XDR_MC", "CF_XDRMC", "CF_XDR_SHXYM",
                "CF_XDRSHXYM"), Map.of());
        legacy = sample.deepCopy();
        legacy.set("CF_XZJDSWH", legacy.remove("CF_WSH"));
        legacy.set("CF_XDRMC", legacy.remove("CF_XDR_MC"));
        legacy.set("CF_XDRSHXYM", legacy.remove("CF_XDR_SHXYM"));
    }

    @Benchmark
    public ObjectNode mapRow() {
        return rowMapping.apply(row);
    }

    @Benchmark
    public ObjectNode renamePushedRecord() {
        return renameMapping.rename(legacy, true);
    }
}
