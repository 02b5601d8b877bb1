package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.config.MigrateConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiles the {@code .java} revision scripts of a versions directory with the JDK compiler API
 * ({@code javax.tools}, in-process) and loads them, so a user edits a script and runs it with no
 * build step.
 *
 * <p><b>What it compiles against.</b> jalchemy's own classpath (the entries holding
 * jalchemy-migrate, -core, -orm and their libraries: {@code java.class.path}, the URLs of the class
 * loader that loaded jalchemy, e.g. a Maven plugin realm) plus the extra {@code classpath} entries
 * given (the config's {@code classpath}: the user's compiled models). Scripts may declare no
 * package or any package (normally the config's {@code package}); every top-level class of a
 * script that implements {@link Migration} is a revision. Other classes in the directory (helpers)
 * are compiled and loaded too but are not revisions; a class that does not implement
 * {@code Migration} is reported at WARN on the {@code jalchemy.migrate} logger.
 *
 * <p><b>Cache.</b> Compiled classes are kept under {@code cacheDirectory/<key>/}, where the key is a
 * SHA-256 of the Java runtime version, every script's name and bytes, and every classpath entry's
 * path, size and modification time (directories: of each file inside). A run whose key is in the
 * cache compiles nothing ({@link Compilation#fromCache()}). Entries are written to a temporary
 * directory and moved into place atomically, so two processes compiling at once both succeed;
 * only the {@value #KEEP_ENTRIES} most recent entries are kept.
 *
 * <p><b>Errors.</b> A script that does not compile raises {@link ScriptCompileError} whose message
 * names the file, the line and the compiler's message; a script class that cannot be instantiated
 * (no public no-argument constructor, a throwing initialiser) raises it naming the file and class.
 * On a Java runtime without a compiler (a JRE) {@link #compile} raises {@link MigrationError}
 * saying so; the scripts can still run from an application's classpath ({@link ClasspathScripts}).
 *
 * <p>Instances are immutable and may be shared; each {@link #load} creates a fresh class loader.
 */
public final class ScriptCompiler {
    private static final Logger LOG = LoggerFactory.getLogger("jalchemy.migrate");
    static final int KEEP_ENTRIES = 4;
    private static final String MANIFEST = "scripts.tsv";
    private static final String CACHE_FORMAT = "jalchemy-script-cache 1";

    private final Path cacheDirectory;
    private final List<Path> classpath;
    private final ClassLoader parent;
    private final Supplier<JavaCompiler> compiler;

    /**
     * @param cacheDirectory where compiled classes are kept between runs
     * @param classpath      extra entries scripts compile and run against (the user's models), beyond jalchemy's own
     */
    public ScriptCompiler(Path cacheDirectory, List<Path> classpath) {
        this(cacheDirectory, classpath, null);
    }

    /**
     * @param parent the class loader the scripts' loader delegates to (e.g. one that already holds the
     *               user's models, so scripts and target metadata share their classes); null for
     *               jalchemy's own loader
     */
    public ScriptCompiler(Path cacheDirectory, List<Path> classpath, ClassLoader parent) {
        this(cacheDirectory, classpath, parent, ToolProvider::getSystemJavaCompiler);
    }

    /** For tests: {@code compiler} may return null, as on a JRE. */
    ScriptCompiler(Path cacheDirectory, List<Path> classpath, ClassLoader parent, Supplier<JavaCompiler> compiler) {
        this.cacheDirectory = cacheDirectory.toAbsolutePath();
        this.classpath = classpath.stream().map(Path::toAbsolutePath).toList();
        this.parent = parent != null ? parent : Migration.class.getClassLoader();
        this.compiler = compiler;
    }

    /** The compiler of a migration environment: cache in {@link #defaultCacheDirectory}, the config's {@code classpath}. */
    public static ScriptCompiler forConfig(MigrateConfig config) {
        return new ScriptCompiler(defaultCacheDirectory(config), config.classpath());
    }

    /** {@code <script_location>/.jalchemy-cache}: beside {@code versions/}; {@code init} lists it in the {@code .gitignore} it writes. */
    public static Path defaultCacheDirectory(MigrateConfig config) {
        return config.scriptLocation().resolve(".jalchemy-cache");
    }

    /** One compiled top-level class and the script it came from. */
    public record ScriptClass(String className, Path source) {
    }

    /**
     * The result of {@link #compile}: the directory of the classes, each top-level class with its
     * script, whether the cache served them (nothing compiled), and the time taken.
     */
    public record Compilation(Path classesDirectory, List<ScriptClass> classes, boolean fromCache, long millis) {
    }

    /** Compiles (or takes from the cache) and instantiates every revision script in {@code versionsDirectory}. */
    public List<Migration> load(Path versionsDirectory) {
        return instantiate(compile(versionsDirectory));
    }

    /** Compiles the scripts of {@code versionsDirectory}, or finds them compiled in the cache. */
    public Compilation compile(Path versionsDirectory) {
        long start = System.nanoTime();
        List<Path> sources = sources(versionsDirectory);
        if (sources.isEmpty()) {
            return new Compilation(null, List.of(), true, 0);
        }
        List<Path> cp = effectiveClasspath();
        String key = cacheKey(sources, cp);
        Path entry = cacheDirectory.resolve(key);
        if (Files.isRegularFile(entry.resolve(MANIFEST))) {
            List<ScriptClass> classes = readManifest(entry, versionsDirectory);
            touch(entry);
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.debug("{} revision scripts of {} taken from the cache {} ({} ms)", sources.size(), versionsDirectory, entry, ms);
            return new Compilation(entry, classes, true, ms);
        }
        JavaCompiler javac = compiler.get();
        if (javac == null) {
            throw new MigrationError("Cannot compile the revision scripts in " + display(versionsDirectory)
                    + ": this Java runtime (" + System.getProperty("java.home") + ") has no Java compiler (javax.tools);"
                    + " run jalchemy with a JDK 21 or newer (bin/jalchemy finds one), or compile the scripts with"
                    + " your application and run them from its classpath (Migrator, ClasspathScripts)");
        }
        Path tmp = newTempDirectory();
        try {
            Map<String, Path> classToSource = javac(javac, sources, cp, tmp);
            List<ScriptClass> classes = new ArrayList<>();
            classToSource.forEach((cls, src) -> classes.add(new ScriptClass(cls, src)));
            classes.sort(Comparator.comparing((ScriptClass c) -> c.source().getFileName().toString()).thenComparing(ScriptClass::className));
            writeManifest(tmp, classes);
            Path stored = store(tmp, entry);
            prune(entry);
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Compiled {} revision script{} of {} in {} ms", sources.size(), sources.size() == 1 ? "" : "s",
                    display(versionsDirectory), ms);
            return new Compilation(stored, readManifest(stored, versionsDirectory), false, ms);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Loads the classes of {@code compilation} in a fresh class loader and instantiates every {@link Migration}. */
    public List<Migration> instantiate(Compilation compilation) {
        if (compilation.classes().isEmpty()) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>();
        urls.add(toUrl(compilation.classesDirectory()));
        for (Path p : classpath) {
            urls.add(toUrl(p));
        }
        ClassLoader loader = new URLClassLoader("jalchemy-revision-scripts", urls.toArray(URL[]::new), parent);
        List<Migration> out = new ArrayList<>();
        for (ScriptClass sc : compilation.classes()) {
            String file = display(sc.source());
            Class<?> cls;
            try {
                cls = Class.forName(sc.className(), true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ScriptCompileError("Revision script " + file + ": class " + sc.className()
                        + " cannot be loaded: " + e, e);
            }
            if (!Migration.class.isAssignableFrom(cls)) {
                LOG.warn("{}: class {} does not implement {}; it is not a revision", file, cls.getName(), Migration.class.getName());
                continue;
            }
            if (cls.isInterface() || Modifier.isAbstract(cls.getModifiers())) {
                continue;
            }
            out.add(newInstance(cls, file));
        }
        return List.copyOf(out);
    }

    static Migration newInstance(Class<?> cls, String where) {
        try {
            return (Migration) cls.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ScriptCompileError("Revision script " + where + ": class " + cls.getName()
                    + " needs a public no-argument constructor", e);
        } catch (IllegalAccessException e) {
            throw new ScriptCompileError("Revision script " + where + ": class " + cls.getName()
                    + " must be public with a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw new ScriptCompileError("Revision script " + where + ": constructing " + cls.getName() + " failed: " + c, c);
        } catch (InstantiationException | ExceptionInInitializerError e) {
            throw new ScriptCompileError("Revision script " + where + ": class " + cls.getName() + " cannot be instantiated: " + e, e);
        }
    }

    // ------------------------------------------------------------------ sources and classpath

    private static List<Path> sources(Path versionsDirectory) {
        if (!Files.isDirectory(versionsDirectory)) {
            throw new MigrationError("No versions directory at " + versionsDirectory.toAbsolutePath()
                    + ": run 'jalchemy migrate init' first, or check script_location in the config");
        }
        try (Stream<Path> s = Files.list(versionsDirectory)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".java") && !n.startsWith(".") && Files.isRegularFile(p);
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new MigrationError("Cannot list revision scripts in " + versionsDirectory + ": " + e.getMessage(), e);
        }
    }

    /** jalchemy's own classpath, then the extra entries; only entries that exist, each once. */
    List<Path> effectiveClasspath() {
        Set<Path> out = new LinkedHashSet<>(ownClasspath());
        for (Path p : classpath) {
            if (Files.exists(p)) {
                out.add(p);
            } else {
                // init's default (target/classes) is missing until the project is built: named only if scripts fail
                LOG.debug("Classpath entry {} of the migration config does not exist", p);
            }
        }
        return List.copyOf(out);
    }

    private static volatile List<Path> own;

    /** Where jalchemy and its libraries were loaded from (computed once per JVM). */
    static List<Path> ownClasspath() {
        List<Path> o = own;
        if (o != null) {
            return o;
        }
        Set<Path> out = new LinkedHashSet<>();
        for (String name : List.of("org.jalchemy.migrate.Migration", "org.jalchemy.Jalchemy", "org.jalchemy.orm.Registry",
                "org.slf4j.LoggerFactory")) {
            try {
                Class<?> c = Class.forName(name, false, Migration.class.getClassLoader());
                CodeSource cs = c.getProtectionDomain().getCodeSource();
                if (cs != null && cs.getLocation() != null) {
                    addFileUrl(out, cs.getLocation());
                }
            } catch (ClassNotFoundException | SecurityException e) {
                // an optional part is absent: nothing to add
            }
        }
        for (ClassLoader l = Migration.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    addFileUrl(out, url);
                }
            }
        }
        String jcp = System.getProperty("java.class.path", "");
        for (String s : jcp.split(java.io.File.pathSeparator)) {
            if (!s.isBlank()) {
                Path p = Path.of(s).toAbsolutePath().normalize();
                if (Files.exists(p)) {
                    out.add(p);
                }
            }
        }
        o = List.copyOf(out);
        own = o;
        return o;
    }

    private static void addFileUrl(Set<Path> out, URL url) {
        if (!"file".equals(url.getProtocol())) {
            return;
        }
        try {
            Path p = Path.of(url.toURI()).toAbsolutePath().normalize();
            if (Files.exists(p)) {
                out.add(p);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a plain file location
        }
    }

    // ------------------------------------------------------------------ cache key

    private static String cacheKey(List<Path> sources, List<Path> cp) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        feed(md, CACHE_FORMAT);
        feed(md, Runtime.version().toString());
        for (Path s : sources) {
            feed(md, "source " + s.getFileName());
            try {
                byte[] b = Files.readAllBytes(s);
                feed(md, String.valueOf(b.length));
                md.update(b);
            } catch (IOException e) {
                throw new MigrationError("Cannot read revision script " + s + ": " + e.getMessage(), e);
            }
        }
        for (Path p : cp) {
            feed(md, "classpath " + p);
            stamp(md, p);
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    /** Size and modification time of a file, or of every file in a directory. */
    private static void stamp(MessageDigest md, Path p) {
        try {
            if (Files.isDirectory(p)) {
                List<String> lines = new ArrayList<>();
                Files.walkFileTree(p, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        lines.add(p.relativize(f) + " " + a.size() + " " + a.lastModifiedTime().toMillis());
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
                lines.sort(null);
                lines.forEach(l -> feed(md, l));
            } else {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                feed(md, a.size() + " " + a.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            feed(md, "unreadable " + e.getClass().getSimpleName());
        }
    }

    private static void feed(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    // ------------------------------------------------------------------ javac

    private Map<String, Path> javac(JavaCompiler javac, List<Path> sources, List<Path> cp, Path out) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, Path> classToSource = new LinkedHashMap<>();
        try (StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            var fm = new ForwardingJavaFileManager<StandardJavaFileManager>(std) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                           FileObject sibling) throws IOException {
                    if (kind == JavaFileObject.Kind.CLASS && sibling != null && !className.contains("$")) {
                        classToSource.put(className, Path.of(sibling.toUri()));
                    }
                    return super.getJavaFileForOutput(location, className, kind, sibling);
                }
            };
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-encoding", "UTF-8",
                    "-g", "-parameters", "-nowarn", "-implicit:none"));
            options.add("-classpath");
            options.add(String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString).toList()));
            var units = std.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
            List<String> errors = new ArrayList<>();
            Diagnostic<? extends JavaFileObject> first = null;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    if (first == null) {
                        first = d;
                    }
                    errors.add(format(d));
                } else {
                    LOG.debug("{}", format(d));
                }
            }
            if (!ok || !errors.isEmpty()) {
                String summary = first == null ? "the compiler failed without a message"
                        : format(first);
                int more = errors.size() - 1;
                List<String> missing = classpath.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
                throw new ScriptCompileError("Revision script " + summary
                        + (more > 0 ? " (and " + more + " more error" + (more == 1 ? "" : "s") + ")" : "")
                        + (missing.isEmpty() ? "" : "; classpath entries of the config that do not exist: "
                        + String.join(", ", missing)), errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classToSource;
    }

    /** {@code file:line: message}, the message on one line. */
    private static String format(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "(no file)" : display(Path.of(d.getSource().toUri()));
        String line = d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "";
        String msg = d.getMessage(Locale.ROOT);
        msg = String.join("; ", msg.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList());
        return where + line + ": " + msg;
    }

    /** A path as the user would type it: relative to the working directory when inside it. */
    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    // ------------------------------------------------------------------ cache entries

    private Path newTempDirectory() {
        try {
            Files.createDirectories(cacheDirectory);
            return Files.createDirectory(cacheDirectory.resolve(".tmp-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new MigrationError("Cannot create the script cache directory " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void writeManifest(Path dir, List<ScriptClass> classes) {
        StringBuilder sb = new StringBuilder();
        for (ScriptClass c : classes) {
            sb.append(c.className()).append('\t').append(c.source().getFileName()).append('\n');
        }
        try {
            Files.writeString(dir.resolve(MANIFEST), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ScriptClass> readManifest(Path entry, Path versionsDirectory) {
        try {
            List<ScriptClass> out = new ArrayList<>();
            for (String line : Files.readAllLines(entry.resolve(MANIFEST))) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(new ScriptClass(line.substring(0, tab), versionsDirectory.resolve(line.substring(tab + 1))));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new MigrationError("Cannot read the script cache " + entry + ": " + e.getMessage(), e);
        }
    }

    /** Moves {@code tmp} to {@code entry}; another process may have stored the same entry first. */
    private static Path store(Path tmp, Path entry) {
        try {
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // same key, same content: theirs serves
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(tmp, entry);
            } catch (IOException e2) {
                if (!Files.isRegularFile(entry.resolve(MANIFEST))) {
                    throw new MigrationError("Cannot store compiled scripts in " + entry + ": " + e2.getMessage(), e2);
                }
            }
        } catch (IOException e) {
            if (!Files.isRegularFile(entry.resolve(MANIFEST))) {
                throw new MigrationError("Cannot store compiled scripts in " + entry + ": " + e.getMessage(), e);
            }
        }
        return entry;
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // read-only cache: fine
        }
    }

    /** Keeps the {@value #KEEP_ENTRIES} most recently used entries (and {@code keep}); removes stale temporaries. */
    private void prune(Path keep) {
        try (Stream<Path> s = Files.list(cacheDirectory)) {
            List<Path> entries = new ArrayList<>();
            long hourAgo = System.currentTimeMillis() - 3_600_000L;
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".tmp-")) {
                    if (Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                        deleteTree(p);
                    }
                } else if (Files.isDirectory(p) && !p.equals(keep)) {
                    entries.add(p);
                }
            }
            entries.sort(Comparator.comparing((Path p) -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return 0L;
                }
            }).reversed());
            for (int i = KEEP_ENTRIES - 1; i < entries.size(); i++) {
                deleteTree(entries.get(i));
            }
        } catch (IOException e) {
            LOG.debug("Cannot prune the script cache {}: {}", cacheDirectory, e.toString());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", root, e.toString());
        }
    }

    private static URL toUrl(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
