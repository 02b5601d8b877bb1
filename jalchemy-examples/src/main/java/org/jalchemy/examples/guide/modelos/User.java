package org.jalchemy.examples.guide.modelos;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/**
 * Guide §4's {@code class User(Base)} (table {@code users}), used by chapters 4, 8 and 11. Public
 * fields, like the guide's Python attributes; the metamodel {@code User_} (written by the
 * annotation processor) gives typed columns for queries. {@code isActive} is §11's
 * {@code User.is_active}; its initial value is the client-side default.
 */
// tag::user[]
@Entity(table = "users")                                    // __tablename__ = 'users'
public class User {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)      // primary_key=True, autoincrement=True
    public Integer id;
    @Column(nullable = false, unique = true, length = 50)   // nullable=False, unique=True
    public String username;
    @Column(nullable = false, unique = true, length = 120)
    public String email;
    public boolean isActive = true;                         // column is_active, NOT NULL (a primitive)

    protected User() {                                      // the session builds loaded rows with it
    }

    public User(String username, String email) {
        this.username = username;
        this.email = email;
    }

    @Override
    public String toString() {                              // __repr__
        return "User(id=" + id + ", username=" + username + ", email=" + email + ")";
    }
}
// end::user[]
