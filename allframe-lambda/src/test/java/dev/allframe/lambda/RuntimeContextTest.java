package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom runtime's context: the Mobile SDK headers, parsed when a handler asks for them. */
class RuntimeContextTest {
    @Test
    void withoutTheHeadersThereIsNoIdentityAndNoClientContext() {
        RuntimeContext c = new RuntimeContext("r-1", System.currentTimeMillis() + 1000, "arn", null, " ");
        assertThat(c.getIdentity()).isNull();
        assertThat(c.getClientContext()).isNull();
    }

    @Test
    void aClientContextWithoutClientOrMapsHasANullClientAndEmptyMaps() {
        RuntimeContext c = new RuntimeContext("r-1", 0, "arn", "{}", "{\"cognitoIdentityId\":\"id-1\"}");
        assertThat(c.getClientContext().getClient()).isNull();
        assertThat(c.getClientContext().getCustom()).isEmpty();
        assertThat(c.getClientContext().getEnvironment()).isEmpty();
        assertThat(c.getIdentity().getIdentityId()).isEqualTo("id-1");
        assertThat(c.getIdentity().getIdentityPoolId()).isNull();
    }

    @Test
    void aMalformedHeaderFailsWhenAskedForWithAMessageNamingTheHeader() {
        RuntimeContext c = new RuntimeContext("r-1", 0, "arn", "{not json", "[1]");
        assertThatThrownBy(c::getClientContext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lambda-Runtime-Client-Context").hasMessageContaining("not valid JSON");
        assertThatThrownBy(c::getIdentity).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lambda-Runtime-Cognito-Identity").hasMessageContaining("not a JSON object");
        RuntimeContext typed = new RuntimeContext("r-1", 0, "arn", "{\"client\":{\"app_title\":7}}", null);
        assertThatThrownBy(typed::getClientContext).hasMessageContaining("non-string 'app_title'");
    }
}
