package dev.allframe.lambda;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for the Lambda Runtime API: one kept-alive loopback connection, requests with a
 * {@code Content-Length} body, responses with a {@code Content-Length}, chunked or connection-delimited body.
 *
 * <p>Why not {@code java.net.http.HttpClient}: measured with the cold-start harness, its first request loads about
 * 1,000 JDK classes and 170 generated lambda classes and roughly doubled the custom runtime's cold start
 * (docs/benchmarks/coldstart.md). The Runtime API is plain HTTP on a local socket; this is all it needs.
 * Not thread-safe: the runtime loop is its only user.
 */
final class RuntimeApiConnection implements AutoCloseable {
    /** A response: status, header fields with lower-case names (last value wins), body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RuntimeApiConnection(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API (expected host:port): '" + hostAndPort + "'");
        }
        this.host = hostAndPort.substring(0, colon);
        try {
            this.port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API (expected host:port): '" + hostAndPort + "'", e);
        }
        this.hostHeader = hostAndPort;
    }

    Reply get(String path) throws IOException {
        return exchange("GET", path, null, null);
    }

    Reply post(String path, byte[] body, String errorType) throws IOException {
        return exchange("POST", path, body, errorType);
    }

    /**
     * Sends a request; if a kept-alive connection turns out to be closed before any response byte arrives, sends
     * it once more on a new connection (the request cannot have been processed).
     */
    private Reply exchange(String method, String path, byte[] body, String errorType) throws IOException {
        boolean fresh = socket == null;
        try {
            return once(method, path, body, errorType);
        } catch (StaleConnection e) {
            close();
            if (fresh) {
                throw new IOException("the Runtime API closed the connection without answering " + method + " "
                        + path, e);
            }
            return once(method, path, body, errorType);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Reply once(String method, String path, byte[] body, String errorType) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\nUser-Agent: allframe-lambda\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        if (errorType != null) {
            head.append("Lambda-Runtime-Function-Error-Type: ").append(errorType).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // A peer that closed a kept-alive connection shows up here as a broken pipe or reset.
            throw new StaleConnection(e);
        }

        String statusLine = readLine(true);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP response from the Runtime API: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] content;
        String length = headers.get("content-length");
        boolean close = "close".equalsIgnoreCase(headers.get("connection"));
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            content = readChunked();
        } else if (length != null) {
            content = readExactly(Integer.parseInt(length));
        } else if (close) {
            content = in.readAllBytes();
        } else {
            content = new byte[0];
        }
        if (close) {
            close();
        }
        return new Reply(status, headers, content);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(false);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            body.write(readExactly(n));
            readLine(false);
        }
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("the Runtime API closed the connection after " + b.length + " of " + n
                    + " body bytes");
        }
        return b;
    }

    private String readLine(boolean first) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        if (first && sb.isEmpty()) {
            throw new StaleConnection();
        }
        throw new EOFException("the Runtime API closed the connection mid-response");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket we are abandoning anyway
            }
            socket = null;
        }
    }

    /** The connection was closed before any byte of the response: safe to resend. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super("connection closed before the response started");
        }

        StaleConnection(IOException cause) {
            super("connection closed before the request was sent: " + cause, cause);
        }
    }
}
