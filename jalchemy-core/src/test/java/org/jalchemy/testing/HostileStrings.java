package org.jalchemy.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Generated strings made to break SQL that is built carelessly, for the fault suite: quotes of
 * every kind and their escapes, comment markers, statement terminators with
 * {@code DROP TABLE fault_canary} behind them, parameter markers ({@code :name}, {@code ?},
 * {@code $1}, {@code @x}), dollar quotes, LIKE wildcards, backslashes, control characters, NUL,
 * and Unicode that changes width or direction (combining marks, zero-width and bidi controls,
 * supplementary characters as valid surrogate pairs, BOM, line and paragraph separators) — mixed
 * with plain random text. Lone surrogates are left out: jalchemy refuses them by design
 * (LoneSurrogateTest).
 *
 * <p>Built on jqwik's generators, used as a library: {@link #generate(long, int)} draws with a
 * fixed seed, so a failure is reproduced by its seed.
 */
public final class HostileStrings {
    /** The table an injection would drop: it must survive every run. */
    public static final String CANARY = "fault_canary";

    private static final List<String> SQL = List.of(
            "'", "''", "\"", "\"\"", "`", "``", "\\", "\\'", "\\\"", "\\\\", "'\\", ";", "--", "-- ", "#", "/*", "*/",
            "/*!", "*/;", "%", "_", "\\%", "\\_", "[", "]", "[%]", ":x", ":name", "::", "::text", "\\:y", "?", "??", "?|",
            "$1", "$$", "$tag$", "@x", "@@version", "' OR '1'='1", "\" OR \"\"=\"", "1; --",
            "'; DROP TABLE " + CANARY + "; --", "\"; DROP TABLE " + CANARY + "; --",
            "`; DROP TABLE " + CANARY + "; --", "]; DROP TABLE " + CANARY + "; --",
            "$$; DROP TABLE " + CANARY + "; $$", "*/ DROP TABLE " + CANARY + "; /*", "\\'; DROP TABLE " + CANARY + "; -- ",
            "') UNION SELECT 1 --", "UNION ALL SELECT NULL", "; SELECT pg_sleep(10); --", "' AND SLEEP(10) -- ",
            "{", "}", "(", ")", ",", ".", "=", "<>", "||", "&&", "\r\n", "\n", "\t", "\u000b", "\f", " ", "  ");
    private static final List<String> UNICODE = List.of(
            "\u00e9", "e\u0301", "\u0416\u0436", "\u4e2d\u6587", "\u05e9\u05dc\u05d5\u05dd", "\u202e", "\u202d",
            "\u200b", "\u200d", "\ufeff", "\u2028", "\u2029", "\u00a0", "\uff07", "\u02bc", "\u2019", "\uff1b",
            "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ud801\udc37", "\u0000",
            "\u0001", "\u001b[31m", "\u007f", "\u0085", "\ufffd", "\ufffe");

    private HostileStrings() {
    }

    /** The generator: one to six fragments, each SQL syntax, tricky Unicode, or random text. */
    public static Arbitrary<String> arbitrary() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(SQL)),
                Tuple.of(3, Arbitraries.of(UNICODE)),
                Tuple.of(4, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0001', '\u001f').ofMinLength(1).ofMaxLength(2)));
        return fragment.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    /**
     * {@code count} strings drawn with {@code seed}; the same seed gives the same strings. Outside
     * a jqwik property, generation runs in jqwik's sampling context, whose source of randomness is
     * the calling thread's, seeded here.
     */
    public static List<String> generate(long seed, int count) {
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
        return arbitrary().sampleStream().limit(count).toList();
    }
}
