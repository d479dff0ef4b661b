package dev.allframe.server;

/** User events the server fires down a connection's pipeline. */
enum ServerEvents {
    /** The server is shutting down: finish what is in flight, take no new requests, close. */
    DRAIN,
    /** A client took longer than the request timeout to send one request. */
    REQUEST_TIMEOUT
}
