package dev.allframe.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * External tools some tests need (curl, terraform, PostgreSQL, node). Locally, a missing tool skips the test with
 * a message that names it; with {@code ALLFRAME_REQUIRE_TOOLS=1} in the environment (or the system property
 * {@code allframe.requireTools=true}), as CI sets, a missing tool fails the test instead.
 */
public final class Tools {
    private Tools() {
    }

    /** @return whether missing tools fail tests rather than skip them */
    public static boolean required() {
        return "1".equals(System.getenv("ALLFRAME_REQUIRE_TOOLS"))
                || "true".equalsIgnoreCase(System.getenv("ALLFRAME_REQUIRE_TOOLS"))
                || Boolean.getBoolean("allframe.requireTools");
    }

    /**
     * Finds an executable on the {@code PATH}.
     *
     * @param name the executable's name
     * @return its path, if found
     */
    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the executable, or skips (locally) or fails (CI) the calling test if it is missing.
     *
     * @param name the executable's name
     * @param why what the test needs it for, shown in the message
     * @return its path
     */
    public static Path require(String name, String why) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            unavailable("'" + name + "' is not on the PATH; it is needed to " + why);
        }
        return found.orElseThrow();
    }

    /**
     * Skips (locally) or fails (CI) the calling test because something it needs is unavailable.
     *
     * @param message what is missing and why it is needed
     */
    public static void unavailable(String message) {
        if (required()) {
            throw new AssertionError(message + " (ALLFRAME_REQUIRE_TOOLS is set, so this is a failure)");
        }
        Assumptions.abort(message + " (skipped; set ALLFRAME_REQUIRE_TOOLS=1 to make it a failure)");
    }
}
