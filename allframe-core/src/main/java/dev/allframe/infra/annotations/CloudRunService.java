package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Deploys the annotated root component (its dependency graph) as a Cloud Run (v2) service. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CloudRunService {
    /** @return the service's logical name: lower-case letters, digits and hyphens, starting with a letter */
    String name();

    /** @return the container port; default 8080 */
    int port() default 8080;

    /** @return CPU limit, as Cloud Run spells it; default {@code "1"} */
    String cpu() default "1";

    /** @return memory limit, as Cloud Run spells it; default {@code "512Mi"} */
    String memory() default "512Mi";

    /** @return minimum instances, at least 0; default 0 */
    int minInstances() default 0;

    /** @return maximum instances, at least max(1, minInstances); default 10 */
    int maxInstances() default 10;

    /** @return concurrent requests per instance, 1..1000; default 80 */
    int concurrency() default 80;

    /** @return the readiness path probed at start-up; default {@code /health/ready} */
    String startupPath() default "/health/ready";

    /** @return the liveness path; default {@code /health/live} */
    String livenessPath() default "/health/live";

    /** @return extra environment variables as {@code KEY=value} pairs */
    String[] environment() default {};
}
