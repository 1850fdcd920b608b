package io.jiesu.api.problems;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * An endpoint that takes a file as its body (a city's export of last year's tickets): its body may reach
 * jiesu.http.max-file-bytes instead of the few KB of jiesu.http.max-body-bytes. {@link FileBodyLimit} raises the limit
 * for the endpoints bound to it; EdgeRoutes checks a declared length against it for the paths in {@link #PATHS}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FileBody {
    /** The paths of the endpoints bound to it, as EdgeRoutes sees them before routing. */
    Set<String> PATHS = Set.of("/v1/admin/routing/import");
}
