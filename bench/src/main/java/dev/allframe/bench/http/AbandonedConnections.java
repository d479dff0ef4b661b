package dev.allframe.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The client of {@code bench/idle-connections.sh}: counts the server's open file descriptors, opens connections and
 * abandons them (every other one silent, the rest after sending {@code "PR"}, the start of the HTTP/2 preface), keeps
 * them open past the server's connection start timeout, and counts again. Also counts how many of its connections
 * the server closed. A count, not a timing; bounded in connections and in time.
 */
public final class AbandonedConnections {
    private AbandonedConnections() {
    }

    /**
     * @param args host, port, the server's PID, the number of connections, the server's connection start timeout in
     *     seconds
     * @throws Exception if the server's descriptors cannot be counted
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: AbandonedConnections HOST PORT SERVER_PID COUNT START_TIMEOUT_SECONDS");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        Path fds = Path.of("/proc", args[2], "fd");
        int count = Integer.parseInt(args[3]);
        long timeoutSeconds = Long.parseLong(args[4]);

        long before = countFds(fds);
        System.out.printf("server fds before: %d%n", before);

        List<SocketChannel> open = new ArrayList<>(count);
        int silent = 0;
        int partial = 0;
        int failed = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                SocketChannel ch = SocketChannel.open(server);
                if (i % 2 == 1) {
                    ch.write(ByteBuffer.wrap("PR".getBytes(StandardCharsets.US_ASCII)));
                    partial++;
                } else {
                    silent++;
                }
                open.add(ch);
            } catch (IOException e) {
                if (failed++ == 0) {
                    System.out.println("first failed connect: " + e);
                }
            }
        }
        long openedAt = System.nanoTime();
        long during = countFds(fds);
        System.out.printf("opened %d connections (%d silent, %d sent \"PR\", %d failed) in %d ms%n", open.size(),
                silent, partial, failed, TimeUnit.NANOSECONDS.toMillis(openedAt - t0));
        System.out.printf("server fds with the connections open: %d (+%d)%n", during, during - before);

        // Past the timeout for the last connection opened, then up to 30 s more for the server to get round to all.
        long waitUntil = openedAt + TimeUnit.SECONDS.toNanos(timeoutSeconds + 2);
        long giveUpAt = waitUntil + TimeUnit.SECONDS.toNanos(30);
        sleepUntil(waitUntil);
        long after = countFds(fds);
        while (after > before && System.nanoTime() < giveUpAt) {
            Thread.sleep(1000);
            after = countFds(fds);
        }
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAt);

        int closedByServer = 0;
        ByteBuffer buf = ByteBuffer.allocate(256);
        for (SocketChannel ch : open) {
            ch.configureBlocking(false);
            try {
                buf.clear();
                int n;
                while ((n = ch.read(buf)) > 0) {
                    buf.clear(); // an HTTP/2 GOAWAY or a TLS alert would land here; none is expected
                }
                if (n < 0) {
                    closedByServer++;
                }
            } catch (IOException reset) {
                closedByServer++;
            }
        }
        System.out.printf("server fds %d s after the last connection opened: %d (%+d against before)%n", waited, after,
                after - before);
        System.out.printf("connections the server closed: %d of %d%n", closedByServer, open.size());
        for (SocketChannel ch : open) {
            ch.close();
        }
        boolean clean = after <= before && closedByServer == open.size() && failed == 0;
        System.out.println(clean ? "RESULT: no descriptor left behind" : "RESULT: descriptors left behind");
        System.exit(clean ? 0 : 1);
    }

    private static long countFds(Path fds) throws IOException {
        try (Stream<Path> s = Files.list(fds)) {
            return s.count();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
