package org.creditgate.connector.file;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.connector.file.drop.DropFolders;
import org.creditgate.connector.file.drop.FileProcessor;
import org.creditgate.spi.ingest.IngestException;

/**
 * A scheduler scans the drop directory; each ready file goes, one at a time, to the file route.
 *
 * <p>Why a scheduler and our own scan rather than the camel {@code file:} consumer: a file has three endings —
 * done/, error/, or stay in the inbox when the core is down — and the result file must sit beside the moved file
 * under the name it finally got. The file consumer's move/moveFailed give two endings fixed before the outcome is
 * known, its done-file option would delete the manifest we keep, and an idempotent repository would skip a
 * re-dropped file that must be answered ALREADY_ACCEPTED. The scan is a directory listing; the rest is plain Java.
 *
 * <p>Failures are per file and never move a file: when the core cannot take records ({@link IngestException}) or
 * anything else goes wrong with one file (an I/O error, a bug), the file route logs it with the file's name and the
 * split goes on with the next file; the failed file stays in the drop directory and is retried at the next scan.
 * So one bad file cannot block the others, and a core outage costs one cheap failed call per waiting file per
 * scan. (Camel's stopOnException would also stop on a handled error, which is what lets one file block all.)
 */
final class FileDropRoutes extends RouteBuilder {

    private final FileDropUris uris;
    private final DropFolders folders;
    private final FileProcessor processor;

    FileDropRoutes(FileDropUris uris, DropFolders folders, FileProcessor processor) {
        this.uris = uris;
        this.folders = folders;
        this.processor = processor;
    }

    @Override
    public void configure() {
        from(uris.scan()).routeId(uris.id("scan"))
                .onException(Exception.class).handled(true).id(uris.id("scan-failed"))
                    .log(LoggingLevel.ERROR, uris.id("scan"), "listing the drop directory failed, retried at the "
                            + "next scan: ${exception}")
                    .id(uris.id("scan-failed-log"))
                .end()
                .bean(folders, "readyFiles").id(uris.id("list"))
                .split(body())
                    .to(uris.file()).id(uris.id("to-file"))
                .end();

        from(uris.file()).routeId(uris.id("file"))
                .onException(IngestException.class).handled(true).id(uris.id("core-unavailable"))
                    .log(LoggingLevel.WARN, uris.id("file"), "${body}: core unavailable "
                            + "(${exception.message}); the file stays in the drop directory, retried at the next scan")
                    .id(uris.id("core-unavailable-log"))
                .end()
                .onException(Exception.class).handled(true).id(uris.id("file-failed"))
                    .log(LoggingLevel.ERROR, uris.id("file"), "${body} failed and stays in the drop "
                            + "directory, retried at the next scan: ${exception}${exception.stacktrace}")
                    .id(uris.id("file-failed-log"))
                .end()
                .bean(processor, "process").id(uris.id("process"));
    }
}
