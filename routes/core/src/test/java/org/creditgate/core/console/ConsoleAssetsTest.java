package org.creditgate.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ConsoleAssetsTest {

    private final ConsoleAssets assets = ConsoleAssets.load(ConsoleAssetsTest.class.getClassLoader());

    @Test
    void theRootIsThePageAndEachFileHasItsType() {
        assertThat(assets.find("/").orElseThrow().name()).isEqualTo("index.html");
        assertThat(assets.find("").orElseThrow().contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(assets.find("/console.js").orElseThrow().contentType()).startsWith("text/javascript");
        assertThat(assets.find("/console.css").orElseThrow().contentType()).startsWith("text/css");
        assertThat(assets.find("/favicon.svg").orElseThrow().contentType()).isEqualTo("image/svg+xml");
        assertThat(assets.find("/console.js").orElseThrow().etag()).isNotEqualTo(assets.find("/charts.js")
                .orElseThrow().etag());
    }

    @Test
    void nothingOutsideTheListIsServed() {
        for (String path : List.of("/../rest/GatewayApi.class", "/..%2Findex.html", "/sub/index.html",
                "/ConsoleServer.class", "/index.html/", "/INDEX.HTML", "/console.js?x", "/missing.js",
                "/org/creditgate/core/console/index.html", "/.hidden.js")) {
            assertThat(assets.find(path)).as(path).isEmpty();
        }
    }

    /** The page must work without internet: every file it loads is one the gateway serves, nothing absolute. */
    @Test
    void thePageLoadsOnlyItsOwnFilesAndNoInlineCode() {
        String html = page("/");
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertThat(refs).contains("console.js", "charts.js", "console.css", "favicon.svg");
        for (String ref : refs) {
            assertThat(assets.find("/" + ref)).as("index.html loads %s, which the console does not serve", ref)
                    .isPresent();
        }
        // the Content-Security-Policy forbids inline script and style: they would silently not run
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=")
                .doesNotContain(" onclick=");
        for (String file : List.of("/console.js", "/charts.js", "/console.css")) {
            assertThat(page(file)).as(file).doesNotContainPattern("https?://").doesNotContain("innerHTML");
        }
        assertThat(ConsoleServlet.CSP).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe");
    }

    @Test
    void everyElementTheScriptNeedsIsOnThePage() {
        String html = page("/");
        Matcher m = Pattern.compile("\\$\\('([a-z-]+)'\\)").matcher(page("/console.js"));
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            if (!html.contains("id=\"" + m.group(1) + "\"")) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing).as("ids console.js looks up but index.html lacks").isEmpty();
    }

    @Test
    void settingsNameTheApiAndTheRefresh() {
        assertThat(new String(ConsoleAssets.settings("/api/v1", 5000), StandardCharsets.UTF_8))
                .isEqualTo("{\"apiBase\":\"/api/v1\",\"refreshMs\":5000}");
    }

    @Test
    void aMissingFileFailsLoudly() {
        assertThatThrownBy(() -> ConsoleAssets.load(new ClassLoader(null) {
        })).hasMessageContaining("console file index.html missing");
    }

    private String page(String path) {
        return new String(assets.find(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
