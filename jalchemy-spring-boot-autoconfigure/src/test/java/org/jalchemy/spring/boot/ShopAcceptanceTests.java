package org.jalchemy.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.spring.boot.app.Account;
import org.jalchemy.spring.boot.app.AccountService;
import org.jalchemy.spring.boot.app.ShopApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acceptance application ({@link ShopApplication}) booted with {@code @SpringBootTest} on one
 * backend per subclass: migrations ran at boot, {@code @Transactional} commit and rollback,
 * propagation (REQUIRED joins, REQUIRES_NEW commits on its own, NESTED rolls back to a SAVEPOINT,
 * read-only refuses writes), JdbcTemplate on the Session's connection, metrics and health visible,
 * and transactions on virtual threads ({@code spring.threads.virtual.enabled=true}).
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
        "spring.threads.virtual.enabled=true",
        "management.endpoints.web.exposure.include=health,metrics"})
@ExtendWith(SpringBackends.class)
@DisplayNameGeneration(BackendDisplayNames.class)
abstract class ShopAcceptanceTests {
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Engine engine;
    @Autowired SessionFactory sessionFactory;
    @Autowired Session session;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired DataSource dataSource;
    @Autowired MeterRegistry meters;
    @Autowired HealthContributor jalchemyHealthContributor;

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM sb_audit");
        jdbc.update("DELETE FROM sb_accounts");
    }

    /** Every test gives back every connection it used, whatever path its transactions took. */
    @org.junit.jupiter.api.AfterEach
    void noConnectionLeftCheckedOut() {
        assertThat(engine.poolStatus().checkedOut()).as("connections still checked out: %s", engine.poolStatus()).isZero();
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private List<String> audit() {
        return jdbc.queryForList("SELECT message FROM sb_audit ORDER BY id", String.class);
    }

    @Test
    void autoConfigurationWiresEngineOnTheApplicationDataSource() {
        assertThat(transactionManager).isInstanceOf(JalchemyTransactionManager.class);
        assertThat(engine.externalDataSource()).isSameAs(dataSource);
        assertThat(engine.dialect().name()).isIn("sqlite", "postgresql", "mysql", "mariadb");
        assertThat(session).isInstanceOf(TransactionalSession.class);
    }

    @Test
    void migrationsRanAtBoot() {
        String version = jdbc.queryForObject("SELECT version_num FROM alembic_version", String.class);
        assertThat(version).isEqualTo("5b0c1d2e3f40");
    }

    @Test
    void transactionalMethodCommitsSessionAndJdbcWork() {
        Account a = accounts.open("ana", 100);
        assertThat(a.id).isNotNull();
        assertThat(count("sb_accounts")).isEqualTo(1);
        assertThat(audit()).containsExactly("opened " + a.id);
    }

    @Test
    void exceptionRollsBackSessionAndJdbcWork() {
        assertThatThrownBy(() -> accounts.openThenFail("bob")).isInstanceOf(IllegalStateException.class);
        assertThat(count("sb_accounts")).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void failedTransferRollsBackBothAccounts() {
        Account a = accounts.open("a", 10);
        Account b = accounts.open("b", 0);
        accounts.transfer(a.id, b.id, 4);
        assertThatThrownBy(() -> accounts.transfer(a.id, b.id, 50)).hasMessage("insufficient funds");
        assertThat(accounts.all()).extracting(x -> x.owner + "=" + x.balance).containsExactlyInAnyOrder("a=6", "b=4");
    }

    @Test
    void requiredJoinsOneSessionAndConnection() {
        assertThat(accounts.sameSessionAndConnection()).isTrue();
    }

    @Test
    void jdbcTemplateRunsOnTheSessionConnection() throws Exception {
        assertThat(accounts.jdbcTemplateSharesConnection()).isTrue();
    }

    @Test
    void requiresNewCommitsAlthoughOuterRollsBack() {
        assertThatThrownBy(() -> accounts.auditThenFail("carl")).hasMessage("outer fails");
        assertThat(audit()).containsExactly("attempt carl");
        assertThat(count("sb_accounts")).isZero();
    }

    @Test
    void nestedRollsBackToSavepointAndOuterCommits() {
        accounts.openWithNestedFailure("dana");
        assertThat(accounts.all()).extracting(x -> x.owner).containsExactly("dana");
        assertThat(audit()).isEmpty();
    }

    @Test
    void flushFailingAtCommitRaisesSpringsDataAccessExceptionAndKeepsNothing() {
        assertThatThrownBy(() -> accounts.openWithoutOwner())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .cause().isInstanceOf(org.jalchemy.exc.IntegrityError.class);
        assertThat(count("sb_accounts")).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void failedInnerRequiredMarksTheWholeTransactionRollbackOnly() {
        assertThatThrownBy(() -> accounts.failInnerRequired("eve")).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(count("sb_accounts")).isZero();
    }

    @Test
    void readOnlyTransactionRefusesWritesAndNeverCommits() {
        if (engine.dialect().name().equals("sqlite")) {
            accounts.writeInReadOnly("mallory"); // sqlite-jdbc has no read-only transactions: the write is rolled back
        } else {
            assertThatThrownBy(() -> accounts.writeInReadOnly("mallory"))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        }
        assertThat(count("sb_accounts")).isZero();
    }

    @Test
    void injectedSessionOutsideATransactionSaysSo() {
        assertThatThrownBy(() -> session.add(new Account("x", 1))).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("@Transactional");
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> session.commit()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("transaction manager");
    }

    @Test
    void transactionTemplateSetRollbackOnlyDiscardsWork() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            session.add(new Account("tmp", 1));
            session.flush();
            status.setRollbackOnly();
        });
        assertThat(count("sb_accounts")).isZero();
    }

    @Test
    void transactionsOnVirtualThreadsEachGetTheirOwnSession() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Account>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "v" + i;
                opened.add(pool.submit(() -> accounts.open(owner, 1)));
            }
            for (Future<Account> f : opened) {
                assertThat(f.get().id).isNotNull();
            }
        }
        assertThat(count("sb_accounts")).isEqualTo(4);
        assertThat(count("sb_audit")).isEqualTo(4);
    }

    @Test
    void metricsAreBoundToTheApplicationRegistry() {
        accounts.open("m", 1);
        assertThat(meters.find("jalchemy.statements").timers()).isNotEmpty();
        assertThat(meters.find("jalchemy.pool.connections.active").gauge()).isNotNull();
    }

    @Test
    void healthIsUp() {
        var health = ((HealthIndicator) jalchemyHealthContributor).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("pool");
    }
}
