package org.creditgate.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
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
 * Records per second per core through the model: validation of one 行政处罚 (org and person subject), canonical
 * serialisation, content hash, and the full parse → validate → serialise path. One thread = one core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationBenchmark {

    private final RecordValidator validator = new RecordValidator();
    private ValidationContext context;
    private JsonNode orgRecord;
    private JsonNode personRecord;
    private byte[] orgBytes;
    private CreditRecord validated;

    @Setup
    public void setUp() throws Exception {
        context = new ValidationContext(LocalDate.now(ZoneId.of("Asia/Shanghai")), WorkingDayCalendar.fromClasspath());
        orgRecord = PenaltyRecords.org(1);
        personRecord = PenaltyRecords.person(2);
        orgBytes = PenaltyRecords.JSON.writeValueAsBytes(orgRecord);
        ValidationOutcome o = validator.validate(orgRecord, context);
        if (!o.valid()) {
            throw new IllegalStateException("benchmark record is invalid: " + o.errors());
        }
        validated = o.record();
    }

    @Benchmark
    public ValidationOutcome validateOrganisationPenalty() {
        return validator.validate(orgRecord, context);
    }

    @Benchmark
    public ValidationOutcome validatePersonPenalty() {
        return validator.validate(personRecord, context);
    }

    @Benchmark
    public String canonicalJson() {
        return CanonicalJson.write(validated);
    }

    @Benchmark
    public String contentHash() {
        return CanonicalJson.contentHash(validated);
    }

    /** What the ingest path does per record before touching the ledger: parse, validate, serialise, hash. */
    @Benchmark
    public String parseValidateSerialise() throws Exception {
        ValidationOutcome o = validator.validate(PenaltyRecords.JSON.readTree(orgBytes), context);
        return CanonicalJson.write(o.record()) + CanonicalJson.contentHash(o.record());
    }
}
