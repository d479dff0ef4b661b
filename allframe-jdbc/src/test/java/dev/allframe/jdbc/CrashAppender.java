package dev.allframe.jdbc;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link CrashSafetyTest}: appends 3-event batches to SQLite forever, printing each append's
 * number after it commits, until it is killed.
 */
public final class CrashAppender {
    /** Events per append. */
    static final int BATCH = 3;
    /** Streams written round-robin. */
    static final int STREAMS = 4;

    private CrashAppender() {
    }

    /**
     * @param args the store URL
     */
    public static void main(String[] args) {
        JdbcStores stores = JdbcStores.open(args[0]);
        EventStoreBackend backend = stores.events();
        for (long i = 0; ; i++) {
            List<EventData> batch = new ArrayList<>();
            for (int k = 0; k < BATCH; k++) {
                batch.add(new EventData("Tick", ("{\"append\":" + i + ",\"part\":" + k + ",\"pad\":\""
                        + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8), Metadata.empty()));
            }
            backend.append("crash-" + (i % STREAMS), batch, ExpectedVersion.any());
            System.out.println(i);
            System.out.flush();
        }
    }
}
