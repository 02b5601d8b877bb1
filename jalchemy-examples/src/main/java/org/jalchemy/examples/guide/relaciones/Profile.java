package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;

/**
 * Guide §11.1's {@code Profile}, target of {@code User.profile = relationship("Profile",
 * lazy="select")}: one per user (a unique foreign key), so {@link User#profile} is one-to-one.
 * The relationship is declared on the user's side only, as in the guide.
 */
// tag::profile[]
@Entity(table = "profiles")
public class Profile {
    @Id
    public Integer id;
    @Column(length = 200)
    public String bio;
    @ForeignKey("users.id")
    @Column(unique = true)
    public Integer userId;

    protected Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }
}
// end::profile[]
