package org.jalchemy.examples.orm;

import com.fasterxml.jackson.databind.JsonNode;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON fields without a TypeDecorator: jsonb on PostgreSQL, JSON on MariaDB, JSON text on SQLite. */
// tag::json-fields[]
@Entity(table = "profiles")
public class Profile {
    /** Stored as one JSON document; immutable, so only replacing it is a change. */
    public record Address(String city, String zip) {
    }

    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    public Map<String, Object> settings = new LinkedHashMap<>(); // in-place changes are detected at flush
    public List<String> tags = new ArrayList<>();
    public Address address;
    public JsonNode extra;
    // end::json-fields[]

    protected Profile() {
    }

    public Profile(String name) {
        this.name = name;
    }
}
