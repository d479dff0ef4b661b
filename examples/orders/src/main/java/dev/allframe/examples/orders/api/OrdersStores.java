package dev.allframe.examples.orders.api;

import dev.allframe.aws.AwsStores;
import dev.allframe.infra.annotations.Uses;
import dev.allframe.infra.annotations.Uses.Access;
import dev.allframe.inject.Env;
import dev.allframe.inject.Factory;
import dev.allframe.inject.Provides;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.store.Stores;

import java.util.Optional;

/**
 * Chooses the application's backend, the one place that knows there is more than one: {@code ALLFRAME_STORE}
 * ({@code dynamodb:TABLE} → DynamoDB; {@code sqlite:PATH}, {@code jdbc:postgresql://...}, {@code memory:} → JDBC or
 * memory), else {@code EVENT_TABLE} (→ DynamoDB), else {@value OrdersModule#DEFAULT_STORE}. Everything else sees
 * only {@link Stores}. The container closes the stores on shutdown. Whoever injects them appends events, reads
 * streams and catches the order summaries up in global order (the table's {@code by-timestamp} index), so every
 * deployable reaching them may do exactly that on the {@code events} table.
 *
 * <p>The DynamoDB branch lives in {@link DynamoDbStores}, which is loaded only when DynamoDB is selected: a process
 * on JDBC or memory never loads an AWS SDK class.
 */
@Factory
public final class OrdersStores {
    /** Created by the container. */
    public OrdersStores() {
    }

    /**
     * @param url {@code ALLFRAME_STORE}: a store URL, {@code dynamodb:TABLE}, {@code sqlite:PATH},
     *            {@code jdbc:postgresql://...} or {@code memory:}
     * @param table {@code EVENT_TABLE}: the DynamoDB event table, used when {@code ALLFRAME_STORE} is unset
     * @param bucket {@code SNAPSHOT_BUCKET}: on DynamoDB, keep snapshots on S3 (needs the S3 client on the class path)
     * @param createTables {@code ALLFRAME_CREATE_TABLES=true}: on DynamoDB, create a missing table (development)
     * @return the open stores
     */
    @Provides
    @Uses(resource = "events", access = {Access.APPEND, Access.READ, Access.READ_ALL})
    public Stores stores(@Env("ALLFRAME_STORE") Optional<String> url, @Env("EVENT_TABLE") Optional<String> table,
                         @Env("SNAPSHOT_BUCKET") Optional<String> bucket,
                         @Env("ALLFRAME_CREATE_TABLES") Optional<String> createTables) {
        String selected = select(url, table);
        if (selected.startsWith(AwsStores.SCHEME)) { // a constant: AwsStores itself is not loaded here
            return DynamoDbStores.open(selected, bucket, "true".equalsIgnoreCase(createTables.orElse("")));
        }
        return JdbcStores.open(selected);
    }

    /**
     * @param url {@code ALLFRAME_STORE}
     * @param table {@code EVENT_TABLE}
     * @return the store URL they select
     */
    static String select(Optional<String> url, Optional<String> table) {
        // Plain code, no lambdas: this runs in every cold start, where each new lambda costs a generated class.
        String explicit = url.isPresent() ? url.get().strip() : "";
        if (!explicit.isEmpty()) {
            return explicit;
        }
        String name = table.isPresent() ? table.get().strip() : "";
        return name.isEmpty() ? OrdersModule.DEFAULT_STORE : AwsStores.SCHEME + name;
    }
}
