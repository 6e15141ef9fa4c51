package io.certdesk.order.product;

import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The certificate product catalog: staff maintain it, every authenticated caller reads it. */
@Path("/products")
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductService service;
    private final Idempotency idempotency;

    public ProductResource(ProductService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createProduct", summary = "Add a certificate product to the catalog")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "A product with this code exists")
    public Uni<RestResponse<ProductView>> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ProductRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, ProductView.class, () -> service.create(request)
                .map(p -> RestResponse.ResponseBuilder.<ProductView>created(
                        uri.getAbsolutePathBuilder().path(p.code()).build()).entity(p).build()));
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProducts", summary = "List products, by code unless sorted otherwise",
            extensions = @Extension(name = "x-sort-fields", value = "code, name, validationLevel, createdAt"))
    public Uni<Page<ProductView>> list(
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @QueryParam("validationLevel") ValidationLevel validationLevel,
            @QueryParam("q") String q,
            @BeanParam @Valid PageRequest paging) {
        return service.list(new ProductService.Filter(includeInactive, validationLevel, q), paging);
    }

    @GET
    @Path("/{productCode}")
    @Authenticated
    @Operation(operationId = "getProduct", summary = "Read one product")
    public Uni<ProductView> get(@PathParam("productCode") String productCode) {
        return service.get(productCode);
    }

    @PUT
    @Path("/{productCode}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateProduct", summary = "Replace a product's details; If-Match with the ETag you read is required",
            extensions = @Extension(name = "x-if-match-required", value = "true"))
    public Uni<ProductView> update(@PathParam("productCode") String productCode,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid ProductUpdate update) {
        return service.update(productCode, update, ifMatch);
    }
}
