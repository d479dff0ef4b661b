f='allframe-aws/src/main/java/dev/allframe/aws/AwsStores.java'
p=open(f).read()
p=p.replace("""    /** @return the DynamoDB client, for further stores on the same table */""","""    /**
     * @return idempotency records in the event table (TTL attribute {@code expires_at}), on the system clock
     */
    public IdempotencyStore idempotency() {
        return idempotency(Clock.systemUTC());
    }

    /**
     * @param clock the clock that decides lease and retention expiry
     * @return idempotency records in the event table
     */
    public IdempotencyStore idempotency(Clock clock) {
        return new DynamoDbIdempotencyStore(dynamoDb, table(), clock);
    }

    /** @return the DynamoDB client, for further stores on the same table */""")
p=p.replace("import dev.allframe.eventstore.EventStoreBackend;","import dev.allframe.eventstore.EventStoreBackend;\nimport dev.allframe.idempotency.IdempotencyStore;")
p=p.replace("import java.util.Map;","import java.time.Clock;\nimport java.util.Map;")
open(f,'w').write(p)
