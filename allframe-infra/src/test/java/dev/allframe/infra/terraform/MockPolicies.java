package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.HclWriter;
import dev.allframe.infra.iam.ArnRef;
import dev.allframe.infra.iam.IamDerivation;
import dev.allframe.infra.iam.IamPolicy;
import dev.allframe.infra.iam.IamStatement;
import dev.allframe.infra.internal.MiniJson;
import dev.allframe.infra.model.InfraModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code terraform test} file that applies the generated module against terraform's mock AWS provider (no
 * cloud, no credentials) with one fixed ARN per resource type, and asserts that each role policy, as terraform
 * evaluates it, equals the derived policy with those ARNs, and that no action contains {@code *}.
 */
final class MockPolicies {
    static final Map<ArnRef.Kind, String> ARNS = Map.of(
            ArnRef.Kind.TABLE, "arn:aws:dynamodb:us-east-1:123456789012:table/mock",
            ArnRef.Kind.TABLE_STREAM, "arn:aws:dynamodb:us-east-1:123456789012:table/mock/stream/2026-01-01T00:00:00.000",
            ArnRef.Kind.QUEUE, "arn:aws:sqs:us-east-1:123456789012:mock",
            ArnRef.Kind.BUS, "arn:aws:events:us-east-1:123456789012:event-bus/mock",
            ArnRef.Kind.BUCKET, "arn:aws:s3:::mock",
            ArnRef.Kind.LOG_GROUP, "arn:aws:logs:us-east-1:123456789012:log-group:mock");

    private MockPolicies() {
    }

    static String testFile(InfraModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                mock_provider "aws" {
                  mock_resource "aws_iam_role" {
                    defaults = {
                      arn = "arn:aws:iam::123456789012:role/mock"
                    }
                  }
                  mock_resource "aws_sqs_queue" {
                    defaults = {
                      arn = "%s"
                      url = "https://sqs.us-east-1.amazonaws.com/123456789012/mock"
                    }
                  }
                  mock_resource "aws_dynamodb_table" {
                    defaults = {
                      arn        = "%s"
                      stream_arn = "%s"
                    }
                  }
                  mock_resource "aws_lambda_function" {
                    defaults = {
                      arn        = "arn:aws:lambda:us-east-1:123456789012:function:mock"
                      invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock/invocations"
                      version    = "1"
                    }
                  }
                  mock_resource "aws_lambda_alias" {
                    defaults = {
                      arn        = "arn:aws:lambda:us-east-1:123456789012:function:mock:live"
                      invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock:live/invocations"
                    }
                  }
                  mock_resource "aws_cloudwatch_log_group" {
                    defaults = {
                      arn = "%s"
                    }
                  }
                  mock_resource "aws_cloudwatch_event_bus" {
                    defaults = {
                      arn = "%s"
                    }
                  }
                  mock_resource "aws_cloudwatch_event_rule" {
                    defaults = {
                      arn = "arn:aws:events:us-east-1:123456789012:rule/mock"
                    }
                  }
                  mock_resource "aws_s3_bucket" {
                    defaults = {
                      arn = "%s"
                    }
                  }
                  mock_resource "aws_apigatewayv2_api" {
                    defaults = {
                      execution_arn = "arn:aws:execute-api:us-east-1:123456789012:mock"
                    }
                  }
                }

                variables {
                  artifact_path = "function.zip"
                }

                run "policies" {
                  command = apply
                """.formatted(ARNS.get(ArnRef.Kind.QUEUE), ARNS.get(ArnRef.Kind.TABLE),
                ARNS.get(ArnRef.Kind.TABLE_STREAM), ARNS.get(ArnRef.Kind.LOG_GROUP), ARNS.get(ArnRef.Kind.BUS),
                ARNS.get(ArnRef.Kind.BUCKET)));
        for (IamPolicy p : IamDerivation.derive(model)) {
            String address = "aws_iam_role_policy." + p.deployable().replace('-', '_');
            sb.append("\n  assert {\n")
                    .append("    condition     = jsondecode(").append(address).append(".policy) == jsondecode(\"")
                    .append(HclWriter.escape(expected(p))).append("\")\n")
                    .append("    error_message = \"").append(address).append(" is ${").append(address)
                    .append(".policy}\"\n  }\n");
            sb.append("\n  assert {\n")
                    .append("    condition     = alltrue([for s in jsondecode(").append(address)
                    .append(".policy).Statement : alltrue([for a in s.Action : !strcontains(a, \"*\")])])\n")
                    .append("    error_message = \"").append(address).append(" grants a wildcard action\"\n  }\n");
            // The only wildcards allowed in resources: the function's own log streams and a bucket's objects.
            sb.append("\n  assert {\n")
                    .append("    condition     = alltrue([for r in flatten(jsondecode(").append(address)
                    .append(".policy).Statement[*].Resource) : !strcontains(r, \"*\") || endswith(r, \"log-group:mock:*\")")
                    .append(" || endswith(r, \":::mock/*\")])\n")
                    .append("    error_message = \"").append(address).append(" has a wildcard resource\"\n  }\n");
        }
        return sb.append("}\n").toString();
    }

    private static String expected(IamPolicy p) {
        List<Object> statements = new ArrayList<>();
        for (IamStatement s : p.statements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Action", s.actions());
            m.put("Effect", "Allow");
            m.put("Resource", s.resources().stream().map(r -> ARNS.get(r.kind()) + r.suffix()).toList());
            m.put("Sid", s.sid());
            statements.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Statement", statements);
        doc.put("Version", "2012-10-17");
        return MiniJson.write(doc);
    }
}
