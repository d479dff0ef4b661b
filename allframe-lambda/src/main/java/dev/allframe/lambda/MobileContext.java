package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The custom runtime's reading of the two headers the Runtime API sends for invocations from the AWS Mobile SDK:
 * {@code Lambda-Runtime-Client-Context} ({@code {"client":{"installation_id":..,"app_title":..,
 * "app_version_name":..,"app_version_code":..,"app_package_name":..},"custom":{..},"env":{..}}}) and
 * {@code Lambda-Runtime-Cognito-Identity} ({@code {"cognitoIdentityId":..,"cognitoIdentityPoolId":..}}), with the
 * member names the official runtime interface client binds.
 */
final class MobileContext {
    private MobileContext() {
    }

    static CognitoIdentity identity(String json) {
        Map<String, Object> doc = object(json, "Lambda-Runtime-Cognito-Identity");
        return new Identity(string(doc, "cognitoIdentityId", "Lambda-Runtime-Cognito-Identity"),
                string(doc, "cognitoIdentityPoolId", "Lambda-Runtime-Cognito-Identity"));
    }

    static ClientContext clientContext(String json) {
        String header = "Lambda-Runtime-Client-Context";
        Map<String, Object> doc = object(json, header);
        Object c = doc.get("client");
        AppClient client = null;
        if (c != null) {
            Map<String, Object> m = asObject(c, header + " member 'client'");
            client = new AppClient(string(m, "installation_id", header), string(m, "app_title", header),
                    string(m, "app_version_name", header), string(m, "app_version_code", header),
                    string(m, "app_package_name", header));
        }
        return new Mobile(client, strings(doc.get("custom"), header + " member 'custom'"),
                strings(doc.get("env"), header + " member 'env'"));
    }

    private static Map<String, Object> object(String json, String header) {
        Object doc;
        try {
            doc = JsonCodecs.defaultCodec().read(json.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (JsonCodecException e) {
            throw new IllegalStateException("The Runtime API's " + header + " header is not valid JSON: "
                    + e.getMessage(), e);
        }
        return asObject(doc, header);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("The Runtime API's " + what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Map<String, Object> doc, String name, String header) {
        Object v = doc.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalStateException("The Runtime API's " + header + " header has a non-string '" + name + "'");
    }

    /** A map of strings, as the official client binds {@code custom} and {@code env}; empty when absent. */
    private static Map<String, String> strings(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asObject(value, what).entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v == null ? null : v.toString());
        }
        return Collections.unmodifiableMap(out);
    }

    private record Identity(String getIdentityId, String getIdentityPoolId) implements CognitoIdentity {
    }

    private record AppClient(String getInstallationId, String getAppTitle, String getAppVersionName,
                             String getAppVersionCode, String getAppPackageName) implements Client {
    }

    private record Mobile(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
            implements ClientContext {
    }
}
