package org.jalchemy.cache.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact binary form of cached rows and of the values that key them: one tag byte per value,
 * then its bytes (variable-length integers, UTF-8 strings, epoch-based dates). Only the value
 * classes a jalchemy type reads are supported — null, Boolean, Byte, Short, Integer, Long, Float,
 * Double, BigDecimal, BigInteger, String, Character, byte[], UUID, LocalDate, LocalTime,
 * LocalDateTime, OffsetDateTime, Instant, Java enums, and the List/Map trees of JSON columns —
 * never Java serialisation of arbitrary objects: anything else raises {@link Unsupported}, and
 * the statement is then not cached.
 *
 * <p>Stateless and thread-safe; enum classes named in entries are resolved once and remembered
 * (with this class's class loader, or the thread's context loader).
 */
public final class RowCodec {
    private static final byte NULL = 0, TRUE = 1, FALSE = 2, INT = 3, LONG = 4, SHORT = 5, BYTE = 6, DOUBLE = 7,
            FLOAT = 8, STRING = 9, DECIMAL = 10, BIGINT = 11, BYTES = 12, DATE = 13, TIME = 14, DATETIME = 15,
            OFFSET_DATETIME = 16, INSTANT = 17, UUID_ = 18, ENUM = 19, LIST = 20, MAP = 21, CHAR = 22;

    private static final ConcurrentHashMap<String, Class<?>> ENUMS = new ConcurrentHashMap<>();

    private RowCodec() {
    }

    /** A value of a class the codec does not write. */
    public static final class Unsupported extends RuntimeException {
        public Unsupported(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /** A growable byte buffer with the codec's primitive writers. */
    public static final class Out {
        private byte[] buf;
        private int len;

        public Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        public void writeByte(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        public void writeVarLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        public void writeZigZag(long v) {
            writeVarLong((v << 1) ^ (v >> 63));
        }

        public void writeLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (i * 8));
            }
        }

        public void writeBytes(byte[] b) {
            writeVarLong(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        public void writeString(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        public byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    /** A reader over one encoded array. */
    public static final class In {
        private final byte[] buf;
        private int pos;

        public In(byte[] buf) {
            this.buf = buf;
        }

        public int readByte() {
            return buf[pos++];
        }

        public long readVarLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        public long readZigZag() {
            long v = readVarLong();
            return (v >>> 1) ^ -(v & 1);
        }

        public long readLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        public byte[] readBytes() {
            int n = (int) readVarLong();
            byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        /** Skips a length-prefixed byte string. */
        public void skipBytes() {
            int n = (int) readVarLong();
            pos += n;
        }

        public String readString() {
            int n = (int) readVarLong();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        public boolean atEnd() {
            return pos >= buf.length;
        }
    }

    /** Writes one value; raises {@link Unsupported} for a class outside the list above. */
    public static void write(Out out, Object v) {
        switch (v) {
            case null -> out.writeByte(NULL);
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Integer i -> {
                out.writeByte(INT);
                out.writeZigZag(i);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeZigZag(l);
            }
            case String s -> {
                out.writeByte(STRING);
                out.writeString(s);
            }
            case Short s -> {
                out.writeByte(SHORT);
                out.writeZigZag(s);
            }
            case Byte b -> {
                out.writeByte(BYTE);
                out.writeZigZag(b);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToRawLongBits(d));
            }
            case Float f -> {
                out.writeByte(FLOAT);
                out.writeLong(Float.floatToRawIntBits(f));
            }
            case BigDecimal d -> {
                out.writeByte(DECIMAL);
                out.writeZigZag(d.scale());
                out.writeBytes(d.unscaledValue().toByteArray());
            }
            case BigInteger i -> {
                out.writeByte(BIGINT);
                out.writeBytes(i.toByteArray());
            }
            case byte[] b -> {
                out.writeByte(BYTES);
                out.writeBytes(b);
            }
            case Character c -> {
                out.writeByte(CHAR);
                out.writeVarLong(c);
            }
            case UUID u -> {
                out.writeByte(UUID_);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case LocalDate d -> {
                out.writeByte(DATE);
                out.writeZigZag(d.toEpochDay());
            }
            case LocalTime t -> {
                out.writeByte(TIME);
                out.writeVarLong(t.toNanoOfDay());
            }
            case LocalDateTime t -> {
                out.writeByte(DATETIME);
                out.writeZigZag(t.toLocalDate().toEpochDay());
                out.writeVarLong(t.toLocalTime().toNanoOfDay());
            }
            case OffsetDateTime t -> {
                out.writeByte(OFFSET_DATETIME);
                out.writeZigZag(t.toEpochSecond());
                out.writeVarLong(t.getNano());
                out.writeZigZag(t.getOffset().getTotalSeconds());
            }
            case Instant t -> {
                out.writeByte(INSTANT);
                out.writeZigZag(t.getEpochSecond());
                out.writeVarLong(t.getNano());
            }
            case Enum<?> e -> {
                out.writeByte(ENUM);
                out.writeString(e.getDeclaringClass().getName());
                out.writeString(e.name());
            }
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeVarLong(list.size());
                for (Object o : list) {
                    write(out, o);
                }
            }
            case Map<?, ?> map -> {
                out.writeByte(MAP);
                out.writeVarLong(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(out, e.getKey());
                    write(out, e.getValue());
                }
            }
            default -> throw new Unsupported(v.getClass());
        }
    }

    /** Reads one value written by {@link #write}. */
    public static Object read(In in) {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INT -> (int) in.readZigZag();
            case LONG -> in.readZigZag();
            case STRING -> in.readString();
            case SHORT -> (short) in.readZigZag();
            case BYTE -> (byte) in.readZigZag();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case FLOAT -> Float.intBitsToFloat((int) in.readLong());
            case DECIMAL -> {
                int scale = (int) in.readZigZag();
                yield new BigDecimal(new BigInteger(in.readBytes()), scale);
            }
            case BIGINT -> new BigInteger(in.readBytes());
            case BYTES -> in.readBytes();
            case CHAR -> (char) in.readVarLong();
            case UUID_ -> new UUID(in.readLong(), in.readLong());
            case DATE -> LocalDate.ofEpochDay(in.readZigZag());
            case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
            case DATETIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readZigZag()), LocalTime.ofNanoOfDay(in.readVarLong()));
            case OFFSET_DATETIME -> {
                long sec = in.readZigZag();
                int nano = (int) in.readVarLong();
                ZoneOffset off = ZoneOffset.ofTotalSeconds((int) in.readZigZag());
                yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(sec, nano), off);
            }
            case INSTANT -> Instant.ofEpochSecond(in.readZigZag(), in.readVarLong());
            case ENUM -> enumValue(in.readString(), in.readString());
            case LIST -> {
                int n = (int) in.readVarLong();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(read(in));
                }
                yield l;
            }
            case MAP -> {
                int n = (int) in.readVarLong();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(read(in), read(in));
                }
                yield m;
            }
            default -> throw new IllegalStateException("corrupt cache entry: unknown value tag " + tag);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String className, String name) {
        Class<?> c = ENUMS.computeIfAbsent(className, RowCodec::loadEnum);
        return Enum.valueOf((Class) c, name);
    }

    private static Class<?> loadEnum(String name) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), RowCodec.class.getClassLoader()};
        for (ClassLoader l : loaders) {
            if (l == null) {
                continue;
            }
            try {
                return Class.forName(name, false, l);
            } catch (ClassNotFoundException e) {
                // next loader
            }
        }
        throw new IllegalStateException("cache entry names enum " + name + ", which is not on the class path");
    }
}
