package dev.allframe.aws;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.inject.Environment;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.store.Stores;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by {@link AwsStoresTest}: opens the stores purely from the process environment, the way a
 * Lambda function would, appends one event and saves a snapshot, and prints what it did.
 */
public final class EnvironmentMain {
    private EnvironmentMain() {
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[1].equals("spi")) {
            spi(args[0]);
            return;
        }
        Optional<AwsStores> selected;
        try {
            selected = AwsStores.fromEnvironment();
        } catch (RuntimeException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        if (selected.isEmpty()) {
            System.out.println("none");
            return;
        }
        try (AwsStores stores = selected.get()) {
            List<RecordedEvent> r = stores.events().append(args[0], List.of(new EventData("Created",
                    "{}".getBytes(StandardCharsets.UTF_8), null)), ExpectedVersion.any());
            stores.snapshots().save(new Snapshot(args[0], r.get(0).version(), "{}".getBytes(StandardCharsets.UTF_8),
                    Instant.now()));
            System.out.println("appended " + stores + " " + r.get(0).version() + " " + r.get(0).globalPosition());
        } catch (RuntimeException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(4);
        }
    }

    /** The framework's way: {@link Stores#fromEnvironment}, which finds this module's provider. */
    private static void spi(String stream) {
        try (Stores stores = Stores.fromEnvironment(Environment.system(), "memory:")) {
            List<RecordedEvent> r = stores.events().append(stream, List.of(new EventData("Created",
                    "{}".getBytes(StandardCharsets.UTF_8), null)), ExpectedVersion.any());
            System.out.println("appended " + stores + " " + r.get(0).version() + " " + r.get(0).globalPosition());
        } catch (RuntimeException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(4);
        }
    }
}
