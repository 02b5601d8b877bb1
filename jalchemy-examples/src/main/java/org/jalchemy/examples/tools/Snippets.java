package org.jalchemy.examples.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the Java code in README.md and docs/ identical to regions of example sources that compile
 * and run in CI. A Markdown file marks a code block as a snippet with a comment on the line
 * before it:
 * <pre>
 * &lt;!-- snippet: jalchemy-examples/src/main/java/org/jalchemy/examples/Demo.java#create-engine --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 * and the source marks the region with {@code // tag::create-engine[]} and
 * {@code // end::create-engine[]} lines. {@link #check} lists every difference (the docs test
 * fails on any) and every Java block without a marker; {@link #sync} rewrites the blocks from the
 * sources ({@code ./dev docs}).
 */
public final class Snippets {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*([^#\\s]+)#([\\w.-]+)\\s*-->");

    private Snippets() {
    }

    /** A problem found by {@link #check}. */
    public record Problem(Path doc, int line, String message) {
        @Override
        public String toString() {
            return doc + ":" + line + ": " + message;
        }
    }

    /** Markdown files that may hold snippets: README.md and everything under docs/. */
    public static List<Path> documents(Path root) {
        List<Path> out = new ArrayList<>();
        Path readme = root.resolve("README.md");
        if (Files.exists(readme)) {
            out.add(readme);
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.walk(docs)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The tagged region of {@code source}, dedented; raises if the tag is missing. */
    public static String region(Path root, String source, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(source));
        } catch (IOException e) {
            throw new IllegalArgumentException("snippet source not found: " + source, e);
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (t.equals("// end::" + tag + "[]") && start >= 0) {
                end = i;
                break;
            }
        }
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no region '" + tag + "' (// tag::" + tag + "[] ... // end::" + tag
                    + "[]) in " + source);
        }
        List<String> body = lines.subList(start, end);
        int indent = Integer.MAX_VALUE;
        for (String l : body) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(Math.min(indent, l.length()))).append('\n');
        }
        return sb.toString();
    }

    /** Every stale snippet and every unmarked Java block in the documents under {@code root}. */
    public static List<Problem> check(Path root) {
        List<Problem> problems = new ArrayList<>();
        for (Path doc : documents(root)) {
            process(root, doc, problems, false);
        }
        return problems;
    }

    /** Rewrites every marked block from its source; returns the number of blocks changed. */
    public static int sync(Path root) {
        int changed = 0;
        for (Path doc : documents(root)) {
            changed += process(root, doc, new ArrayList<>(), true);
        }
        return changed;
    }

    private static int process(Path root, Path doc, List<Problem> problems, boolean write) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>(lines.size());
        int changed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            boolean fence = line.trim().startsWith("```java");
            if (!fence) {
                continue;
            }
            Matcher m = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).trim().startsWith("```")) {
                close++;
            }
            String current = String.join("\n", lines.subList(i + 1, close)) + (close > i + 1 ? "\n" : "");
            if (m == null || !m.find()) {
                problems.add(new Problem(doc, i + 1, "Java code block without a '<!-- snippet: path#tag -->' marker"));
                out.addAll(lines.subList(i + 1, Math.min(close + 1, lines.size())));
            } else {
                String wanted;
                try {
                    wanted = region(root, m.group(1), m.group(2));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(doc, i, e.getMessage()));
                    out.addAll(lines.subList(i + 1, Math.min(close + 1, lines.size())));
                    i = close;
                    continue;
                }
                if (!wanted.equals(current)) {
                    problems.add(new Problem(doc, i + 1, "snippet " + m.group(1) + "#" + m.group(2)
                            + " differs from its source; run ./dev docs"));
                    changed++;
                }
                out.addAll(List.of(wanted.split("\n", -1)).subList(0, wanted.split("\n", -1).length - 1));
                if (close < lines.size()) {
                    out.add(lines.get(close));
                }
            }
            i = close;
        }
        if (write && changed > 0) {
            try {
                Files.writeString(doc, String.join("\n", out) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return changed;
    }

    /** {@code ./dev docs}: refresh every snippet from its source. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int n = sync(root);
        List<Problem> left = check(root);
        System.out.println("Refreshed " + n + " snippet(s).");
        left.forEach(p -> System.out.println("  " + p));
        if (!left.isEmpty()) {
            System.exit(1);
        }
    }
}
