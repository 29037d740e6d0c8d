package dev.gilscope.trace.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways to damage a valid text file for fuzz tests: at the byte level, and at the level of its values. */
public final class Mutations {

    private static final String[] VALUES = {"null", "true", "-1", "0", "1e309", "-9223372036854775809", "9223372036854775807",
            "0.5", "\"\"", "\"x\"", "[]", "{}", "NaN", "\"\\u0000\"", "99999999999999999999999999999"};
    private static final Pattern NUMBER_OR_STRING = Pattern.compile("-?\\d+(\\.\\d+)?|\"[^\"\\\\]{0,40}\"");

    private Mutations() {}

    /** One to three damages to {@code valid}, chosen at random. */
    public static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] out = valid;
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages; d++) out = once(out, random);
        return out;
    }

    private static byte[] once(byte[] in, SplittableRandom random) {
        if (in.length == 0) return new byte[] {(byte) random.nextInt(256)};
        int at = random.nextInt(in.length);
        switch (random.nextInt(8)) {
            case 0 -> { // flip a byte
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 1 -> { // cut the rest
                return Arrays.copyOf(in, at);
            }
            case 2 -> { // delete a slice
                int end = Math.min(in.length, at + 1 + random.nextInt(200));
                return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, end, in.length));
            }
            case 3 -> { // double a slice
                int end = Math.min(in.length, at + 1 + random.nextInt(200));
                byte[] slice = Arrays.copyOfRange(in, at, end);
                return concat(concat(Arrays.copyOf(in, end), slice), Arrays.copyOfRange(in, end, in.length));
            }
            case 4 -> { // move a slice elsewhere
                int end = Math.min(in.length, at + 1 + random.nextInt(100));
                byte[] slice = Arrays.copyOfRange(in, at, end);
                byte[] rest = concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, end, in.length));
                int to = random.nextInt(rest.length + 1);
                return concat(concat(Arrays.copyOf(rest, to), slice), Arrays.copyOfRange(rest, to, rest.length));
            }
            default -> { // replace one number or string value by another kind of value
                String text = new String(in, StandardCharsets.UTF_8);
                Matcher m = NUMBER_OR_STRING.matcher(text);
                int found = 0;
                int target = random.nextInt(1 + text.length() / 40);
                while (m.find()) {
                    if (found++ == target) {
                        String value = VALUES[random.nextInt(VALUES.length)];
                        return (text.substring(0, m.start()) + value + text.substring(m.end())).getBytes(StandardCharsets.UTF_8);
                    }
                }
                return in;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The start of an input, printable, for a failure message. */
    public static String preview(byte[] input) {
        String text = new String(input, 0, Math.min(input.length, 160), StandardCharsets.UTF_8);
        return text.replaceAll("[\\p{Cntrl}&&[^\n]]", "?").replace("\n", "\\n");
    }
}
