package ${package};

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.spi.ConnectorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the department's source. As generated: {@code *.json} files in an inbox, each one record or an array of
 * records; a file moves to done/ only after ingest returned (the records are then durable), an unreadable one to
 * error/ with the reason. Replace this class with your system's client; keep the rule "acknowledge the source
 * only after ingest returned".
 */
final class InboxReader {

    private static final Logger LOG = LoggerFactory.getLogger(InboxReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCH = 500;

    private final Path inbox;
    private final ConnectorContext context;

    InboxReader(Path inbox, ConnectorContext context) {
        this.inbox = inbox;
        this.context = context;
    }

    /** Processes every file present, oldest name first; an ingest failure stops the poll (files stay). */
    void poll() throws IOException {
        Files.createDirectories(inbox);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, "*.json")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            process(file);
        }
    }

    private void process(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root != null && root.isArray()) {
                root.forEach(records::add);
            } else if (root != null && root.isObject()) {
                records.add(root);
            } else {
                throw new IOException("not a JSON object or array");
            }
        } catch (IOException unreadable) {
            move(file, "error");
            Files.writeString(inbox.resolve("error").resolve(file.getFileName() + ".error.txt"),
                    unreadable.getMessage(), StandardCharsets.UTF_8);
            LOG.warn("{}: unreadable, moved to error/: {}", file.getFileName(), unreadable.getMessage());
            return;
        }
        for (int i = 0; i < records.size(); i += MAX_BATCH) {
            context.ingest(records.subList(i, Math.min(records.size(), i + MAX_BATCH)));
        }
        context.sourceTime(Files.getLastModifiedTime(file).toInstant());
        move(file, "done");
    }

    private void move(Path file, String to) throws IOException {
        Path dir = Files.createDirectories(inbox.resolve(to));
        Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
