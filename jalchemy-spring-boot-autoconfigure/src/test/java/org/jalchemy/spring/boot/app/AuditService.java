package org.jalchemy.spring.boot.app;

import org.jalchemy.orm.Session;
import org.jalchemy.spring.boot.TransactionalSession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Inner transactional methods called from {@link AccountService} (through Spring's proxy). */
@Service
public class AuditService {
    private final Session session;
    private final JdbcTemplate jdbc;

    public AuditService(Session session, JdbcTemplate jdbc) {
        this.session = session;
        this.jdbc = jdbc;
    }

    // tag::propagation[]
    @Transactional(propagation = Propagation.REQUIRES_NEW)   // its own Session, connection and COMMIT
    public void logInNewTransaction(String message) {
        jdbc.update("INSERT INTO sb_audit (message) VALUES (?)", message);
    }

    @Transactional(propagation = Propagation.NESTED)         // a SAVEPOINT in the caller's Session
    public void failInNested(String owner) {
        session.add(new Account(owner, 20));
        session.flush();
        jdbc.update("INSERT INTO sb_audit (message) VALUES (?)", "nested " + owner);
        throw new IllegalStateException("inner fails");      // back to the SAVEPOINT; the caller goes on
    }
    // end::propagation[]

    @Transactional
    public void failInRequired() {
        throw new IllegalStateException("inner REQUIRED fails");
    }

    @Transactional
    public Session joinedSession() {
        return ((TransactionalSession) session).current();
    }

    @Transactional
    public java.sql.Connection jdbcConnection() {
        return session.connection().jdbc();
    }
}
