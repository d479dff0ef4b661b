package dev.allframe.infra.iam;

import dev.allframe.infra.model.Access;
import dev.allframe.infra.model.EventStoreTable;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.model.Subscription;
import dev.allframe.infra.model.Use;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives each Lambda function's policy from its uses and subscriptions. Only what is listed in the module
 * README's mapping is ever granted; in particular no action contains {@code *} and the only resource with a
 * wildcard is the function's own log group's streams ({@code LOG_GROUP:*}).
 */
public final class IamDerivation {
    private IamDerivation() {
    }

    /**
     * Actions for appending events. IAM authorises each action inside a {@code TransactWriteItems} as its own
     * operation: the events are {@code Put}s, the version check a {@code ConditionCheck}, and the DynamoDB store's
     * global-position counter an {@code Update} ({@code UpdateItem}).
     */
    public static final List<String> APPEND = List.of("dynamodb:ConditionCheckItem", "dynamodb:PutItem",
            "dynamodb:TransactWriteItems", "dynamodb:UpdateItem");
    /** Actions for reading one stream. */
    public static final List<String> READ = List.of("dynamodb:GetItem", "dynamodb:Query");
    /** Actions for reading in global order (on the index). */
    public static final List<String> READ_ALL = List.of("dynamodb:Query");
    /** Actions Lambda needs to consume a DynamoDB stream. */
    public static final List<String> CONSUME_STREAM = List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator", "dynamodb:ListStreams");
    /** Actions Lambda needs to consume an SQS queue. */
    public static final List<String> CONSUME_QUEUE = List.of("sqs:DeleteMessage", "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage");
    /** Actions for sending to a queue (also: a stream mapping's failure destination). */
    public static final List<String> SEND = List.of("sqs:SendMessage");
    /** Actions for publishing to a bus. */
    public static final List<String> PUT_EVENTS = List.of("events:PutEvents");
    /** Actions for writing to the function's own log group. */
    public static final List<String> LOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    /**
     * @param model a valid model
     * @return one policy per function, in model order
     */
    public static List<IamPolicy> derive(InfraModel model) {
        return model.functions().stream().map(f -> derive(model, f)).toList();
    }

    /**
     * @param model a valid model
     * @param f one of its functions
     * @return the function's policy
     */
    public static IamPolicy derive(InfraModel model, LambdaFunction f) {
        List<IamStatement> out = new ArrayList<>();
        out.add(new IamStatement("Logs", LOGS, List.of(new ArnRef(ArnRef.Kind.LOG_GROUP, f.name(), ":*"))));
        for (Use u : f.uses()) {
            String n = camel(u.resource());
            if (model.eventStore(u.resource()).isPresent()) {
                ArnRef table = ArnRef.of(ArnRef.Kind.TABLE, u.resource());
                if (u.has(Access.APPEND)) {
                    out.add(new IamStatement("AppendTable" + n, APPEND, List.of(table)));
                }
                if (u.has(Access.READ)) {
                    out.add(new IamStatement("ReadTable" + n, READ, List.of(table)));
                }
                if (u.has(Access.READ_ALL)) {
                    out.add(new IamStatement("ReadAllTable" + n, READ_ALL, List.of(new ArnRef(ArnRef.Kind.TABLE,
                            u.resource(), "/index/" + EventStoreTable.TIMESTAMP_INDEX))));
                }
            } else if (model.queue(u.resource()).isPresent()) {
                if (u.has(Access.PUBLISH)) {
                    out.add(new IamStatement("PublishQueue" + n, SEND,
                            List.of(ArnRef.of(ArnRef.Kind.QUEUE, u.resource()))));
                }
            } else if (model.eventBus(u.resource()).isPresent()) {
                if (u.has(Access.PUBLISH)) {
                    out.add(new IamStatement("PublishBus" + n, PUT_EVENTS,
                            List.of(ArnRef.of(ArnRef.Kind.BUS, u.resource()))));
                }
            } else if (model.bucket(u.resource()).isPresent()) {
                if (u.has(Access.READ)) {
                    out.add(new IamStatement("ReadBucket" + n, List.of("s3:GetObject"),
                            List.of(new ArnRef(ArnRef.Kind.BUCKET, u.resource(), "/*"))));
                    // Without ListBucket a missing key answers 403 instead of 404, and "no snapshot yet" is normal.
                    out.add(new IamStatement("ListBucket" + n, List.of("s3:ListBucket"),
                            List.of(ArnRef.of(ArnRef.Kind.BUCKET, u.resource()))));
                }
                if (u.has(Access.WRITE)) {
                    out.add(new IamStatement("WriteBucket" + n, List.of("s3:PutObject"),
                            List.of(new ArnRef(ArnRef.Kind.BUCKET, u.resource(), "/*"))));
                }
            }
        }
        for (Subscription s : f.subscriptions()) {
            String n = camel(s.source());
            switch (s) {
                case Subscription.OfQueue q -> out.add(new IamStatement("ConsumeQueue" + n, CONSUME_QUEUE,
                        List.of(ArnRef.of(ArnRef.Kind.QUEUE, q.source()))));
                case Subscription.OfStream st -> {
                    out.add(new IamStatement("ConsumeStream" + n, CONSUME_STREAM,
                            List.of(ArnRef.of(ArnRef.Kind.TABLE_STREAM, st.source()))));
                    out.add(new IamStatement("SendStreamFailures" + n, SEND,
                            List.of(ArnRef.of(ArnRef.Kind.QUEUE, streamFailureQueue(f)))));
                }
                case Subscription.OfBus b -> {
                    // EventBridge invokes the function through a resource-based permission; the role needs nothing.
                }
            }
        }
        return new IamPolicy(f.name(), out);
    }

    /**
     * @param f a function with a stream subscription
     * @return the logical name of the queue its stream mapping sends failed batches to
     */
    public static String streamFailureQueue(LambdaFunction f) {
        return f.name() + "-stream-failures";
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
