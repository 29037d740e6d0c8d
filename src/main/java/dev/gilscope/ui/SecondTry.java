package dev.gilscope.ui;

import java.util.Objects;

/**
 * "Are you sure?" without a dialog: an action that would drop work not kept yet is refused once (the
 * caller says why), and allowed when the user tries the same thing again on the same work. New work
 * in between (another note, another answer) asks again.
 */
final class SecondTry {

    private Object warnedAbout;

    /**
     * Whether {@code action} may go ahead. {@code pending} is false when nothing would be lost; otherwise
     * the first try returns false and the next try of the same action on the same {@code workVersion} true.
     */
    boolean allows(String action, boolean pending, long workVersion) {
        Object key = action + "@" + workVersion;
        if (!pending || Objects.equals(key, warnedAbout)) {
            warnedAbout = null;
            return true;
        }
        warnedAbout = key;
        return false;
    }

    /** Forgets a warning given, e.g. once the work was kept. */
    void reset() {
        warnedAbout = null;
    }
}
