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

    static String format(long nanos) {
        long whole = nanos / 1000;
        long fraction = nanos % 1000;
        StringBuilder text = new StringBuilder(24);
        if (nanos < 0) {
            text.append('-');
            whole = -whole;
            fraction = -fraction;
        }
        text.append(whole);
        if (fraction != 0) {
            text.append('.');
            int digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
            String padded = Long.toString(1000 + fraction); // "1005" → digits "005"
            text.append(padded, 1, 1 + digits);
        }
        return text.toString();
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
