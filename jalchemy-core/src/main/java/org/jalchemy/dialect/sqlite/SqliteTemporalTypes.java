package org.jalchemy.dialect.sqlite;

import org.jalchemy.types.StringType;
import org.jalchemy.types.TypeDecorator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SQLite has no date/time storage class; like SQLAlchemy, jalchemy stores ISO-8601 text with
 * microseconds ({@code 2024-05-01 13:45:00.000123}), which sorts chronologically and is what
 * SQLite's date functions read. Zone-aware values are normalised to UTC ({@code +00:00} suffix)
 * so text order stays time order. Reading also accepts SQLite's own {@code CURRENT_TIMESTAMP} form.
 */
final class SqliteTemporalTypes {
    private SqliteTemporalTypes() {
    }

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final StringType TEXT = new StringType(null);

    static final TypeDecorator<LocalDateTime, String> DATE_TIME = new TypeDecorator<>(TEXT) {
        @Override
        public Class<LocalDateTime> javaType() {
            return LocalDateTime.class;
        }

        @Override
        protected String processBind(LocalDateTime value) {
            return DATETIME.format(value);
        }

        @Override
        protected LocalDateTime processResult(String value) {
            return LocalDateTime.parse(value.replace(' ', 'T'));
        }
    };

    static final TypeDecorator<OffsetDateTime, String> OFFSET_DATE_TIME = new TypeDecorator<>(TEXT) {
        @Override
        public Class<OffsetDateTime> javaType() {
            return OffsetDateTime.class;
        }

        @Override
        protected String processBind(OffsetDateTime value) {
            return DATETIME.format(value.withOffsetSameInstant(ZoneOffset.UTC)) + "+00:00";
        }

        @Override
        protected OffsetDateTime processResult(String value) {
            String s = value.replace(' ', 'T');
            int n = s.length();
            boolean hasOffset = s.endsWith("Z") || (n > 6 && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-'));
            return hasOffset ? OffsetDateTime.parse(s) : LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
        }
    };

    static final TypeDecorator<LocalDate, String> DATE = new TypeDecorator<>(TEXT) {
        @Override
        public Class<LocalDate> javaType() {
            return LocalDate.class;
        }

        @Override
        protected String processBind(LocalDate value) {
            return value.toString();
        }

        @Override
        protected LocalDate processResult(String value) {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        }
    };

    static final TypeDecorator<LocalTime, String> TIME_OF_DAY = new TypeDecorator<>(TEXT) {
        @Override
        public Class<LocalTime> javaType() {
            return LocalTime.class;
        }

        @Override
        protected String processBind(LocalTime value) {
            return TIME.format(value);
        }

        @Override
        protected LocalTime processResult(String value) {
            return LocalTime.parse(value);
        }
    };
}
