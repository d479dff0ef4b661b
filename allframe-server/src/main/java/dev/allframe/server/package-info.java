/**
 * The HTTP server door: Netty event loops do the I/O for HTTP/1.1, HTTP/2 cleartext (prior knowledge and
 * {@code Upgrade: h2c}) and HTTP/2 over TLS with ALPN; each request runs through the application's
 * {@link dev.allframe.http.Router} on a virtual thread, so handlers are plain blocking Java. Entry point:
 * {@link dev.allframe.server.HttpServer#builder()}.
 */
package dev.allframe.server;
