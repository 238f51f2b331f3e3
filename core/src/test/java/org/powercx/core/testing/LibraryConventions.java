package org.powercx.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of docs/conventions.md, checked by reflection over public types: shared by the conventions tests of
 * the modules (cli's, which sees every module it depends on, and those of modules cli does not depend on, such as
 * the Spark module) so that every public type of the library meets the same rules.
 */
public final class LibraryConventions {
    /** Exceptions that may stay open, with the reason; none today. */
    public static final Set<Class<?>> OPEN_EXCEPTIONS = Set.of();

    /** Public constructors (and so record components) take at most this many parameters. */
    public static final int MAX_CONSTRUCTOR_PARAMETERS = 5;

    /** The verbs of entry points. */
    public static final Set<String> VERBS = Set.of("fit", "evaluate", "analyse", "score", "scores", "run", "apply");

    /** American -ize/-yze endings (not after an s, so that size and resize pass) and American word forms. */
    public static final Pattern AMERICAN = Pattern.compile(
        "[a-z]{2,}[a-rt-z][iy]z(e|ed|es|er|ers|ing|ation|ations)|center(s|ed)?|color(s|ed)?|behavior(s|al)?"
            + "|modeling|labeled|catalog(s)?");

    private LibraryConventions() {
    }

    /**
     * A fitted model's parameter record ({@code Model.Parameters}): it mirrors the model's saved form field for
     * field, so the width rule does not apply; it is still a record, validated by its constructor.
     */
    public static boolean isModelParameters(Class<?> type) {
        return type.isRecord() && type.getSimpleName().equals("Parameters") && type.getEnclosingClass() != null;
    }

    /**
     * Every rule that applies to one public type; each entry names the type, the member and the rule.
     *
     * @param type the type
     * @return the violations, empty if none
     */
    public static List<String> violations(Class<?> type) {
        return violations(type, Set.of());
    }

    /**
     * Every rule that applies to one public type, where a {@code score} method may also return one of the given
     * table types (a distributed table of scored rows, such as Spark's {@code Dataset}, rather than numbers).
     *
     * @param type the type
     * @param scoreTables the table types a score may return
     * @return the violations, empty if none
     */
    public static List<String> violations(Class<?> type, Set<Class<?>> scoreTables) {
        List<String> out = new ArrayList<>();
        String name = type.getName();
        if (Throwable.class.isAssignableFrom(type)) {
            if (!IllegalArgumentException.class.isAssignableFrom(type)) {
                out.add(name + ": a module exception extends IllegalArgumentException");
            }
            if (!Modifier.isFinal(type.getModifiers()) && !OPEN_EXCEPTIONS.contains(type)) {
                out.add(name + ": a module exception is final");
            }
        }
        boolean plainClass = !type.isInterface() && !type.isEnum() && !type.isRecord() && !type.isAnnotation();
        if (plainClass && !Modifier.isFinal(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())
                && !type.isSealed() && !OPEN_EXCEPTIONS.contains(type)) {
            out.add(name + ": a public class is final, abstract or sealed");
        }
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() > MAX_CONSTRUCTOR_PARAMETERS && !isModelParameters(type)) {
                out.add(name + ": public constructor with " + c.getParameterCount() + " parameters (at most "
                    + MAX_CONSTRUCTOR_PARAMETERS + "; a result with more is a final class built by its calculator)");
            }
        }
        if (type.getSimpleName().endsWith("Result") && type.getConstructors().length > 0) {
            out.add(name + ": a result has no public constructor; its calculator builds it");
        }
        for (String n : publicNames(type)) {
            if (american(n)) {
                out.add(name + ": public name '" + n + "' is spelt the American way; the library writes -ise");
            }
        }
        Method defaults = publicStatic(type, "withDefaults");
        if (defaults != null) {
            if (defaults.getReturnType() != type || !Modifier.isFinal(type.getModifiers())
                    || type.getConstructors().length > 0) {
                out.add(name + ": a calculator is final, has no public constructor and withDefaults() returns it");
            }
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("with") && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() != type) {
                    out.add(name + "." + m.getName() + ": a calculator's with... method returns a new calculator");
                }
                if (Modifier.isStatic(m.getModifiers()) && VERBS.contains(m.getName())) {
                    out.add(name + "." + m.getName() + ": a calculator's " + m.getName()
                        + " is an instance method; static fits belong to types without settings");
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            Class<?> r = m.getReturnType();
            boolean numbers = r.isPrimitive() || r.isArray() && (r.getComponentType().isPrimitive()
                || r.getComponentType().isArray() && r.getComponentType().getComponentType().isPrimitive());
            if ((m.getName().equals("score") || m.getName().equals("scores")) && !numbers
                    && !scoreTables.contains(r)) {
                out.add(name + "." + m.getName() + ": score returns numbers, not " + r.getSimpleName());
            }
            if ((m.getName().equals("evaluate") || m.getName().equals("fit")) && r.isPrimitive()) {
                out.add(name + "." + m.getName() + ": evaluate returns a result and fit a model, not "
                    + r.getSimpleName());
            }
        }
        return out;
    }

    /**
     * Whether an identifier holds a word spelt the American way.
     *
     * @param identifier a Java name
     * @return true if a word of it matches {@link #AMERICAN}
     */
    public static boolean american(String identifier) {
        String words = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        for (String w : words.split(" ")) {
            if (AMERICAN.matcher(w).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> publicNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        names.add(type.getSimpleName());
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                names.add(m.getName());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()) {
                names.add(f.getName());
            }
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        return names;
    }

    private static Method publicStatic(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * The public types, top-level and nested, of each module's package, read from its classes directory or jar
     * (found from the code source of the module's exception).
     *
     * @param anchors one class per module, whose package is the module's public package
     * @return the public types
     */
    public static List<Class<?>> publicTypes(List<Class<?>> anchors) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> anchor : anchors) {
            String dir = anchor.getPackageName().replace('.', '/') + "/";
            for (String entry : entries(anchor)) {
                if (!entry.startsWith(dir) || !entry.endsWith(".class") || entry.indexOf('/', dir.length()) >= 0
                        || entry.endsWith("package-info.class") || entry.matches(".*\\$[0-9].*")) {
                    continue;
                }
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> c = Class.forName(className, false, anchor.getClassLoader());
                    if (isPublicApi(c)) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(className, e);
                }
            }
        }
        return out;
    }

    private static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isSynthetic() || k.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> entries(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                        .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        names.add(e.nextElement().getName());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
