package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A relationship to another entity (SQLAlchemy's {@code relationship()}), on a field that is not
 * a column: a collection ({@code List<Post>}, {@code Set<Course>}) or a single entity
 * ({@code User author}).
 *
 * <p>The direction comes from the field and the foreign keys: a collection whose target has a
 * foreign key to this entity's table is one-to-many; a single reference whose own entity holds the
 * foreign key is many-to-one, otherwise one-to-one (the target holds the foreign key, as in
 * SQLAlchemy's {@code uselist=False}); {@link #secondary} makes it many-to-many. Only
 * single-column foreign keys are supported.
 *
 * <p><b>Java cannot intercept a plain field read or write.</b> So: collections are replaced by the
 * session with its own {@code List}/{@code Set}, which loads on first access and keeps the other
 * side in sync at once; a single-valued reference is a plain field, which the session fills when it
 * loads the object (batched for a whole result, identity map first: see {@link Lazy#SELECT}), and
 * whose assignment ({@code post.author = ana}) the session sees at the next flush or autoflush;
 * a {@code Ref<User>} field is the opt-in for a reference that loads on access.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
    /** The field on the target entity that is the other side of this relationship; both sides name each other. */
    String backPopulates() default "";

    /**
     * Declares the other side from here: the target's field with this name becomes the inverse
     * relationship. The field must exist on the target (Java cannot add fields) and carry no
     * {@code @Relationship} of its own.
     */
    String backref() default "";

    /** The association table of a many-to-many relationship; declared in the registry's MetaData automatically. */
    String secondary() default "";

    /**
     * The association table's two columns: the one referencing this entity's key, then the one
     * referencing the target's. Default: {@code <entity>_<key column>} for each side, e.g.
     * {@code student_id}, {@code course_id}.
     */
    String[] secondaryColumns() default {};

    /**
     * The foreign-key attribute (field name) that joins the two entities, on whichever side holds it.
     * Needed only when there are several foreign keys between the two tables.
     */
    String foreignKey() default "";

    /**
     * For self-referential relationships (adjacency lists): the attribute on the remote side, as in
     * SQLAlchemy's {@code remote_side}. {@code remoteSide = "id"} on a single reference makes it
     * many-to-one (the parent); a collection is always one-to-many (the children).
     */
    String remoteSide() default "";

    /** Which session operations propagate along this relationship. Default: save-update and merge. */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /** Rely on the database's {@code ON DELETE CASCADE}: deleting the parent does not load unloaded children. */
    boolean passiveDeletes() default false;

    /** The default loader strategy; queries override it with loader options ({@code selectinload(User_.posts)}). */
    Lazy lazy() default Lazy.SELECT;

    /** Order of a collection: attribute names of the target, each optionally followed by {@code " desc"}. */
    String[] orderBy() default {};

    /**
     * Extra criteria on the target, each {@code "attribute=value"} (the value converted to the
     * attribute's type), ANDed to the join condition. Such a relationship is usually
     * {@link #viewonly}.
     */
    String[] where() default {};

    /** Loads only: the flush writes nothing for this relationship (no foreign keys, no association rows). */
    boolean viewonly() default false;

    /** Loader strategies (SQLAlchemy's {@code lazy=}). */
    enum Lazy {
        /**
         * Collections and {@code Ref} fields: loaded by one SELECT on first access. Plain single
         * references: loaded with the object that holds them — once per result, by one {@code IN}
         * query for all the keys the identity map does not already hold (a plain field cannot load
         * on access).
         */
        SELECT,
        /** Loaded in the same statement as the parent, by a LEFT OUTER JOIN; parent rows are de-duplicated. */
        JOINED,
        /** Loaded after the parents, by one {@code SELECT ... WHERE fk IN (...)} per chunk of 1000 parents. */
        SELECTIN,
        /** Not loaded; accessing the collection raises, naming the attribute and the loader option to use. */
        RAISE,
        /** Not loaded: the collection starts empty, the reference null. */
        NOLOAD,
        /** A collection that is only written (add/remove) and never loaded; reading it raises. */
        WRITE_ONLY
    }

    /** Session operations that follow a relationship (SQLAlchemy's {@code cascade=}). */
    enum Cascade {
        /** {@code add} of the parent adds the related objects (and flush adds objects found later). */
        SAVE_UPDATE,
        /** {@code merge} merges the related objects too. */
        MERGE,
        /** {@code expunge} expunges them too. */
        EXPUNGE,
        /** {@code delete} of the parent deletes them too. */
        DELETE,
        /** A child removed from the collection (or whose parent is gone) is deleted. */
        DELETE_ORPHAN,
        /** {@code refresh}/{@code expire} of the parent reaches them too. */
        REFRESH_EXPIRE,
        /** SAVE_UPDATE, MERGE, EXPUNGE, DELETE and REFRESH_EXPIRE (not DELETE_ORPHAN), as in SQLAlchemy. */
        ALL
    }
}
