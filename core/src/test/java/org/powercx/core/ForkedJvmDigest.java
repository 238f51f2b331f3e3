package org.powercx.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper for round trips through Java serialization into a fresh JVM: serializes an object to a file,
 * starts {@code java -cp <test class path> <main> <args>} (a small main class of the calling module's tests,
 * which reads the object back with {@link #readObject(Path)}, scores a deterministic table and prints
 * {@link #digest} of the raw bits), and returns what the forked JVM printed. Comparing the digest with the one
 * computed in the test JVM compares every score bit for bit.
 */
public final class ForkedJvmDigest {
    private ForkedJvmDigest() {
    }

    /**
     * Serializes an object with {@link ObjectOutputStream}.
     *
     * @param object the object
     * @return the bytes
     */
    public static byte[] serialize(Object object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes bytes written by {@link #serialize}.
     *
     * @param bytes the bytes
     * @return the object
     * @throws IOException if the stream is invalid (an {@link java.io.InvalidObjectException} for a rejected form)
     * @throws ClassNotFoundException if a class is missing
     */
    public static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /**
     * Reads an object serialized to a file.
     *
     * @param file the file
     * @return the object
     * @throws IOException if the file cannot be read or the stream is invalid
     * @throws ClassNotFoundException if a class is missing
     */
    public static Object readObject(Path file) throws IOException, ClassNotFoundException {
        return deserialize(Files.readAllBytes(file));
    }

    /**
     * Serializes objects to files {@code name-0.ser, name-1.ser, ...} in a directory.
     *
     * @param dir the directory
     * @param objects the objects
     * @return the files, in order
     */
    public static List<Path> write(Path dir, Object... objects) {
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < objects.length; i++) {
                Path f = dir.resolve("object-" + i + ".ser");
                Files.write(f, serialize(objects[i]));
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * SHA-256 of the raw bits of every value, in order, as hex.
     *
     * @param arrays arrays of doubles
     * @return the digest
     */
    public static String digest(double[]... arrays) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (double[] a : arrays) {
            for (double v : a) {
                buf.clear();
                buf.putLong(Double.doubleToRawLongBits(v));
                md.update(buf.array());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * SHA-256 of integer values, in order, as hex.
     *
     * @param values the values
     * @return the digest
     */
    public static String digest(int[] values) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(4);
        for (int v : values) {
            buf.clear();
            buf.putInt(v);
            md.update(buf.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a main class of the test class path in a fresh JVM and returns its standard output.
     *
     * @param main the class with {@code public static void main(String[])}
     * @param args its arguments
     * @return what it printed, stripped
     * @throws AssertionError if it fails or takes more than two minutes
     */
    public static String run(Class<?> main, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("forked-jvm", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(main.getName() + " did not finish in 120 s");
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new AssertionError(main.getName() + " exited with " + p.exitValue() + ": " + output);
                }
                return output.strip();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
