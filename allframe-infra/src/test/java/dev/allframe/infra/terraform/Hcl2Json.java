package dev.allframe.infra.terraform;

import dev.allframe.infra.internal.MiniJson;
import dev.allframe.testkit.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HashiCorp's HCL parser (npm {@code @cdktf/hcl2json}, WASM) run through node, for modules whose provider is not
 * available offline. Installed once per machine into a cache under the temp directory with {@code npm install
 * --prefix}.
 */
final class Hcl2Json {
    static final String PACKAGE = "@cdktf/hcl2json@0.21.0";
    private static final String SCRIPT = """
            const {parse} = require('@cdktf/hcl2json');
            const fs = require('fs');
            (async () => {
              const out = {};
              for (const f of process.argv.slice(2)) out[require('path').basename(f)] = await parse(f, fs.readFileSync(f, 'utf8'));
              process.stdout.write(JSON.stringify(out));
            })().catch(e => { process.stderr.write(String(e && e.message || e)); process.exit(1); });
            """;

    private Hcl2Json() {
    }

    /** Parses files; fails the test with the parser's message if one is not valid HCL. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(List<Path> files) throws IOException, InterruptedException {
        Path node = Tools.require("node", "parse the generated GCP module with HashiCorp's HCL parser");
        Path npm = Tools.require("npm", "install " + PACKAGE);
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "allframe-npm", "cdktf-hcl2json-0.21.0");
        if (!Files.isDirectory(cache.resolve("node_modules/@cdktf/hcl2json"))) {
            Files.createDirectories(cache);
            Result r = exec(cache, List.of(npm.toString(), "install", "--prefix", cache.toString(), "--no-audit",
                    "--no-fund", "--loglevel=error", PACKAGE));
            if (r.exit != 0) {
                Tools.unavailable("npm could not install " + PACKAGE + ": " + r.output);
            }
        }
        Path script = cache.resolve("parse.cjs");
        Files.writeString(script, SCRIPT);
        List<String> cmd = new ArrayList<>(List.of(node.toString(), script.toString()));
        files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
        Result r = exec(cache, cmd);
        if (r.exit != 0) {
            throw new AssertionError("hcl2json rejected the files: " + r.output);
        }
        return (Map<String, Object>) MiniJson.parse(r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hcl2json", ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
