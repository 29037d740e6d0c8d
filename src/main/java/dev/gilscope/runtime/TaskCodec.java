package dev.gilscope.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Task inputs and results as bytes for the trip between processes: Java serialization, the JVM's
 * counterpart of {@code pickle}, so the processes mode pays the same kind of cost Python does.
 *
 * <p>Only the plain value types workloads use may be read back (an allow-list filter): bytes from a
 * pipe never instantiate anything else.
 */
final class TaskCodec {

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.lang.Long;java.lang.Integer;java.lang.Double;java.lang.Boolean;java.lang.Number;"
                    + "java.math.BigInteger;[J;[D;[B;[I;java.lang.Record;dev.gilscope.workload.**;maxdepth=8;!*");

    private TaskCodec() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a " + value.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("refused to deserialize a value of type " + e.classname, e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialize a task value: " + e.getMessage(), e);
        }
    }
}
