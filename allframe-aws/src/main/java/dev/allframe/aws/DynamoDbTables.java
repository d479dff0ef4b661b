package dev.allframe.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates the event table for development and tests. Production tables come from the generated Terraform
 * ({@code allframe infra emit}); nothing in AllFrame creates a table unless asked ({@code ALLFRAME_CREATE_TABLES=true}
 * or a direct call), because a typo in {@code EVENT_TABLE} must be an error, not a new empty table.
 */
public final class DynamoDbTables {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private DynamoDbTables() {
    }

    /**
     * Creates the table if it does not exist (keys {@code PK}/{@code SK}, index {@value DynamoDbSchema#INDEX}, stream
     * with new and old images, on-demand billing, TTL on {@value DynamoDbSchema#EXPIRES_AT}) and waits until it is
     * active.
     *
     * @param client the client
     * @param table the table name
     * @return whether the table was created (false: it existed)
     * @throws dev.allframe.eventstore.EventStoreException if DynamoDB refuses
     */
    public static boolean create(DynamoDbClient client, String table) {
        checkName(table);
        boolean created;
        try {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute(DynamoDbSchema.PK), attribute(DynamoDbSchema.SK),
                            attribute(DynamoDbSchema.TIME_BUCKET), attribute(DynamoDbSchema.TIMESTAMP))
                    .keySchema(key(DynamoDbSchema.PK, KeyType.HASH), key(DynamoDbSchema.SK, KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(DynamoDbSchema.INDEX)
                            .keySchema(key(DynamoDbSchema.TIME_BUCKET, KeyType.HASH),
                                    key(DynamoDbSchema.TIMESTAMP, KeyType.RANGE))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
            created = true;
        } catch (ResourceInUseException e) {
            created = false;
        } catch (SdkException e) {
            throw new dev.allframe.eventstore.EventStoreException("Cannot create DynamoDB table '" + table + "': "
                    + e.getMessage(), e);
        }
        awaitActive(client, table, Duration.ofSeconds(60));
        if (created) {
            try {
                client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true)
                        .attributeName(DynamoDbSchema.EXPIRES_AT)));
            } catch (SdkException e) {
                // TTL only tidies expired idempotency records; a stand-in without it still works.
                System.getLogger(DynamoDbTables.class.getName()).log(System.Logger.Level.WARNING,
                        "TTL not enabled on table " + table + ": " + e.getMessage());
            }
        }
        return created;
    }

    private static void awaitActive(DynamoDbClient client, String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                TableStatus status = client.describeTable(b -> b.tableName(table)).table().tableStatus();
                if (status == TableStatus.ACTIVE) {
                    return;
                }
            } catch (ResourceNotFoundException e) {
                // not visible yet
            }
            if (System.nanoTime() > deadline) {
                throw new dev.allframe.eventstore.EventStoreException("DynamoDB table '" + table
                        + "' did not become ACTIVE within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.allframe.eventstore.EventStoreException("interrupted waiting for table " + table, e);
            }
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /**
     * @param table a table name
     * @return the name
     * @throws IllegalArgumentException if it is not a valid DynamoDB table name
     */
    static String checkName(String table) {
        Objects.requireNonNull(table, "table");
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("DynamoDB table name '" + table
                    + "' is invalid (expected 3..255 characters of A-Z a-z 0-9 _ . -)");
        }
        return table;
    }
}
