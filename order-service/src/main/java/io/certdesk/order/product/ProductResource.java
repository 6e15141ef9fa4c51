package io.certdesk.order.product;

import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The certificate product catalog: staff maintain it, every authenticated caller reads it. */
@Path("/products")
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class ProductResource {

    private final ProductService service;

    public ProductResource(ProductService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createProduct", summary = "Add a certificate product to the catalog")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<ProductView>> create(@NotNull @Valid ProductRequest request, UriInfo uri) {
        return service.create(request).map(p -> RestResponse.ResponseBuilder
                .<ProductView>created(uri.getAbsolutePathBuilder().path(p.code()).build()).entity(p).build());
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProducts", summary = "List products, ordered by code")
    public Uni<Page<ProductView>> list(
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(includeInactive, page, size);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getProduct", summary = "Read one product")
    public Uni<ProductView> get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateProduct", summary = "Replace a product's details (optimistic: send the version you read)")
    public Uni<ProductView> update(@PathParam("code") String code, @NotNull @Valid ProductUpdate update) {
        return service.update(code, update);
    }
}
