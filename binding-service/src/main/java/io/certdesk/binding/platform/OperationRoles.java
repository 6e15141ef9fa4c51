package io.certdesk.binding.platform;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who may call each operation, read from the code itself ({@code @RolesAllowed}, {@code @Authenticated},
 * {@code @PermitAll} on the method or its class) so that the contract's {@code x-roles} cannot drift from what the
 * service enforces. Runs once when the contract is built.
 */
final class OperationRoles {

    /** The role list of an operation that any authenticated caller may use. */
    static final String ANY_AUTHENTICATED = "authenticated";

    private OperationRoles() {
    }

    /** Operation id to its roles (empty for public operations), for every resource beside {@code anchor}'s package. */
    static Map<String, List<String>> scan(Class<?> anchor) {
        String base = anchor.getPackageName().substring(0, anchor.getPackageName().lastIndexOf('.'));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, List<String>> roles = new HashMap<>();
        for (String name : classNames(loader, base)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                Operation operation = m.getAnnotation(Operation.class);
                if (operation != null && !operation.operationId().isEmpty()) {
                    roles.put(operation.operationId(), rolesOf(m, type));
                }
            }
        }
        return roles;
    }

    private static List<String> rolesOf(Method m, Class<?> type) {
        RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
        if (allowed == null && m.getAnnotation(Authenticated.class) == null && m.getAnnotation(PermitAll.class) == null) {
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            return List.of(allowed.value());
        }
        if (m.getAnnotation(Authenticated.class) != null || type.getAnnotation(Authenticated.class) != null) {
            return List.of(ANY_AUTHENTICATED);
        }
        return List.of();
    }

    private static List<String> classNames(ClassLoader loader, String base) {
        String folder = base.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if ("file".equals(url.getProtocol())) {
                    Path root = Path.of(url.toURI());
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(base + "."
                                + root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class"))
                                .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the service's classes cannot be listed", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the service's classes cannot be listed", e);
        }
        return names;
    }
}
