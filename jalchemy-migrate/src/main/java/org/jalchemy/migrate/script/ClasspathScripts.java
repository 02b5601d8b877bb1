package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Revision scripts compiled with an application and found on its class path, for
 * {@code Migrator.upgrade(engine, "head")} at application start-up (no JDK compiler needed).
 *
 * <p>{@link #scan} lists the classes of a package and its sub-packages in every class path root that
 * holds it, directories and jar files alike (also jars inside jars served through a
 * {@link JarURLConnection}, as Spring Boot's launcher does), with no library beyond the JDK; jar files
 * written without directory entries are listed directly when the loader is a {@link URLClassLoader}
 * or the application class loader. Every
 * concrete top-level class implementing {@link Migration} is instantiated with its public
 * no-argument constructor; nested, abstract and other classes are skipped. When two roots hold the
 * same class name the class loader's choice wins. Results are ordered by class name (the revision
 * graph, not this order, decides what runs when).
 *
 * <p>Classes are loaded but their initialisers run only for migrations. Thread-safe (stateless).
 */
public final class ClasspathScripts {
    private ClasspathScripts() {
    }

    /**
     * The {@link Migration}s of package {@code pkg} (e.g. {@code com.app.migrations}) and its
     * sub-packages, as {@code loader} sees them. An empty list when the package holds none.
     *
     * @throws MigrationError when {@code pkg} is blank, a root cannot be read, or a migration class cannot
     *                        be instantiated (naming the class)
     */
    public static List<Migration> scan(String pkg, ClassLoader loader) {
        if (pkg == null || pkg.isBlank()) {
            throw new MigrationError("ClasspathScripts.scan needs the package of the revision scripts"
                    + " (e.g. com.app.migrations); scanning the whole class path is not supported");
        }
        ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ClasspathScripts.class.getClassLoader();
        }
        String path = pkg.strip().replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = cl.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                collect(url, path, names);
            }
            // jars written without directory entries are invisible to getResources: list them directly
            for (Path jar : knownJars(cl)) {
                collectJar(jar, path, names);
            }
        } catch (IOException e) {
            throw new MigrationError("Cannot scan package " + pkg + " for revision scripts: " + e.getMessage(), e);
        }
        List<Migration> out = new ArrayList<>();
        for (String name : names) {
            Class<?> cls;
            try {
                cls = Class.forName(name, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationError("Cannot load class " + name + " while scanning " + pkg + " for revision scripts: " + e, e);
            }
            if (!Migration.class.isAssignableFrom(cls) || cls.isInterface() || Modifier.isAbstract(cls.getModifiers())) {
                continue;
            }
            out.add(ScriptCompiler.newInstance(cls, "class " + name + " (package " + pkg + ")"));
        }
        return List.copyOf(out);
    }

    private static void collect(URL url, String path, TreeSet<String> names) throws IOException {
        if ("file".equals(url.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("unreadable class path location " + url, e);
            }
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".class")).forEach(p -> {
                    String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                    add(path + "/" + rel, names);
                });
            }
            return;
        }
        URLConnection conn = url.openConnection();
        if (conn instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile jf = jar.getJarFile()) {
                String prefix = path + "/";
                Enumeration<JarEntry> entries = jf.entries();
                while (entries.hasMoreElements()) {
                    String n = entries.nextElement().getName();
                    if (n.startsWith(prefix) && n.endsWith(".class")) {
                        add(n, names);
                    }
                }
            }
            return;
        }
        throw new IOException("class path location " + url + " is neither a directory nor a jar");
    }

    /** The jar files of {@code cl}'s URLClassLoader chain, and of java.class.path when it reaches the system loader. */
    private static Set<Path> knownJars(ClassLoader cl) {
        Set<Path> out = new LinkedHashSet<>();
        boolean system = false;
        ClassLoader sys = ClassLoader.getSystemClassLoader();
        for (ClassLoader l = cl; l != null; l = l.getParent()) {
            system |= l == sys;
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            out.add(Path.of(url.toURI()));
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file
                        }
                    }
                }
            }
        }
        if (system) {
            for (String s : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!s.isBlank()) {
                    out.add(Path.of(s));
                }
            }
        }
        out.removeIf(p -> !p.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(p));
        return out;
    }

    private static void collectJar(Path jar, String path, TreeSet<String> names) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                String n = entries.nextElement().getName();
                if (n.startsWith(prefix) && n.endsWith(".class")) {
                    add(n, names);
                }
            }
        }
    }

    /** {@code com/app/m/R_x.class} to {@code com.app.m.R_x}; nested classes and module/package infos are skipped. */
    private static void add(String resource, TreeSet<String> names) {
        String n = resource.substring(0, resource.length() - ".class".length());
        if (n.contains("$") || n.endsWith("package-info") || n.endsWith("module-info")) {
            return;
        }
        names.add(n.replace('/', '.'));
    }
}
