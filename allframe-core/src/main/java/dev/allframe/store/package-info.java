/**
 * {@link dev.allframe.store.Stores}: the one seam where an application chooses its storage backend. The
 * implementations live in the backend modules ({@code allframe-jdbc}, {@code allframe-aws}), so the core loads
 * neither JDBC drivers nor the AWS SDK.
 */
package dev.allframe.store;
