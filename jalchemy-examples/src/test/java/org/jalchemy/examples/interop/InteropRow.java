package org.jalchemy.examples.interop;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Enumerated;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.types.JsonType;
import org.jalchemy.types.TextType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A jalchemy entity over the table SQLAlchemy creates in {@code sqlalchemy_side.py}: plain Java
 * types, the three enum columns (native ENUM, VARCHAR + CHECK, VARCHAR) as one Java enum without a
 * TypeDecorator, {@link Enumerated} saying which form each is so that jalchemy's DDL is SQLAlchemy's. The {@code dtz} column is mapped by {@link InteropDtz}/{@link InteropDtzNaive}.
 */
@Entity(table = "interop_values")
public class InteropRow {
    public enum Mood { SAD, OK, HAPPY }

    @Id
    @Column(autoincrement = Column.Autoincrement.FALSE)
    public Integer id;
    public Short small;
    public Long big;
    @Column(precision = 38, scale = 10)
    public BigDecimal num;
    public Double flt;
    public Double dbl;
    @Column(length = 200)
    public String str;
    @Column(type = TextType.class)
    public String txt;
    public Boolean flag;
    public LocalDateTime dt;
    public LocalDate d;
    public LocalTime t;
    public byte[] blob;
    @Column(type = JsonType.class)                                            // JSON, any value
    public Object js;
    @Enumerated(name = "interop_mood", createConstraint = false)              // Enum(Mood, name="interop_mood")
    public Mood mood;
    @Enumerated(name = "ck_interop_mood", nativeEnum = false)                 // native_enum=False, create_constraint=True
    public Mood moodChk;
    @Enumerated(nativeEnum = false, createConstraint = false)                 // native_enum=False
    public Mood moodStr;

    /** A copy under another id. */
    InteropRow copy(int newId) {
        InteropRow r = new InteropRow();
        r.id = newId;
        r.small = small;
        r.big = big;
        r.num = num;
        r.flt = flt;
        r.dbl = dbl;
        r.str = str;
        r.txt = txt;
        r.flag = flag;
        r.dt = dt;
        r.d = d;
        r.t = t;
        r.blob = blob;
        r.js = js;
        r.mood = mood;
        r.moodChk = moodChk;
        r.moodStr = moodStr;
        return r;
    }
}
