package dev.gilscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Times in files are exact decimals of microseconds: every nanosecond survives the trip. */
class MicrosTest {

    @Test
    void writesTheShortestExactDecimal() {
        assertEquals("0", Micros.format(0));
        assertEquals("0.001", Micros.format(1));
        assertEquals("0.999", Micros.format(999));
        assertEquals("1", Micros.format(1_000));
        assertEquals("1.001", Micros.format(1_001));
        assertEquals("1.01", Micros.format(1_010));
        assertEquals("1.1", Micros.format(1_100));
        assertEquals("-0.001", Micros.format(-1));
        assertEquals("-1.5", Micros.format(-1_500));
        assertEquals("123456789.012", Micros.format(123_456_789_012L));
        assertEquals("-9223372036854775.808", Micros.format(Long.MIN_VALUE));
    }

    @Test
    void readsBackTheSameNanoseconds() {
        for (long n : new long[] {0, 1, -1, 999, 1_000, 1_001, 1_010, 1_100, -1_500, 7_000_000_123_456L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 3}) {
            assertEquals(n, Micros.parse(Micros.format(n)), Micros.format(n));
        }
    }

    @Test
    void readsNumbersAnEditorMayHaveRewritten() {
        assertEquals(1_500, Micros.parse("1.5e0"));
        assertEquals(2_000_000, Micros.parse("2E3"));
        assertEquals(1_000, Micros.parse("1.0000"));
        assertEquals(2, Micros.parse("0.0015"), "finer than 1 ns rounds to the nearest (half to even)");
        assertThrows(NumberFormatException.class, () -> Micros.parse("soon"));
        assertThrows(NumberFormatException.class, () -> Micros.parse("1e30"));
    }
}
