package org.jalchemy.benchmarks.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boot workload's two models (jalchemy and Hibernate) are the generator's output, unedited:
 * rerun {@code BootModel} when this fails. And they are the same model: 50 entities a side.
 */
class BootModelTest {

    @Test
    void theCheckedInEntitiesAreWhatTheGeneratorWrites() throws Exception {
        Path root = Path.of("src/main/java");
        Map<String, String> sources = BootModel.sources();
        assertThat(sources).hasSize(2 * BootModel.ENTITIES + 2);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            assertThat(Files.readString(root.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(org.jalchemy.benchmarks.boot.jalchemy.Model.CLASSES).hasSize(BootModel.ENTITIES);
        assertThat(org.jalchemy.benchmarks.boot.hibernate.Model.CLASSES).hasSize(BootModel.ENTITIES);
    }

    @Test
    void everyTableButTheFirstReferencesTheOneBefore() {
        String[] ddl = BootModel.ddl(false, false);
        assertThat(ddl).hasSize(BootModel.ENTITIES);
        assertThat(ddl[0]).startsWith("CREATE TABLE bt_e01 ").doesNotContain("REFERENCES");
        assertThat(ddl[49]).startsWith("CREATE TABLE bt_e50 ").contains("parent_id INTEGER REFERENCES bt_e49 (id)");
    }
}
