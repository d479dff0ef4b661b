package dev.allframe.infra.terraform;

import dev.allframe.infra.internal.MiniJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What emitting would change in a directory: resources (and variables and outputs) added, changed or removed, and
 * the state of each generated file (missing, hand-edited since generation, outdated). Only AllFrame's files are
 * compared (those with its header, or with a generated file's name); a user's own {@code .tf} files and
 * {@code *_override.tf} files are left alone.
 *
 * @param changes address-level changes, sorted by address
 * @param files file-level findings, sorted by file name
 * @param diffs a line diff per file whose text differs ({@code ---}/{@code +++}, {@code -}/{@code +} lines)
 */
public record InfraPlan(List<Change> changes, List<FileState> files, Map<String, String> diffs) {
    /** Checks for nulls and copies. */
    public InfraPlan {
        changes = List.copyOf(changes);
        files = List.copyOf(files);
        diffs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diffs));
    }

    /** Kinds of change. */
    public enum Action {
        /** Generated but not on disk. */
        ADD,
        /** On disk with different content. */
        CHANGE,
        /** On disk (in an AllFrame file) but no longer generated. */
        REMOVE
    }

    /**
     * One change.
     *
     * @param action what would happen
     * @param address {@code aws_sqs_queue.orders}, {@code var.region}, {@code output.orders_url}
     */
    public record Change(Action action, String address) {
        /** Checks for nulls. */
        public Change {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(address, "address");
        }
    }

    /** States of a generated file on disk. */
    public enum Status {
        /** Same as generated. */
        UP_TO_DATE,
        /** Not on disk. */
        MISSING,
        /** Its header hash does not match its content: edited by hand since generation. */
        EDITED,
        /** Unedited but generated from another model or version. */
        OUTDATED,
        /** An AllFrame file on disk that is no longer generated. */
        OBSOLETE
    }

    /**
     * The state of one file.
     *
     * @param name the file name
     * @param status its state
     */
    public record FileState(String name, Status status) {
        /** Checks for nulls. */
        public FileState {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    /** @return whether the directory holds exactly what would be generated */
    public boolean inSync() {
        return files.stream().allMatch(f -> f.status() == Status.UP_TO_DATE);
    }

    /**
     * Compares generated files with a directory (which may be missing: then everything is added).
     *
     * @param generated the files {@link Terraform#emit} produced
     * @param dir the directory
     * @return the plan
     * @throws IOException if the directory cannot be read
     * @throws IllegalArgumentException if an AllFrame {@code .tf.json} file on disk is not valid JSON
     */
    public static InfraPlan compare(List<GeneratedFile> generated, Path dir) throws IOException {
        Map<String, String> onDisk = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!Files.isRegularFile(p) || !(name.endsWith(".tf") || name.endsWith(".tf.json"))
                            || name.endsWith("_override.tf") || name.endsWith("_override.tf.json")
                            || name.equals("override.tf") || name.equals("override.tf.json")) {
                        continue;
                    }
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    boolean ours = GeneratedFile.declaredHash(text).isPresent()
                            || generated.stream().anyMatch(g -> g.name().equals(name));
                    if (ours) {
                        onDisk.put(name, text);
                    }
                }
            }
        }
        List<FileState> states = new ArrayList<>();
        Map<String, String> diffs = new LinkedHashMap<>();
        Map<String, String> wanted = new TreeMap<>();
        Map<String, String> have = new TreeMap<>();
        for (GeneratedFile g : generated) {
            wanted.putAll(blocks(g.name(), g.content()));
            String text = onDisk.get(g.name());
            if (text == null) {
                states.add(new FileState(g.name(), Status.MISSING));
            } else if (GeneratedFile.hashedPart(text).equals(GeneratedFile.hashedPart(g.content()))) {
                // Only the header differs (the model was read from another path): same content, no drift.
                states.add(new FileState(g.name(), Status.UP_TO_DATE));
            } else {
                states.add(new FileState(g.name(), GeneratedFile.intact(text) ? Status.OUTDATED : Status.EDITED));
                diffs.put(g.name(), LineDiff.diff(g.name() + " (on disk)", text, g.name() + " (generated)",
                        g.content()));
            }
        }
        for (Map.Entry<String, String> e : onDisk.entrySet()) {
            have.putAll(blocks(e.getKey(), e.getValue()));
            if (generated.stream().noneMatch(g -> g.name().equals(e.getKey()))) {
                states.add(new FileState(e.getKey(), Status.OBSOLETE));
            }
        }
        states.sort((a, b) -> a.name().compareTo(b.name()));
        List<Change> changes = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(wanted.keySet());
        all.addAll(have.keySet());
        for (String address : all) {
            String w = wanted.get(address);
            String h = have.get(address);
            if (h == null) {
                changes.add(new Change(Action.ADD, address));
            } else if (w == null) {
                changes.add(new Change(Action.REMOVE, address));
            } else if (!w.equals(h)) {
                changes.add(new Change(Action.CHANGE, address));
            }
        }
        return new InfraPlan(changes, states, diffs);
    }

    /** Top-level blocks of a file by address, each with a canonical text to compare. */
    static Map<String, String> blocks(String name, String text) {
        return name.endsWith(".json") ? jsonBlocks(text) : hclBlocks(text);
    }

    private static Map<String, String> hclBlocks(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")
                    || line.startsWith("}")) {
                continue;
            }
            String address = hclAddress(line);
            StringBuilder block = new StringBuilder(line).append('\n');
            int j = i + 1;
            if (!line.endsWith("{}")) {
                while (j < lines.length && !lines[j].startsWith("}")) {
                    block.append(lines[j]).append('\n');
                    j++;
                }
            }
            if (address != null) {
                out.put(address, block.toString());
            }
            i = line.endsWith("{}") ? i : j;
        }
        return out;
    }

    private static String hclAddress(String line) {
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        while (m.find()) {
            labels.add(m.group(1));
        }
        String type = line.split("[ {]", 2)[0];
        return address(type, labels);
    }

    private static String address(String type, List<String> labels) {
        return switch (type) {
            case "resource" -> labels.size() == 2 ? labels.get(0) + "." + labels.get(1) : null;
            case "data" -> labels.size() == 2 ? "data." + labels.get(0) + "." + labels.get(1) : null;
            case "variable" -> labels.size() == 1 ? "var." + labels.get(0) : null;
            case "output" -> labels.size() == 1 ? "output." + labels.get(0) : null;
            case "provider" -> labels.size() == 1 ? "provider." + labels.get(0) : null;
            case "terraform" -> "terraform";
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> jsonBlocks(String text) {
        Object root;
        try {
            root = MiniJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Terraform JSON: " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (!(root instanceof Map<?, ?> map)) {
            return out;
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "resource", "data" -> {
                    if (v instanceof Map<?, ?> types) {
                        for (Map.Entry<String, Object> t : ((Map<String, Object>) types).entrySet()) {
                            if (t.getValue() instanceof Map<?, ?> names) {
                                for (Map.Entry<String, Object> n : ((Map<String, Object>) names).entrySet()) {
                                    out.put(address(e.getKey(), List.of(t.getKey(), n.getKey())),
                                            MiniJson.write(n.getValue()));
                                }
                            }
                        }
                    }
                }
                case "variable", "output", "provider" -> {
                    if (v instanceof Map<?, ?> names) {
                        for (Map.Entry<String, Object> n : ((Map<String, Object>) names).entrySet()) {
                            out.put(address(e.getKey(), List.of(n.getKey())), MiniJson.write(n.getValue()));
                        }
                    }
                }
                case "terraform" -> out.put("terraform", MiniJson.write(v));
                default -> {
                    // "//" comments and anything else are not addressable
                }
            }
        }
        return out;
    }

    /** @return a human summary: one line per change, then the file states and counts */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            sb.append(switch (c.action()) {
                case ADD -> "  + ";
                case CHANGE -> "  ~ ";
                case REMOVE -> "  - ";
            }).append(c.address()).append('\n');
        }
        for (FileState f : files) {
            if (f.status() != Status.UP_TO_DATE) {
                sb.append("  file ").append(f.name()).append(": ").append(switch (f.status()) {
                    case MISSING -> "missing";
                    case EDITED -> "edited by hand since it was generated";
                    case OUTDATED -> "out of date";
                    case OBSOLETE -> "no longer generated";
                    case UP_TO_DATE -> "up to date";
                }).append('\n');
            }
        }
        long add = count(Action.ADD);
        long change = count(Action.CHANGE);
        long remove = count(Action.REMOVE);
        sb.append(inSync() ? "No changes: the directory matches the code.\n"
                : "Plan: " + add + " to add, " + change + " to change, " + remove + " to remove.\n");
        return sb.toString();
    }

    /** @return the plan as JSON: {@code {"inSync":..,"changes":[{"action":"add","address":..}],"files":[..]}} */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("inSync", inSync());
        root.put("changes", changes.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
            m.put("address", c.address());
            return (Object) m;
        }).toList());
        root.put("files", files.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            return (Object) m;
        }).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("add", count(Action.ADD));
        summary.put("change", count(Action.CHANGE));
        summary.put("remove", count(Action.REMOVE));
        root.put("summary", summary);
        return MiniJson.write(root);
    }

    private long count(Action a) {
        return changes.stream().filter(c -> c.action() == a).count();
    }
}
