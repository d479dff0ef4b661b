package dev.allframe.testkit.postgres;

import dev.allframe.testkit.FreePort;
import dev.allframe.testkit.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server: {@code initdb} into a temporary directory, {@code pg_ctl start} on a free port of
 * 127.0.0.1 (trust authentication, user {@code postgres}), {@code pg_ctl stop} and delete on {@link #close()}. Run
 * as root (as in CI containers), the server runs as the {@code postgres} user through {@code runuser}, because
 * PostgreSQL refuses to run as root.
 *
 * <p>Binaries are found on the {@code PATH} or in {@code /usr/lib/postgresql/<version>/bin} (newest first). When
 * they are missing, {@link #start()} skips the calling test (or fails it in CI, see {@link Tools}).
 *
 * <pre>{@code
 * static PostgresServer pg;
 * @BeforeAll static void up() { pg = PostgresServer.start(); }
 * @AfterAll static void down() { pg.close(); }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private int databases;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Starts a server, or skips the calling test if PostgreSQL is not installed.
     *
     * @return the running server
     * @throws IllegalStateException if the binaries exist but the server does not start (with its log)
     */
    public static PostgresServer start() {
        Optional<Path> bin = findBinDir();
        if (bin.isEmpty()) {
            Tools.unavailable("PostgreSQL's initdb and pg_ctl are neither on the PATH nor in"
                    + " /usr/lib/postgresql/*/bin; they are needed to test the PostgreSQL event store"
                    + " (apt-get install -y postgresql)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Tools.find("runuser").isEmpty()) {
            Tools.unavailable("running as root needs 'runuser' to start PostgreSQL as the postgres user");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("allframe-pg-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
        } catch (IOException e) {
            Tools.unavailable("cannot prepare a PostgreSQL data directory (is there a 'postgres' user?): " + e);
            throw new UncheckedIOException(e);
        }
        PostgresServer server = new PostgresServer(bin.orElseThrow(), dir, FreePort.pick(), root);
        try {
            server.run(List.of("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            server.run(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("pg.log").toString(),
                    "-w", "-t", "30", "-o", "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + dir
                            + " -c fsync=off -c max_connections=100", "start"));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the directory holding {@code initdb} and {@code pg_ctl}, if installed */
    public static Optional<Path> findBinDir() {
        Optional<Path> onPath = Tools.find("initdb").filter(p -> Files.isExecutable(
                p.resolveSibling("pg_ctl")));
        if (onPath.isPresent()) {
            try {
                return Optional.of(onPath.get().toRealPath().getParent());
            } catch (IOException e) {
                return Optional.of(onPath.get().getParent());
            }
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + p.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8) + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("pg.log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the JDBC URL of the {@code postgres} database as user {@code postgres} */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /**
     * @param database a database name
     * @return its JDBC URL as user {@code postgres}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /**
     * Creates a fresh, empty database (so each test can have its own) with {@code createdb}.
     *
     * @return its JDBC URL
     */
    public synchronized String createDatabase() {
        String name = "test_" + (++databases);
        run(List.of("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", name));
        return jdbcUrl(name);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes its files. */
    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not stop PostgreSQL in " + dir + ": " + e.getMessage());
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
