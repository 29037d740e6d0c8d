package dev.gilscope.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task inputs and results as bytes for the trip between processes: gilscope's {@code pickle}. A compact
 * tagged format of its own for the plain values workloads use — numbers, big integers, arrays of
 * numbers, and records of those from the workload package.
 *
 * <p>Reading never runs code named by the bytes: only those value types can come out, and a record is
 * rebuilt only if it is a record class of the workload package.
 */
final class TaskCodec {

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte INT = 2;
    private static final byte DOUBLE = 3;
    private static final byte BOOLEAN = 4;
    private static final byte BIG_INTEGER = 5;
    private static final byte LONG_ARRAY = 6;
    private static final byte DOUBLE_ARRAY = 7;
    private static final byte RECORD = 8;
    private static final String RECORD_PACKAGE = "dev.gilscope.workload.";
    private static final int MAX_DEPTH = 4;

    private static final Map<String, Class<?>> RECORDS = new ConcurrentHashMap<>();

    private TaskCodec() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a task value: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("task value nested too deeply");
        switch (value) {
            case null -> out.writeByte(NULL);
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            }
            case Boolean b -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            }
            case BigInteger big -> {
                out.writeByte(BIG_INTEGER);
                byte[] magnitude = big.toByteArray();
                out.writeInt(magnitude.length);
                out.write(magnitude);
            }
            case long[] longs -> {
                out.writeByte(LONG_ARRAY);
                out.writeInt(longs.length);
                for (long l : longs) out.writeLong(l);
            }
            case double[] doubles -> {
                out.writeByte(DOUBLE_ARRAY);
                out.writeInt(doubles.length);
                for (double d : doubles) out.writeDouble(d);
            }
            case Record record when record.getClass().getName().startsWith(RECORD_PACKAGE) -> {
                out.writeByte(RECORD);
                out.writeUTF(record.getClass().getName());
                for (RecordComponent c : record.getClass().getRecordComponents()) {
                    try {
                        write(out, c.getAccessor().invoke(record), depth + 1);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalArgumentException("cannot read " + c.getName() + " of " + record, e);
                    }
                }
            }
            default -> throw new IllegalArgumentException("a task value of type " + value.getClass().getName()
                    + " cannot be sent to a worker process");
        }
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("task value nested too deeply");
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case BIG_INTEGER -> new BigInteger(readArray(in, 1));
            case LONG_ARRAY -> {
                long[] longs = new long[length(in, 8)];
                for (int i = 0; i < longs.length; i++) longs[i] = in.readLong();
                yield longs;
            }
            case DOUBLE_ARRAY -> {
                double[] doubles = new double[length(in, 8)];
                for (int i = 0; i < doubles.length; i++) doubles[i] = in.readDouble();
                yield doubles;
            }
            case RECORD -> readRecord(in, depth);
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static Object readRecord(DataInputStream in, int depth) throws IOException {
        Class<?> type = recordClass(in.readUTF());
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(in, depth + 1);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> recordClass(String name) throws IOException {
        if (!name.startsWith(RECORD_PACKAGE)) throw new IOException("refused to rebuild a " + name);
        Class<?> type = RECORDS.get(name);
        if (type != null) return type;
        try {
            // initialize=false: naming a class must not run its static code
            type = Class.forName(name, false, TaskCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown record type " + name);
        }
        if (!type.isRecord()) throw new IOException("refused to rebuild " + name + ": not a record");
        RECORDS.put(name, type);
        return type;
    }

    private static byte[] readArray(DataInputStream in, int elementBytes) throws IOException {
        byte[] bytes = new byte[length(in, elementBytes)];
        in.readFully(bytes);
        return bytes;
    }

    /** Reads an element count, refusing one that the remaining bytes cannot hold. */
    private static int length(DataInputStream in, int elementBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * elementBytes > in.available()) throw new IOException("bad length " + n);
        return n;
    }

    /** For tests: whether two decoded values are equal (arrays by content). */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof long[] x && b instanceof long[] y) return Arrays.equals(x, y);
        if (a instanceof double[] x && b instanceof double[] y) return Arrays.equals(x, y);
        return java.util.Objects.equals(a, b);
    }
}
