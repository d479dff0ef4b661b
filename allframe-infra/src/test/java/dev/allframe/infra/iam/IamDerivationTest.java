package dev.allframe.infra.iam;

import dev.allframe.infra.model.InfraModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamDerivationTest {
    static InfraModel example() throws IOException {
        try (InputStream in = IamDerivationTest.class.getResourceAsStream("/orders/infra.json")) {
            return InfraModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, List<String>> policies() throws IOException {
        return IamDerivation.derive(example()).stream().collect(Collectors.toMap(IamPolicy::deployable,
                p -> p.statements().stream().map(IamStatement::toString).toList()));
    }

    @Test
    void http_function_appending_and_reading_events_with_snapshots_and_a_bus_gets_exactly_those_grants()
            throws IOException {
        assertThat(policies().get("orders-http")).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/orders-http:*",
                "AppendTableEvents: dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:TransactWriteItems,"
                        + " dynamodb:UpdateItem on table/events",
                "ReadTableEvents: dynamodb:GetItem, dynamodb:Query on table/events",
                "ReadBucketSnapshots: s3:GetObject on bucket/snapshots/*",
                "ListBucketSnapshots: s3:ListBucket on bucket/snapshots",
                "WriteBucketSnapshots: s3:PutObject on bucket/snapshots/*",
                "PublishBusOrders: events:PutEvents on bus/orders");
    }

    @Test
    void queue_consumer_gets_the_three_event_source_actions_on_its_queue_only() throws IOException {
        assertThat(policies().get("orders-worker")).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/orders-worker:*",
                "AppendTableEvents: dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:TransactWriteItems,"
                        + " dynamodb:UpdateItem on table/events",
                "ReadTableEvents: dynamodb:GetItem, dynamodb:Query on table/events",
                "ConsumeQueueOrderCommands: sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:ReceiveMessage"
                        + " on queue/order-commands");
    }

    @Test
    void eventbridge_consumer_needs_no_invoke_grant_in_its_role_and_publishing_to_a_queue_is_send_message()
            throws IOException {
        assertThat(policies().get("stock-events")).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/stock-events:*",
                "AppendTableEvents: dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:TransactWriteItems,"
                        + " dynamodb:UpdateItem on table/events",
                "ReadTableEvents: dynamodb:GetItem, dynamodb:Query on table/events",
                "PublishQueueOrderCommands: sqs:SendMessage on queue/order-commands");
    }

    @Test
    void projection_gets_the_four_stream_actions_the_index_query_and_its_failure_queue() throws IOException {
        assertThat(policies().get("order-summary")).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/order-summary:*",
                "ReadAllTableEvents: dynamodb:Query on table/events/index/by-timestamp",
                "ConsumeStreamEvents: dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator,"
                        + " dynamodb:ListStreams on stream/events",
                "SendStreamFailuresEvents: sqs:SendMessage on queue/order-summary-stream-failures");
    }

    @Test
    void no_policy_has_a_wildcard_action_or_a_wildcard_resource_outside_its_own_log_streams() throws IOException {
        for (IamPolicy p : IamDerivation.derive(example())) {
            for (IamStatement s : p.statements()) {
                assertThat(s.actions()).noneMatch(a -> a.contains("*"));
                for (ArnRef r : s.resources()) {
                    if (r.suffix().contains("*")) {
                        assertThat(r.kind() == ArnRef.Kind.LOG_GROUP && r.name().equals(p.deployable())
                                || r.kind() == ArnRef.Kind.BUCKET && r.suffix().equals("/*"))
                                .as(p.deployable() + " " + r).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void a_statement_refuses_a_wildcard_action() {
        assertThatThrownBy(() -> new IamStatement("All", List.of("dynamodb:*"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard action dynamodb:*");
    }
}
