package dev.allframe.inject;

/** Creates a generated container; the processor writes one implementation per application, for {@link Container#load()}. */
@FunctionalInterface
public interface ContainerFactory {
    /**
     * @param environment where {@link Env @Env} values come from
     * @return a new container
     * @throws ConfigurationException if the environment misses or malforms a variable
     */
    Container create(Environment environment);
}
