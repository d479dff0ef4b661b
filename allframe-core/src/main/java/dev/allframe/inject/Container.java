package dev.allframe.inject;

import dev.allframe.http.Router;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * A generated application container: typed getters create singletons lazily, in dependency order;
 * {@link #close()} closes {@link AutoCloseable} components in reverse creation order. Thread-safe.
 */
public interface Container extends AutoCloseable {
    /**
     * @return the router of every annotated controller
     * @throws IllegalStateException if the application has no annotated routes
     */
    Router router();

    /** @return the environment the container reads {@link Env @Env} values from */
    Environment environment();

    /** Closes the components the container created, in reverse creation order; idempotent. */
    @Override
    void close();

    /**
     * Creates the application's container for doors that cannot name it: reads the one
     * {@code META-INF/services/dev.allframe.inject.ContainerFactory} entry the processor writes. Prefer calling the
     * generated {@code XContainer.create()} directly where you can.
     *
     * @param environment where {@link Env @Env} values come from
     * @return a new container
     * @throws IllegalStateException if there is no generated container, or more than one
     */
    static Container load(Environment environment) {
        Iterator<ContainerFactory> it = ServiceLoader.load(ContainerFactory.class).iterator();
        if (!it.hasNext()) {
            throw new IllegalStateException("No AllFrame container on the class path: annotate one class with "
                    + "@AllFrameApplication and put allframe-processor on the annotation processor path");
        }
        ContainerFactory factory = it.next();
        if (it.hasNext()) {
            throw new IllegalStateException("More than one AllFrame container on the class path: "
                    + factory.getClass().getName() + " and " + it.next().getClass().getName());
        }
        return factory.create(environment);
    }

    /**
     * @return the application's container reading the process environment
     * @throws IllegalStateException if there is no generated container, or more than one
     */
    static Container load() {
        return load(Environment.system());
    }
}
