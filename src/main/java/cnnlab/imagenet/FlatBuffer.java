package cnnlab.imagenet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The few FlatBuffer reads a TFLite file needs, with every offset checked against the end of the file: a table's
 * fields are found through its vtable (uint16 slots), references are little-endian uint32 offsets forward from
 * where they are stored, vectors start with their uint32 length. A field missing from the vtable has its schema
 * default. Positions are absolute byte indices; 0 means "absent".
 */
final class FlatBuffer {
    private final ByteBuffer bytes;

    FlatBuffer(byte[] data) {
        bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    int size() {
        return bytes.limit();
    }

    /** The root table, which the uint32 at byte 0 points to. */
    int root() throws IOException {
        return reference(0);
    }

    String identifier() {
        return size() < 8 ? "" : new String(bytes.array(), 4, 4, StandardCharsets.ISO_8859_1);
    }

    /** Where field {@code slot} (0-based, in schema order) of the table at {@code table} is stored, or 0. */
    int field(int table, int slot) throws IOException {
        int vtable = table - int32(table);
        int vtableBytes = uint16(vtable);
        int entry = 4 + 2 * slot;
        if (entry + 2 > vtableBytes) return 0;
        int offset = uint16(vtable + entry);
        if (offset == 0) return 0;
        check(table + offset, 1);
        return table + offset;
    }

    int intField(int table, int slot, int otherwise) throws IOException {
        int at = field(table, slot);
        return at == 0 ? otherwise : int32(at);
    }

    int byteField(int table, int slot, int otherwise) throws IOException {
        int at = field(table, slot);
        if (at == 0) return otherwise;
        check(at, 1);
        return bytes.get(at);
    }

    float floatField(int table, int slot, float otherwise) throws IOException {
        int at = field(table, slot);
        if (at == 0) return otherwise;
        check(at, 4);
        return bytes.getFloat(at);
    }

    /** A referenced table or vector, or 0 when the field is absent. */
    int referenceField(int table, int slot) throws IOException {
        int at = field(table, slot);
        return at == 0 ? 0 : reference(at);
    }

    String string(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return "";
        int n = length(vector, 1);
        return new String(bytes.array(), vector + 4, n, StandardCharsets.UTF_8);
    }

    /** Positions of the tables in a vector of tables. */
    int[] tables(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return new int[0];
        int[] out = new int[length(vector, 4)];
        for (int i = 0; i < out.length; i++) out[i] = reference(vector + 4 + 4 * i);
        return out;
    }

    int[] ints(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return new int[0];
        int[] out = new int[length(vector, 4)];
        for (int i = 0; i < out.length; i++) out[i] = bytes.getInt(vector + 4 + 4 * i);
        return out;
    }

    long[] longs(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return new long[0];
        long[] out = new long[length(vector, 8)];
        for (int i = 0; i < out.length; i++) out[i] = bytes.getLong(vector + 4 + 8 * i);
        return out;
    }

    float[] floats(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return new float[0];
        float[] out = new float[length(vector, 4)];
        for (int i = 0; i < out.length; i++) out[i] = bytes.getFloat(vector + 4 + 4 * i);
        return out;
    }

    byte[] byteVector(int table, int slot) throws IOException {
        int vector = referenceField(table, slot);
        if (vector == 0) return new byte[0];
        int n = length(vector, 1);
        byte[] out = new byte[n];
        System.arraycopy(bytes.array(), vector + 4, out, 0, n);
        return out;
    }

    /** A vector's element count, after checking that all its elements lie inside the file. */
    private int length(int vector, int elementBytes) throws IOException {
        check(vector, 4);
        long n = Integer.toUnsignedLong(bytes.getInt(vector));
        if (n * elementBytes > size()) throw corrupt("a vector of " + n + " elements at byte " + vector);
        check(vector + 4, (int) n * elementBytes);
        return (int) n;
    }

    private int reference(int at) throws IOException {
        check(at, 4);
        long target = at + Integer.toUnsignedLong(bytes.getInt(at));
        if (target + 4 > size()) throw corrupt("a reference at byte " + at + " to byte " + target);
        return (int) target;
    }

    private int int32(int at) throws IOException {
        check(at, 4);
        return bytes.getInt(at);
    }

    private int uint16(int at) throws IOException {
        check(at, 2);
        return Short.toUnsignedInt(bytes.getShort(at));
    }

    private void check(int at, int n) throws IOException {
        if (at < 0 || n < 0 || (long) at + n > size()) throw corrupt(n + " bytes at byte " + at);
    }

    private IOException corrupt(String what) {
        return new IOException("truncated or corrupt TFLite file: " + what + " beyond the end of its " + size() + " bytes");
    }
}
