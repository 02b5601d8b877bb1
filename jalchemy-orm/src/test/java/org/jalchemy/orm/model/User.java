package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** Guide §4: {@code class User(Base): __tablename__ = 'users'}. (MariaDB needs VARCHAR lengths.) */
// tag::model[]
@Entity(table = "users")
public class User {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)
    public Integer id;
    @Column(nullable = false, unique = true, length = 50)
    public String username;
    @Column(nullable = false, unique = true, length = 120)
    public String email;

    protected User() {
    }

    public User(String username, String email) {
        this.username = username;
        this.email = email;
    }
    // end::model[]

    @Override
    public String toString() {
        return "User(id=" + id + ", username=" + username + ", email=" + email + ")";
    }
}
