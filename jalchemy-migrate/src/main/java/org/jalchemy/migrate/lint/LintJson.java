package org.jalchemy.migrate.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jalchemy.migrate.MigrationError;

import java.util.List;

/**
 * A lint report as JSON, for CI annotations and editors:
 * <pre>{@code
 * {"dialect": "postgresql", "count": 1, "errors": 1, "warnings": 0, "advice": 0,
 *  "findings": [{"revision": "ae1027a6acf", "script": "R_ae1027a6acf_add_email", "line": 12, "opIndex": 0,
 *                "op": "drop column users.email", "rule": "drop-column", "severity": "error",
 *                "message": "...", "why": "...", "recipe": "...", "silence": "..."}],
 *  "silenced": [ ... same shape ... ]}
 * }</pre>
 * {@code line} is null when unknown; {@code count} is what fails a run (errors + warnings). Stateless.
 */
public final class LintJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LintJson() {
    }

    public static String format(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dialect", report.target().dialectName());
        root.put("count", report.count());
        root.put("errors", report.count(Severity.ERROR));
        root.put("warnings", report.count(Severity.WARNING));
        root.put("advice", report.count(Severity.ADVICE));
        add(root.putArray("findings"), report.findings());
        add(root.putArray("silenced"), report.silenced());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new MigrationError("Cannot write the lint report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void add(ArrayNode array, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode n = array.addObject();
            n.put("revision", f.revision());
            n.put("script", f.script());
            if (f.line() > 0) {
                n.put("line", f.line());
            } else {
                n.putNull("line");
            }
            n.put("opIndex", f.opIndex());
            n.put("op", f.op());
            n.put("rule", f.ruleId());
            n.put("severity", f.severity().label());
            n.put("dialect", f.dialect());
            n.put("message", f.message());
            n.put("why", f.why());
            n.put("recipe", f.recipe());
            n.put("silence", f.silence());
        }
    }
}
