/**
 * Start-up benchmark: the same small orders application wired by the generated container and annotated routes
 * ({@code annotated}) and by hand with the router builder ({@code programmatic}); {@code run.sh} launches both.
 */
package dev.allframe.bench.startup;
