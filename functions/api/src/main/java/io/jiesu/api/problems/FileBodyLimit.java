package io.jiesu.api.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Gives the endpoints marked {@link FileBody} the file limit, which {@link StreamedBodyLimit} then counts to. */
@Provider
@FileBody
public class FileBodyLimit implements ContainerRequestFilter {
    @ConfigProperty(name = "jiesu.http.max-file-bytes", defaultValue = "5242880")
    long maxFileBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(StreamedBodyLimit.LIMIT, maxFileBytes);
    }
}
