package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Writes new revision scripts (Alembic's {@code script.py.mako} and {@code ScriptDirectory.generate_revision}):
 * a {@code .java} file named {@code R_<rev>_<slug>.java} in the versions directory, declaring the
 * class of the same name in the configured package, with the upgrade and downgrade bodies given
 * (rendered by autogenerate, or a placeholder comment).
 */
public final class ScriptWriter {
    private ScriptWriter() {
    }

    /** A new revision id: 12 hexadecimal characters, as Alembic makes them. */
    public static String newRevisionId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return hex.substring(hex.length() - 12);
    }

    /** The class name for a revision: {@code R_<rev>_<slug of message>}. */
    public static String className(String rev, String message) {
        String slug = message == null ? "" : message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("_+$", "");
        }
        return "R_" + rev + (slug.isEmpty() ? "" : "_" + slug);
    }

    /** What a new script says. {@code downRevisions} empty for a root, several for a merge. */
    public record Spec(String packageName, String revision, List<String> downRevisions, Set<String> branchLabels,
                       List<String> dependsOn, String message, String upgradeBody, String downgradeBody) {
    }

    /** Writes the script into {@code versionsDirectory}; raises when the file exists. */
    public static Path write(Path versionsDirectory, Spec spec) {
        String cls = className(spec.revision(), spec.message());
        Path file = versionsDirectory.resolve(cls + ".java");
        if (Files.exists(file)) {
            throw new MigrationError("Revision script " + file + " exists already");
        }
        try {
            Files.createDirectories(versionsDirectory);
            Files.writeString(file, source(cls, spec));
        } catch (IOException e) {
            throw new MigrationError("Cannot write revision script " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The Java source of the script. */
    public static String source(String cls, Spec spec) {
        StringBuilder sb = new StringBuilder();
        if (spec.packageName() != null && !spec.packageName().isBlank()) {
            sb.append("package ").append(spec.packageName()).append(";\n\n");
        }
        sb.append("""
                import org.jalchemy.migrate.Migration;
                import org.jalchemy.migrate.Ops;
                import org.jalchemy.migrate.ops.ConstraintDef;

                import java.util.List;
                import java.util.Map;
                import java.util.Set;

                import static org.jalchemy.migrate.Ddl.*;
                import static org.jalchemy.types.SqlTypes.*;

                """);
        sb.append("/**\n * ").append(javadoc(spec.message().isBlank() ? "(no message)" : spec.message())).append("\n *\n");
        sb.append(" * Revision ID: ").append(spec.revision()).append('\n');
        sb.append(" * Revises: ").append(spec.downRevisions().isEmpty() ? "" : String.join(", ", spec.downRevisions())).append('\n');
        sb.append(" * Create Date: ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))).append('\n');
        sb.append(" */\n");
        sb.append("public final class ").append(cls).append(" implements Migration {\n");
        sb.append("    @Override\n    public String revision() {\n        return ").append(lit(spec.revision())).append(";\n    }\n\n");
        if (spec.downRevisions().size() == 1) {
            sb.append("    @Override\n    public String downRevision() {\n        return ")
                    .append(lit(spec.downRevisions().get(0))).append(";\n    }\n\n");
        } else if (spec.downRevisions().size() > 1) {
            sb.append("    @Override\n    public List<String> downRevisions() {\n        return List.of(")
                    .append(String.join(", ", spec.downRevisions().stream().map(ScriptWriter::lit).toList())).append(");\n    }\n\n");
        }
        if (!spec.branchLabels().isEmpty()) {
            sb.append("    @Override\n    public Set<String> branchLabels() {\n        return Set.of(")
                    .append(String.join(", ", spec.branchLabels().stream().sorted().map(ScriptWriter::lit).toList())).append(");\n    }\n\n");
        }
        if (!spec.dependsOn().isEmpty()) {
            sb.append("    @Override\n    public List<String> dependsOn() {\n        return List.of(")
                    .append(String.join(", ", spec.dependsOn().stream().map(ScriptWriter::lit).toList())).append(");\n    }\n\n");
        }
        sb.append("    @Override\n    public String message() {\n        return ").append(lit(spec.message())).append(";\n    }\n\n");
        sb.append("    @Override\n    public void upgrade(Ops op) {\n").append(body(spec.upgradeBody())).append("    }\n\n");
        sb.append("    @Override\n    public void downgrade(Ops op) {\n").append(body(spec.downgradeBody())).append("    }\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static String body(String b) {
        if (b == null || b.isBlank()) {
            return "        // write the operations here, e.g. op.addColumn(\"users\", column(\"email\", string(120)));\n";
        }
        return b.endsWith("\n") ? b : b + "\n";
    }

    private static String javadoc(String s) {
        return s.replace("*/", "* /").replace("\n", "\n * ");
    }

    /** A Java string literal. */
    public static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
