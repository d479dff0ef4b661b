/**
 * The Lambda event-source doors behind {@link dev.allframe.lambda.AllFrameHandler}: EventBridge, SQS and SNS events
 * become commands on the {@code CommandBus} (routed by {@link dev.allframe.lambda.events.EventRoutes}, dispatched
 * once per message id through an {@code IdempotencyStore}), DynamoDB Streams records of the event table feed the
 * {@code ProjectionRegistry}, and S3 notifications reach an {@link dev.allframe.lambda.events.S3Handler}. Configure
 * them with {@link dev.allframe.lambda.events.EventSources#builder()}.
 */
package dev.allframe.lambda.events;
