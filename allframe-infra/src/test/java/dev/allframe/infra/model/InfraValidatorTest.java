package dev.allframe.infra.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraValidatorTest {
    static List<String> problems(String body) {
        try {
            InfraModel.fromJson(InfraModelTest.model(body));
            return List.of();
        } catch (InfraModelException e) {
            return e.problems().stream().map(InfraProblem::toString).toList();
        }
    }

    @Test
    void memory_outside_128_to_10240_names_the_function() {
        assertThat(problems("\"functions\":[{\"name\":\"api\",\"memory\":64},{\"name\":\"big\",\"memory\":10241}]"))
                .containsExactly("function \"api\".memory: memory 64 MiB is outside 128..10240",
                        "function \"big\".memory: memory 10241 MiB is outside 128..10240");
        assertThat(problems("\"functions\":[{\"name\":\"api\",\"memory\":128},{\"name\":\"big\",\"memory\":10240}]"))
                .isEmpty();
    }

    @Test
    void timeout_over_900_is_rejected() {
        assertThat(problems("\"functions\":[{\"name\":\"api\",\"timeout\":901}]"))
                .containsExactly("function \"api\".timeout: timeout 901 s is outside 1..900");
    }

    @Test
    void max_receives_below_one_is_rejected() {
        assertThat(problems("\"queues\":[{\"name\":\"q\",\"dlqMaxReceives\":0}]"))
                .containsExactly("queue \"q\".dlqMaxReceives: dlqMaxReceives 0 is outside 1..1000");
    }

    @Test
    void duplicate_names_are_rejected_per_kind() {
        assertThat(problems("\"queues\":[{\"name\":\"q\"},{\"name\":\"q\"}],"
                + "\"functions\":[{\"name\":\"f\"},{\"name\":\"f\"}]"))
                .containsExactly("queue \"q\".name: duplicate queue name \"q\"",
                        "function \"f\".name: duplicate function name \"f\"");
    }

    @Test
    void unknown_providers_list_the_known_ones() {
        assertThat(problems("\"eventStores\":[{\"name\":\"events\",\"provider\":\"mongodb\"}]"))
                .containsExactly("event store \"events\".provider: unknown event store provider \"mongodb\";"
                        + " expected one of [auto, dynamodb, postgresql]");
        assertThat(problems("\"queues\":[{\"name\":\"q\",\"provider\":\"kafka\"}]"))
                .containsExactly("queue \"q\".provider: unknown queue provider \"kafka\"; expected one of"
                        + " [auto, pubsub, sqs]");
    }

    @Test
    void references_to_undeclared_resources_and_misapplied_accesses_are_rejected() {
        assertThat(problems("\"queues\":[{\"name\":\"q\"}],\"functions\":[{\"name\":\"f\","
                + "\"subscribes\":[{\"bus\":\"nope\",\"detailTypes\":[\"X\"]}],"
                + "\"uses\":[{\"resource\":\"ghost\",\"access\":[\"read\"]},{\"resource\":\"q\",\"access\":[\"append\"]}]}]"))
                .containsExactly(
                        "function \"f\".subscribes: refers to event bus \"nope\", which is not declared",
                        "function \"f\".uses: uses \"ghost\", which is not a declared event store, queue, event bus"
                                + " or bucket",
                        "function \"f\".uses: access \"append\" does not apply to queue \"q\"; allowed: [publish]");
    }

    @Test
    void a_queue_whose_visibility_timeout_is_shorter_than_its_consumer_timeout_is_rejected() {
        assertThat(problems("\"queues\":[{\"name\":\"q\",\"visibilityTimeout\":30}],"
                + "\"functions\":[{\"name\":\"f\",\"timeout\":60,\"subscribes\":[{\"queue\":\"q\"}]}]"))
                .containsExactly("function \"f\".subscribes: queue \"q\" has a visibility timeout of 30 s, shorter"
                        + " than this function's timeout of 60 s; messages would be delivered twice");
    }

    @Test
    void snapstart_needs_java21_and_stream_subscriptions_need_the_stream_on() {
        assertThat(problems("\"eventStores\":[{\"name\":\"events\",\"stream\":false}],"
                + "\"functions\":[{\"name\":\"f\",\"runtime\":\"provided.al2023\",\"snapStart\":true,"
                + "\"subscribes\":[{\"stream\":\"events\"}]}]"))
                .containsExactly("function \"f\".snapStart: SnapStart needs the managed java21 runtime, not"
                                + " provided.al2023",
                        "function \"f\".subscribes: event store \"events\" has its stream turned off; set stream ="
                                + " true to subscribe to it");
    }

    @Test
    void bad_names_reserved_environment_and_odd_log_retention_are_rejected() {
        assertThat(problems("\"functions\":[{\"name\":\"Bad_Name\",\"logRetentionDays\":10,"
                + "\"environment\":{\"AWS_REGION\":\"x\",\"1X\":\"y\"}}]"))
                .containsExactly(
                        "function \"Bad_Name\".name: name \"Bad_Name\" must be 1..40 lower-case letters, digits and"
                                + " single hyphens, starting with a letter and not ending with a hyphen",
                        "function \"Bad_Name\".logRetentionDays: logRetentionDays 10 is not one CloudWatch accepts"
                                + " [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,"
                                + " 2557, 2922, 3288, 3653]",
                        "function \"Bad_Name\".environment: environment variable AWS_REGION is reserved by Lambda",
                        "function \"Bad_Name\".environment: environment variable name \"1X\" must be letters, digits"
                                + " and underscores, not starting with a digit");
    }

    @Test
    void names_that_would_overflow_cloud_limits_with_the_longest_prefix_are_rejected() {
        assertThat(problems("\"buckets\":[{\"name\":\"a-very-long-bucket-name-for-snapshots-xy\"}],"
                + "\"eventBuses\":[{\"name\":\"integration-events-bus\"}],"
                + "\"functions\":[{\"name\":\"inventory-reservations\","
                + "\"subscribes\":[{\"bus\":\"integration-events-bus\",\"detailTypes\":[\"X\"]}]}],"
                + "\"cloudRunServices\":[{\"name\":\"orders-service-eu\"}]"))
                .containsExactly(
                        "bucket \"a-very-long-bucket-name-for-snapshots-xy\".name: bucket name"
                                + " \"a-very-long-bucket-name-for-snapshots-xy\" is longer than 39 characters; with a"
                                + " name prefix of up to 24 characters it would exceed S3's 63",
                        "function \"inventory-reservations\".subscribes: the EventBridge rule"
                                + " \"inventory-reservations-integration-events-bus\" would be longer than 40"
                                + " characters (64 with a name prefix of up to 24); shorten the function or bus name",
                        "Cloud Run service \"orders-service-eu\".name: service name \"orders-service-eu\" is longer"
                                + " than 14 characters; its service account id (name prefix of up to 16 + name) must"
                                + " fit in 30");
    }

    @Test
    void a_dead_letter_queue_name_must_not_clash_with_a_declared_queue() {
        assertThat(problems("\"queues\":[{\"name\":\"q\"},{\"name\":\"q-dlq\",\"dlq\":false}]"))
                .containsExactly("queue \"q\".dlq: its dead-letter queue would be named \"q-dlq\", which is already"
                        + " a queue's name");
    }

    @Test
    void every_problem_is_reported_at_once_in_the_exception_message() {
        assertThatThrownBy(() -> InfraModel.fromJson(InfraModelTest.model(
                "\"functions\":[{\"name\":\"f\",\"memory\":1,\"timeout\":0}]")))
                .isInstanceOf(InfraModelException.class)
                .hasMessage("invalid infrastructure model:\n"
                        + "  - function \"f\".memory: memory 1 MiB is outside 128..10240\n"
                        + "  - function \"f\".timeout: timeout 0 s is outside 1..900");
    }

    @Test
    void annotation_environment_pairs_parse_in_order_and_bad_ones_are_named() {
        assertThat(InfraRules.parseEnvironment("A=1", "B=x=y", "C=")).containsExactly(
                java.util.Map.entry("A", "1"), java.util.Map.entry("B", "x=y"), java.util.Map.entry("C", ""));
        assertThatThrownBy(() -> InfraRules.parseEnvironment("NOVALUE"))
                .hasMessage("environment entry \"NOVALUE\" must be KEY=value");
        assertThatThrownBy(() -> InfraRules.parseEnvironment("A=1", "A=2"))
                .hasMessage("environment variable A is set twice");
        assertThatThrownBy(() -> InfraRules.parseEnvironment("BAD-KEY=1"))
                .hasMessageContaining("environment variable name \"BAD-KEY\"");
    }

    @Test
    void single_value_rules_are_usable_by_the_annotation_processor() {
        assertThat(InfraRules.checkMemory(512)).isEmpty();
        assertThat(InfraRules.checkTimeout(901)).hasValue("timeout 901 s is outside 1..900");
        assertThat(InfraRules.checkMaxReceives(0)).hasValue("dlqMaxReceives 0 is outside 1..1000");
        assertThat(InfraRules.checkProvider("event store", "dynamodb", InfraRules.EVENT_STORE_PROVIDERS)).isEmpty();
        assertThat(InfraRules.checkName("orders-http")).isEmpty();
        assertThat(InfraRules.checkName("orders-")).isPresent();
    }
}
