package dev.allframe.cli;

import dev.allframe.jdbc.JdbcStores;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.store.Stores;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's dead-letter store and checkpoints, opened from a store URL ({@code sqlite:PATH},
 * {@code jdbc:postgresql://...}). It holds no projection code, so it cannot retry; a running service that parked
 * events counts them again when it next restarts or retries.
 */
final class StoreProjections implements ProjectionSource {
    private final Stores stores;

    /**
     * @param url the store URL
     * @throws CliException if it is not understood or cannot be opened
     */
    StoreProjections(String url) {
        if (url.startsWith("memory")) {
            throw new CliException("--store " + url + ": a memory store lives inside its process; give sqlite:PATH or"
                    + " jdbc:postgresql://..., or --url for the running service");
        }
        if (url.startsWith("dynamodb:")) {
            throw new CliException("--store " + url + ": this CLI opens sqlite: and jdbc:postgresql: stores; for"
                    + " DynamoDB use --url against the running service");
        }
        if (url.startsWith("sqlite:") && !java.nio.file.Files.exists(java.nio.file.Path.of(url.substring(7)))) {
            throw new CliException("--store " + url + ": no such file");
        }
        try {
            this.stores = JdbcStores.open(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("--store: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CliException("--store " + url + " cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Map<String, Object>> statuses(List<String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            List<ParkedEvent> parked = stores.deadLetters().list(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("position", stores.checkpoints().load(name));
            m.put("degraded", !parked.isEmpty());
            m.put("parked", parked.size());
            m.put("firstParked", parked.isEmpty() ? 0 : parked.get(0).globalPosition());
            out.add(m);
        }
        return out;
    }

    @Override
    public List<Map<String, Object>> parked(String projection) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ParkedEvent p : stores.deadLetters().list(projection)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("globalPosition", p.globalPosition());
            m.put("streamId", p.streamId());
            m.put("version", p.version());
            m.put("type", p.type());
            try {
                m.put("payload", StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(p.payload())).toString());
            } catch (CharacterCodingException e) {
                m.put("payloadBase64", Base64.getEncoder().encodeToString(p.payload()));
            }
            m.put("errorClass", p.errorClass());
            m.put("errorMessage", p.errorMessage());
            m.put("attempts", p.attempts());
            m.put("parkedAt", p.parkedAt().toString());
            out.add(m);
        }
        return out;
    }

    @Override
    public Map<String, Object> retry(String projection) {
        throw new CliException("retry runs the projection's code, which only the service has: run it against the"
                + " running service (--url); with --store you can list (parked) and skip");
    }

    @Override
    public boolean skip(String projection, long position) {
        for (ParkedEvent p : stores.deadLetters().list(projection)) {
            if (p.globalPosition() == position) {
                return stores.deadLetters().remove(projection, p.streamId(), p.version());
            }
        }
        return false;
    }

    @Override
    public boolean skip(String projection, String streamId, long version) {
        return stores.deadLetters().remove(projection, streamId, version);
    }

    @Override
    public void close() {
        stores.close();
    }
}
