package org.jalchemy.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate mappings of the benchmark tables (see {@code Tables}). Ids are assigned by the
 * benchmark: Hibernate turns JDBC batching off for IDENTITY ids, and bulk_inserts measures it
 * with {@code hibernate.jdbc.batch_size}, as the issue asks.
 */
final class Entities {
    private Entities() {
    }

    @Entity(name = "LrCustomer")
    @Table(name = "lr_customer")
    public static class LrCustomer {
        @Id
        Integer id;
        String name;
        String description;
    }

    @Entity(name = "BiCustomer")
    @Table(name = "bi_customer")
    public static class BiCustomer {
        @Id
        Integer id;
        String name;
        String description;

        protected BiCustomer() {
        }

        BiCustomer(Integer id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }
    }

    @Entity(name = "SsCustomer")
    @Table(name = "ss_customer")
    public static class SsCustomer {
        @Id
        Integer id;
        String name;
        String description;
        Integer q;
        Integer p;
        Integer x;
        Integer y;
        Integer z;
    }

    @Entity(name = "MmCustomer")
    @Table(name = "mm_customer")
    public static class MmCustomer {
        @Id
        Integer id;
        String name;
        String description;
        Integer q;
        Integer p;
        Integer x;
        Integer y;
        Integer z;
    }

    @Entity(name = "LdParent")
    @Table(name = "ld_parent")
    public static class LdParent {
        @Id
        Integer id;
        String name;
        @OneToMany(mappedBy = "parent")
        @OrderBy("id")
        List<LdChild> children = new ArrayList<>();
    }

    @Entity(name = "LdChild")
    @Table(name = "ld_child")
    public static class LdChild {
        @Id
        Integer id;
        String name;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "parent_id")
        LdParent parent;
    }
}
