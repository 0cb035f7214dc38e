package br.com.techassist.shipments.bench;

import br.com.techassist.shipments.standalone.BenchSystem.Svc;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The services' executable jars ({@code <service>/target/<service>-*-exec.jar}, found from the
 * repository root) and how to start one in a JVM of its own.
 */
final class ServiceJars {

    /** Spring Boot's launcher that takes extra class path entries ({@code -Dloader.path}). */
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Map<Svc, Path> jars;

    private ServiceJars(Map<Svc, Path> jars) {
        this.jars = jars;
    }

    /** The jars found; {@link #complete()} says whether all four are there. */
    static ServiceJars find() throws IOException {
        Map<Svc, Path> jars = new EnumMap<>(Svc.class);
        for (Svc svc : Svc.values()) {
            Path target = Path.of(svc.serviceName(), "target");
            try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
                files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .ifPresent(jar -> jars.put(svc, jar));
            }
        }
        return new ServiceJars(jars);
    }

    boolean complete() {
        return jars.size() == Svc.values().length;
    }

    Path jar(Svc svc) {
        return jars.get(svc);
    }

    /** {@code <jvmOptions> -jar <jar>}: the service exactly as its image runs it. */
    List<String> asDeployed(Svc svc, List<String> jvmOptions) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jars.get(svc).toString()));
        return launch;
    }

    /**
     * The service's jar with {@code driver} ahead of its own libraries, through Spring Boot's
     * {@code PropertiesLauncher}: the same classes, plus MariaDB's JDBC driver.
     */
    List<String> withDriver(Svc svc, List<String> jvmOptions, Path driver) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-cp", jars.get(svc).toString(), "-Dloader.path=" + driver.toAbsolutePath(),
                PROPERTIES_LAUNCHER));
        return launch;
    }

    /**
     * MariaDB's JDBC driver as a jar file of its own (copied into {@code dir} out of the benchmark's
     * executable jar, or the jar it was loaded from).
     */
    static Path mariadbDriver(Path dir) throws IOException {
        try {
            var location = Class.forName("org.mariadb.jdbc.Driver").getProtectionDomain().getCodeSource().getLocation();
            if ("file".equals(location.getProtocol())) {
                return Path.of(location.toURI());
            }
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("MariaDB's JDBC driver is not on the benchmark's class path", e);
        }
        try (ZipFile bench = new ZipFile(System.getProperty("java.class.path"))) {
            var entry = bench.stream()
                    .filter(e -> e.getName().matches("BOOT-INF/lib/mariadb-java-client-[^/]*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no mariadb-java-client jar in " + bench.getName()));
            Path copy = dir.resolve(Path.of(entry.getName()).getFileName());
            try (InputStream in = bench.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }
}
