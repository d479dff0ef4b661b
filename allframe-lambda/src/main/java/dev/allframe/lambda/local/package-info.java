/**
 * Local parity for the Lambda event doors: post an SQS, SNS, EventBridge, DynamoDB Streams or S3 event, as AWS would
 * send it, to the local server ({@link dev.allframe.lambda.local.LocalEventsRoutes}) and it runs through the same
 * {@link dev.allframe.lambda.AllFrameHandler} as in Lambda. No Netty here: the routes are plain core routes.
 */
package dev.allframe.lambda.local;
