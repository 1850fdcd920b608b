package io.jiesu.api.catalogue;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.core.catalogue.RoutingCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The handling units and the catalogue of matters that routes tickets; the centre's admin replaces it. */
@Path("/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {
    @Inject
    CatalogueStore catalogue;

    @Operation(summary = "The routing catalogue",
            description = "The handling units and the matters that route tickets to them (by matter code or keyword).")
    @GET
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public RoutingCatalogue get() {
        return catalogue.current();
    }

    @Operation(summary = "Replace the routing catalogue",
            description = "The centre's admin replaces the whole catalogue; every unit id is unique and every matter names units of the list.")
    @PUT
    @RolesAllowed("admin")
    public RoutingCatalogue replace(@NotNull RoutingCatalogue next) {
        catalogue.replace(next);
        return next;
    }
}
