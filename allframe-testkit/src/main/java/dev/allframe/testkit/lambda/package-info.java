/**
 * A local AWS Lambda Runtime API ({@link dev.allframe.testkit.lambda.RuntimeApiEmulator}) and a launcher of
 * runtime processes against it ({@link dev.allframe.testkit.lambda.LambdaProcess}), built on the JDK alone.
 */
package dev.allframe.testkit.lambda;
