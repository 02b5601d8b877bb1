package org.jalchemy.spring.boot.app;

import org.jalchemy.orm.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.jalchemy.orm.Orm.select;

/**
 * The acceptance app's service: the injected transactional {@link Session} and a
 * {@link JdbcTemplate} in the same {@code @Transactional} methods.
 */
// tag::service[]
@Service
public class AccountService {
    private final Session session;          // the Session of the current Spring transaction
    private final JdbcTemplate jdbc;        // same connection, same transaction
    private final AuditService audit;

    public AccountService(Session session, JdbcTemplate jdbc, AuditService audit) {
        this.session = session;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Account open(String owner, int balance) {
        Account a = new Account(owner, balance);
        session.add(a);
        session.flush();                    // INSERT now: the id is known, the JDBC row below sees it
        jdbc.update("INSERT INTO sb_audit (message) VALUES (?)", "opened " + a.id);
        return a;
    }

    @Transactional
    public void transfer(int from, int to, int amount) {
        Account a = session.get(Account.class, from).orElseThrow();
        Account b = session.get(Account.class, to).orElseThrow();
        a.balance -= amount;
        b.balance += amount;
        if (a.balance < 0) {
            throw new IllegalStateException("insufficient funds");   // rolls back both changes
        }
    }
// end::service[]

    @Transactional
    public void openThenFail(String owner) {
        session.add(new Account(owner, 1));
        jdbc.update("INSERT INTO sb_audit (message) VALUES (?)", "doomed " + owner);
        throw new IllegalStateException("boom");
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return session.scalars(select(Account.class)).all();
    }

    @Transactional(readOnly = true)
    public void writeInReadOnly(String owner) {
        jdbc.update("INSERT INTO sb_accounts (owner, balance) VALUES (?, 0)", owner);
    }

    /** REQUIRES_NEW: the audit row commits although this outer transaction then fails. */
    @Transactional
    public void auditThenFail(String owner) {
        audit.logInNewTransaction("attempt " + owner);
        session.add(new Account(owner, 1));
        session.flush();
        throw new IllegalStateException("outer fails");
    }

    /** NESTED: the inner failure rolls back to the SAVEPOINT; the outer work commits. */
    @Transactional
    public void openWithNestedFailure(String owner) {
        session.add(new Account(owner, 10));
        session.flush();
        try {
            audit.failInNested(owner + "-nested");
        } catch (IllegalStateException expected) {
            // the SAVEPOINT was rolled back; this transaction goes on
        }
    }

    /** REQUIRED inside REQUIRED: both see one Session and one connection. */
    @Transactional
    public boolean sameSessionAndConnection() {
        Session outer = ((org.jalchemy.spring.boot.TransactionalSession) session).current();
        java.sql.Connection outerJdbc = outer.connection().jdbc();
        return audit.joinedSession() == outer && audit.jdbcConnection() == outerJdbc;
    }

    /** The JdbcTemplate runs on the Session's JDBC connection. */
    @Transactional
    public boolean jdbcTemplateSharesConnection() throws java.sql.SQLException {
        java.sql.Connection mine = session.connection().jdbc();
        Boolean same = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                ((org.springframework.jdbc.datasource.ConnectionProxy) c).getTargetConnection() == mine);
        return Boolean.TRUE.equals(same);
    }

    /** The flush at commit fails (owner is NOT NULL): nothing of the transaction stays. */
    @Transactional
    public void openWithoutOwner() {
        jdbc.update("INSERT INTO sb_audit (message) VALUES (?)", "before the failing flush");
        session.add(new Account(null, 1));
    }

    @Transactional
    public void failInnerRequired(String owner) {
        session.add(new Account(owner, 3));
        try {
            audit.failInRequired();
        } catch (IllegalStateException expected) {
            // the shared transaction is now rollback-only
        }
    }
}
