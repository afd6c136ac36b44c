package org.creditgate.core.console;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves the console page and its files. The page holds no data: everything it shows comes from /api/v1 with the
 * operator's own login, so this servlet needs none. The Content-Security-Policy allows only this origin — no
 * inline script, no CDN, no framing — which is also what keeps the page working on a network without internet.
 */
final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final transient ConsoleAssets assets;
    private final byte[] settings;

    ConsoleServlet(ConsoleAssets assets, byte[] settings) {
        this.assets = assets;
        this.settings = settings.clone();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.isEmpty()) {
            // /console → /console/ so the page's relative links resolve under it
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        if (path.equals("/settings.json")) {
            resp.setHeader("Cache-Control", "no-store");
            write(resp, "application/json;charset=UTF-8", settings);
            return;
        }
        Optional<ConsoleAssets.Asset> asset = assets.find(path);
        if (asset.isEmpty()) {
            resp.setStatus(404);
            write(resp, "text/plain;charset=UTF-8", ("no such console file: the console is at /console/").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        ConsoleAssets.Asset a = asset.get();
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("ETag", a.etag());
        if (a.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        write(resp, a.contentType(), a.body());
    }

    private static void write(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
