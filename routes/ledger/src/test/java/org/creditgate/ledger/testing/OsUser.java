package org.creditgate.ledger.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Who the tests run as, and how to run a command as user nobody instead. */
final class OsUser {

    static final String NOBODY = "nobody";

    private OsUser() {
    }

    /** By uid, not by name: a container may call uid 0 something else. */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The prefix that runs a command as nobody with no supplementary groups. setpriv only switches ids (no PAM, no
     * login shell), runuser is the fallback on systems without it. Both come with util-linux.
     */
    static List<String> asNobody() throws IOException, InterruptedException {
        Optional<Path> setpriv = onPath("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--reuid=" + id("-u"), "--regid=" + id("-g"), "--clear-groups",
                    "--");
        }
        Optional<Path> runuser = onPath("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get().toString(), "-u", NOBODY, "--");
        }
        throw new IllegalStateException("running as root, but neither setpriv nor runuser (util-linux) is on the PATH "
                + "to start PostgreSQL as " + NOBODY + "; install util-linux or run the build as a normal user");
    }

    /** nobody's numeric uid or primary gid: its group is "nogroup" on Debian but "nobody" on Red Hat. */
    private static String id(String option) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", option, NOBODY).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("\\d+")) {
            throw new IllegalStateException("no user " + NOBODY + " on this machine to run PostgreSQL as: " + out);
        }
        return out;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
        return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, command))
                .filter(Files::isExecutable).findFirst();
    }
}
