package dev.allframe.examples.orders.api;

import dev.allframe.aws.AwsStores;
import dev.allframe.store.Stores;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The DynamoDB branch of {@link OrdersStores}, in a class of its own so that only a DynamoDB process loads it. */
final class DynamoDbStores {
    private DynamoDbStores() {
    }

    static Stores open(String url, Optional<String> bucket, boolean createTables) {
        Map<String, String> env = new HashMap<>();
        env.put("ALLFRAME_STORE", url);
        bucket.ifPresent(b -> env.put("SNAPSHOT_BUCKET", b));
        if (createTables) {
            env.put("ALLFRAME_CREATE_TABLES", "true");
        }
        return AwsStores.fromEnvironment(env).orElseThrow();
    }
}
