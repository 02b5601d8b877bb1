package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Lazy;

import java.util.ArrayList;
import java.util.List;

/** A write-only collection: events are appended and never loaded through the relationship. */
@Entity(table = "feeds")
public class Feed {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(lazy = Lazy.WRITE_ONLY)
    public List<Event> events = new ArrayList<>();

    protected Feed() {
    }

    public Feed(String name) {
        this.name = name;
    }

    /** One event of a feed. */
    @Entity(table = "feed_events")
    public static class Event {
        @Id
        public Integer id;
        @Column(length = 50)
        public String what;
        @ForeignKey("feeds.id")
        public Integer feedId;

        protected Event() {
        }

        public Event(String what) {
            this.what = what;
        }
    }
}
