package dev.gilscope.ui;

import dev.gilscope.trace.LaneState;

/**
 * Every colour of the board, as ARGB ints (the charts paint pixels) so pictures can be made and tested
 * without a window. State colours follow the Okabe–Ito palette, which stays distinguishable with the
 * common forms of colour blindness; workers get a set of ten distinct hues.
 */
public record Palette(String name, int background, int laneBackground, int grid, int text, int mutedText,
                      int[] stateColours, int[] workerColours, int dropRequest, int handoff, int selectionBand) {

    public static final Palette LIGHT = new Palette("light",
            0xFFFFFFFF, 0xFFF3F4F6, 0xFFD0D4DA, 0xFF1D232B, 0xFF5C6673,
            states(0xFF009E73, 0xFFD55E00, 0xFF0072B2, 0xFFE6C229, 0xFFCC79A7, 0xFFE69F00, 0xFF56B4E9, 0xFF9A6A00,
                    0xFFC9CDD3),
            new int[] {0xFF4E79A7, 0xFFF28E2B, 0xFF59A14F, 0xFFB07AA1, 0xFFE15759, 0xFF76B7B2, 0xFFEDC948, 0xFF9C755F,
                    0xFFFF9DA7, 0xFF7F7F7F},
            0xFFC00000, 0xFF111111, 0x403C78D8);

    public static final Palette DARK = new Palette("dark",
            0xFF16191D, 0xFF22262C, 0xFF3A4049, 0xFFE8EAED, 0xFF9AA3AE,
            states(0xFF1FC08F, 0xFFFF7A33, 0xFF3D9BE0, 0xFFF0D34A, 0xFFE08CC0, 0xFFF2B22E, 0xFF7CC8F2, 0xFFC89A3A,
                    0xFF4A515B),
            new int[] {0xFF6F9BD1, 0xFFFFA54F, 0xFF78C06E, 0xFFC99AC0, 0xFFFF7B7D, 0xFF8FD3CD, 0xFFF5DA6A, 0xFFC19A7D,
                    0xFFFFB7C0, 0xFFB0B0B0},
            0xFFFF5C5C, 0xFFF5F5F5, 0x5090B8FF);

    /**
     * For projectors and screen recordings: black text, darker grid and lane edges, and worker hues from
     * Paul Tol's colour-blind-safe "bright" and "vibrant" schemes (the state colours are Okabe–Ito already).
     */
    public static final Palette PRESENTATION = new Palette("presentation",
            0xFFFFFFFF, 0xFFE9EBEE, 0xFF8A929C, 0xFF000000, 0xFF2B323B,
            states(0xFF009E73, 0xFFD55E00, 0xFF0072B2, 0xFFE6C229, 0xFFCC79A7, 0xFFE69F00, 0xFF56B4E9, 0xFF8A5A00,
                    0xFFB8BDC4),
            new int[] {0xFF0077BB, 0xFFEE7733, 0xFF009988, 0xFFCC3311, 0xFF33BBEE, 0xFFEE3377, 0xFF228833, 0xFFAA3377,
                    0xFFCCBB44, 0xFF555555},
            0xFFB00000, 0xFF000000, 0x503C78D8);

    private static int[] states(int... colours) {
        if (colours.length != LaneState.values().length) throw new IllegalArgumentException("one colour per state");
        return colours;
    }

    public int state(LaneState state) {
        return stateColours[state.ordinal()];
    }

    /** A worker's colour, the same in every chart; past ten workers the hues repeat, darker. */
    public int worker(int index) {
        int base = workerColours[index % workerColours.length];
        int round = index / workerColours.length;
        return round == 0 ? base : blend(base, 0xFF000000, Math.min(0.6, 0.25 * round));
    }

    /** {@code a} moved towards {@code b} by {@code amount} (0 = a, 1 = b), fully opaque. */
    public static int blend(int a, int b, double amount) {
        int r = mix(a >> 16, b >> 16, amount);
        int g = mix(a >> 8, b >> 8, amount);
        int bl = mix(a, b, amount);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double amount) {
        return (int) Math.round((a & 0xFF) * (1 - amount) + (b & 0xFF) * amount);
    }

    /** CSS colour text for JavaFX styles and SVG. */
    public static String css(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
