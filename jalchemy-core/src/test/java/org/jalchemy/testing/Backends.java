package org.jalchemy.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live backends of this test run. Configured by environment variables:
 * <ul>
 *   <li>{@code JALCHEMY_TEST_BACKENDS}: comma-separated subset of {@code sqlite,postgresql,mariadb}
 *       (default: all three). A listed backend that is down makes its tests fail, never skip.</li>
 *   <li>{@code JALCHEMY_TEST_PG_URL} (default {@code postgresql://postgres@127.0.0.1:5432/DB}),
 *       {@code JALCHEMY_TEST_MARIADB_URL} (default {@code mariadb://root@127.0.0.1:3306/DB}),
 *       {@code JALCHEMY_TEST_SQLITE_URL} (default: a fresh file under {@code target/}).</li>
 *   <li>{@code DB}, the module's own database: the system property {@code jalchemy.test.database}
 *       that each module's pom sets (e.g. {@code test_orm}, so modules never see each other's
 *       tables), followed by {@code JALCHEMY_TEST_DB_SUFFIX} when set (two worktrees testing at
 *       once on one machine). {@code .ci/run} creates these databases; a default-URL database
 *       that is missing is created on first use as well.</li>
 * </ul>
 */
public final class Backends {
    private static final Map<String, Backend> ALL = new LinkedHashMap<>();

    static {
        String sqliteDefault = "sqlite:///" + Path.of("target", "jalchemy-test-" + ProcessHandle.current().pid() + ".db");
        ALL.put("sqlite", new Backend("sqlite", env("JALCHEMY_TEST_SQLITE_URL", sqliteDefault), null));
        String db = database();
        ALL.put("postgresql", new Backend("postgresql",
                env("JALCHEMY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/" + db),
                System.getenv("JALCHEMY_TEST_PG_URL") == null ? db : null));
        ALL.put("mariadb", new Backend("mariadb", env("JALCHEMY_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/" + db),
                System.getenv("JALCHEMY_TEST_MARIADB_URL") == null ? db : null));
    }

    private Backends() {
    }

    /** This module's test database name: {@code jalchemy.test.database} + {@code JALCHEMY_TEST_DB_SUFFIX}. */
    public static String database() {
        String base = System.getProperty("jalchemy.test.database", "test");
        return base + env("JALCHEMY_TEST_DB_SUFFIX", "");
    }

    private static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** The backends selected for this run, in the order sqlite, postgresql, mariadb. */
    public static List<Backend> enabled() {
        String sel = env("JALCHEMY_TEST_BACKENDS", "sqlite,postgresql,mariadb").toLowerCase(Locale.ROOT);
        List<Backend> out = new ArrayList<>();
        for (var e : ALL.entrySet()) {
            if (List.of(sel.split("\\s*,\\s*")).contains(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** One backend by name (whether enabled or not). */
    public static Backend get(String name) {
        return ALL.get(name);
    }
}
