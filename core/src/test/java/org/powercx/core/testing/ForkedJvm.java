package org.powercx.core.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
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
 * Test support for round trips through Java serialization into a fresh JVM: a test serializes a model to a file,
 * {@link #run runs} a small main class of its own test sources in a forked JVM on the same class path, which
 * {@link #read reads} the model back, scores a deterministic table and prints a {@link #digest} of the raw bits
 * of the scores; the test compares it with the digest of the scores computed in its own JVM.
 */
public final class ForkedJvm {
    private ForkedJvm() {
    }

    /**
     * Serializes an object to a file.
     *
     * @param value the object
     * @param file the file to write
     * @return the file
     */
    public static Path write(Object value, Path file) {
        try {
            Files.write(file, serialize(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Serializes an object.
     *
     * @param value the object
     * @return its Java serialization
     */
    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes an object.
     *
     * @param bytes a Java serialization
     * @param type the expected type
     * @param <T> the type
     * @return the object
     * @throws IOException if the stream is refused
     * @throws ClassNotFoundException if a class is missing
     */
    public static <T> T deserialize(byte[] bytes, Class<T> type) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        }
    }

    /**
     * Reads an object written by {@link #write}.
     *
     * @param file the file
     * @param type the expected type
     * @param <T> the type
     * @return the object
     * @throws IOException if the file cannot be read or the stream is refused
     * @throws ClassNotFoundException if a class is missing
     */
    public static <T> T read(Path file, Class<T> type) throws IOException, ClassNotFoundException {
        return deserialize(Files.readAllBytes(file), type);
    }

    /**
     * The SHA-256 digest (hex) of the raw bits of the values of the arrays, in order, each value as 8 big-endian
     * bytes (one array gives the same digest as before the helpers were merged).
     *
     * @param arrays the values
     * @return the hex digest
     */
    public static String digest(double[]... arrays) {
        MessageDigest sha = sha256();
        byte[] buf = new byte[8];
        for (double[] values : arrays) {
            for (double v : values) {
                long bits = Double.doubleToRawLongBits(v);
                for (int b = 0; b < 8; b++) {
                    buf[b] = (byte) (bits >>> (56 - 8 * b));
                }
                sha.update(buf);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The SHA-256 digest (hex) of whole numbers, each as 4 big-endian bytes.
     *
     * @param values the values
     * @return the hex digest
     */
    public static String digest(int[] values) {
        MessageDigest sha = sha256();
        byte[] buf = new byte[4];
        for (int v : values) {
            for (int b = 0; b < 4; b++) {
                buf[b] = (byte) (v >>> (24 - 8 * b));
            }
            sha.update(buf);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serializes objects into files {@code object-0.ser}, {@code object-1.ser}, ... of a directory.
     *
     * @param dir the directory
     * @param objects the objects
     * @return the files, in order
     */
    public static List<Path> writeAll(Path dir, Object... objects) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            files.add(write(objects[i], dir.resolve("object-" + i + ".ser")));
        }
        return files;
    }

    /**
     * Runs a main class in a fresh JVM on this JVM's class path and returns what it printed.
     *
     * @param main the class with a {@code main} method
     * @param args its arguments
     * @return standard output and error, stripped
     * @throws AssertionError if the JVM does not exit with status 0 within 300 s
     */
    public static String run(Class<?> main, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("forked", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(main.getName() + " did not finish in 300 s");
                }
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new AssertionError(main.getName() + " exited with " + p.exitValue() + ": " + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
