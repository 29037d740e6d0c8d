package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on the messages a user reads. */
final class Texts {

    private Texts() {
    }

    static void assertContains(String text, String... parts) {
        assertNotNull(text, "expected a message, got none");
        for (String part : parts) assertTrue(text.contains(part), () -> "expected \"" + part + "\" in: " + text);
    }
}
