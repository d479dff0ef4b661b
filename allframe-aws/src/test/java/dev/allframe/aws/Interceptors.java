package dev.allframe.aws;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** SDK interceptors the tests use to see and disturb what the store sends. */
final class Interceptors {
    private Interceptors() {
    }

    /** Counts HTTP requests per operation, retries included (counted at transmission). */
    static final class Counting implements ExecutionInterceptor {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String op = context.request().getClass().getSimpleName().replace("Request", "");
            counts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        Map<String, Integer> byOperation() {
            Map<String, Integer> out = new java.util.TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        void reset() {
            counts.clear();
        }
    }

    /**
     * Makes the next transaction fail on the server after it has staged a number of event items: a condition
     * check that cannot pass is slipped in after them, so DynamoDB must roll back the items before it.
     */
    static final class FailingTransaction implements ExecutionInterceptor {
        private volatile int failAfter = -1;

        void failNextAfter(int events) {
            failAfter = events;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            int after = failAfter;
            if (after < 0 || !(context.request() instanceof TransactWriteItemsRequest r)) {
                return context.request();
            }
            failAfter = -1;
            List<TransactWriteItem> items = new ArrayList<>(r.transactItems());
            int firstEvent = 0;
            while (firstEvent < items.size() && items.get(firstEvent).put() == null) {
                firstEvent++;
            }
            String table = items.get(0).update() != null ? items.get(0).update().tableName()
                    : items.get(firstEvent).put().tableName();
            items.add(Math.min(items.size(), firstEvent + after), TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder().tableName(table)
                            .key(DynamoDbSchema.key("$never", "$never")).conditionExpression("attribute_exists(PK)")
                            .build()).build());
            return r.toBuilder().transactItems(items).build();
        }
    }

    /** Describes each transaction sent: its item count and whether it holds a version check. */
    static final class Transactions implements ExecutionInterceptor {
        private final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest r) {
                long checks = r.transactItems().stream().filter(i -> i.conditionCheck() != null).count();
                sent.add(r.transactItems().size() + " items, " + checks + " check");
            }
        }

        List<String> sent() {
            return List.copyOf(sent);
        }

        void reset() {
            sent.clear();
        }
    }
}
