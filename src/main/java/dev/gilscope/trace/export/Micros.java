package dev.gilscope.trace.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Nanoseconds written as microseconds with up to three decimals ("1234.5" for 1 234 500 ns), the unit of
 * Chrome's trace format. Decimal text keeps every nanosecond: no binary fraction is ever rounded, so a
 * slice's {@code ts + dur} is exactly the next slice's {@code ts} and a file read back gives the same
 * nanoseconds it was written from.
 */
final class Micros {

    private Micros() {}

    /** Room for any long: sign, 16 digits of whole microseconds, point, 3 decimals. */
    static final int MAX_CHARS = 21;

    static String format(long nanos) {
        char[] text = new char[MAX_CHARS];
        return new String(text, 0, format(nanos, text));
    }

    /** Writes the text into {@code out} (at least {@link #MAX_CHARS} long); returns its length. */
    static int format(long nanos, char[] out) {
        long whole = nanos / 1000;
        int fraction = (int) (nanos % 1000);
        int n = 0;
        if (nanos < 0) {
            out[n++] = '-';
            whole = -whole;
            fraction = -fraction;
        }
        int digits = 1;
        for (long rest = whole / 10; rest > 0; rest /= 10) digits++;
        for (int i = n + digits - 1; i >= n; i--, whole /= 10) out[i] = (char) ('0' + whole % 10);
        n += digits;
        if (fraction != 0) {
            out[n++] = '.';
            out[n++] = (char) ('0' + fraction / 100);
            if (fraction % 100 != 0) {
                out[n++] = (char) ('0' + fraction / 10 % 10);
                if (fraction % 10 != 0) out[n++] = (char) ('0' + fraction % 10);
            }
        }
        return n;
    }

    /**
     * Parses a JSON number of microseconds back to nanoseconds, rounding anything finer than 1 ns to the
     * nearest nanosecond.
     *
     * @throws NumberFormatException if the text is not a number or does not fit in 64-bit nanoseconds
     */
    static long parse(String text) {
        long fast = parsePlain(text);
        if (fast != Long.MIN_VALUE) return fast;
        try {
            return new BigDecimal(text).movePointRight(3)
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(text + " µs does not fit in 64-bit nanoseconds");
        }
    }

    /** The common case "[-]digits[.d[d[d]]]" without BigDecimal; Long.MIN_VALUE when the text is anything else. */
    private static long parsePlain(String text) {
        int i = 0;
        int n = text.length();
        boolean negative = n > 0 && text.charAt(0) == '-';
        if (negative) i++;
        long whole = 0;
        int wholeDigits = 0;
        for (; i < n && Character.isDigit(text.charAt(i)); i++) {
            if (++wholeDigits > 15) return Long.MIN_VALUE; // may overflow: let BigDecimal decide
            whole = whole * 10 + (text.charAt(i) - '0');
        }
        if (wholeDigits == 0) return Long.MIN_VALUE;
        long fraction = 0;
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            for (i++; i < n && Character.isDigit(text.charAt(i)); i++) {
                if (++fractionDigits > 3) return Long.MIN_VALUE;
                fraction = fraction * 10 + (text.charAt(i) - '0');
            }
            if (fractionDigits == 0) return Long.MIN_VALUE;
        }
        if (i != n) return Long.MIN_VALUE;
        for (int d = fractionDigits; d < 3; d++) fraction *= 10;
        long nanos = whole * 1000 + fraction;
        return negative ? -nanos : nanos;
    }
}
