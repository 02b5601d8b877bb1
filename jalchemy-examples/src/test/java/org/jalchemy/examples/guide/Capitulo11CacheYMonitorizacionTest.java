package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.Capitulo04ModelosTest.dropAll;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** Guide §11.3/§11.5: the users list cached in Redis (127.0.0.1:6379) and invalidated by a commit; meters printed. */
class Capitulo11CacheYMonitorizacionTest {

    @BackendTest
    void usersListIsCachedInRedisAndInvalidatedByTheCommit(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo11CacheYMonitorizacion.run(engine));
            assertThat(out).contains("  primera vez: [user1, user2, user3, user4]\n")
                    .contains("  segunda vez: [user1, user2, user3, user4] CacheStats[hits=1, misses=1, puts=1, errors=0")
                    .contains("  tras el commit: [user1, user3, user4]\n")
                    .contains("  Core: [user1, user2, user3, user4, user5]\n")
                    .containsPattern("jalchemy.cache.gets engine=\\S+ region=users result=hit count=1\\b")
                    .containsPattern("jalchemy.cache.gets engine=\\S+ region=users result=miss count=3\\b")
                    .containsPattern("jalchemy.orm.objects.loaded engine=\\S+ entity=User count=")
                    .containsPattern("jalchemy.statements engine=\\S+ operation=select shape=[0-9a-f]{8} table=users count=")
                    .contains("jalchemy.pool.connections.active");
        } finally {
            dropAll(engine);
        }
    }

    @Test
    void theGrafanaFreeExampleRunsOnSqliteWithTheInProcessCache(@TempDir Path dir) {
        String out = capture(() -> Capitulo11CacheYMonitorizacion.main(
                new String[]{"sqlite:///" + dir.resolve("cap11.db")}));
        assertThat(out).contains("  tras el commit: [user1, user3, user4]\n").contains("jalchemy.statements ");
    }
}
