package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingTest {
    @Test
    void logLinesCarryTheRequestIdOfTheInvocationOnTheThreadAndItsChildren() throws Exception {
        assertThat(LambdaLogFinder.format("INFO", "app", "outside", null)).isEqualTo("INFO RequestId: - app - outside");
        Invocations.CURRENT.set(LambdaContext.of(TestContext.create("req-42"), null));
        try {
            assertThat(LambdaLogFinder.format("INFO", "app", "inside", null))
                    .isEqualTo("INFO RequestId: req-42 app - inside");
            String[] fromChild = new String[1];
            Thread t = Thread.ofVirtual().start(() -> fromChild[0] = LambdaLogFinder.format("WARNING", "app", "child", null));
            t.join();
            assertThat(fromChild[0]).isEqualTo("WARNING RequestId: req-42 app - child");
        } finally {
            Invocations.CURRENT.remove();
        }
    }

    @Test
    void aThrowableIsWrittenInTheSameRecordAfterTheHeaderLine() {
        String s = LambdaLogFinder.format("ERROR", "app", "failed", new IllegalStateException("bad"));
        assertThat(s).startsWith("ERROR RequestId: - app - failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: bad");
    }

    @Test
    void theLevelComesFromAllframeLog() {
        assertThat(LambdaLogFinder.threshold(null)).isEqualTo(System.Logger.Level.INFO);
        assertThat(LambdaLogFinder.threshold("warn")).isEqualTo(System.Logger.Level.WARNING);
        assertThat(LambdaLogFinder.threshold("DEBUG")).isEqualTo(System.Logger.Level.DEBUG);
        assertThat(LambdaLogFinder.threshold("off")).isEqualTo(System.Logger.Level.OFF);
        assertThat(LambdaLogFinder.threshold("nonsense")).isEqualTo(System.Logger.Level.INFO);
    }

    @Test
    void theFinderIsWhatSystemLoggerUsesWhenTheModuleIsOnTheSystemClassPath() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(LambdaLogFinder.class);
        System.Logger log = System.getLogger("x");
        assertThat(log.isLoggable(System.Logger.Level.ERROR)).isTrue();
        assertThat(log.isLoggable(System.Logger.Level.DEBUG)).isFalse(); // surefire sets ALLFRAME_LOG=warn
    }

    @Test
    void outsideLambdaTheLoggersArePlainJavaUtilLoggingOnes() {
        // In a child JVM: LogFormatOutsideLambdaTest. This module's tests run as if under Lambda (see the pom).
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of())).isFalse();
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of("K_SERVICE", "orders", "ALLFRAME_LOG_FORMAT", "text")))
                .isFalse();
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", " "))).isFalse();
    }

    @Test
    void underLambdaLinesCarryTheLevelAndRequestIdPrefixUnlessJsonIsAskedFor() {
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))).isTrue();
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders-http"))).isTrue();
        assertThat(LambdaLogFinder.lambdaLines(java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders-http",
                "ALLFRAME_LOG_FORMAT", "json"))).isFalse();
    }

    @Test
    void theHandlerNamesTheJulConfigurationClassByItsRealName() throws Exception {
        new EchoLambda();
        String name = System.getProperty("java.util.logging.config.class");
        assertThat(name).isEqualTo(JulFormat.Config.class.getName());
        assertThat(Class.forName(name).getConstructor()).isNotNull();
    }
}
