package io.certdesk.order.remote;

import io.certdesk.order.remote.binding.api.BindingsApi;
import io.certdesk.order.remote.binding.api.ServersApi;
import io.certdesk.order.remote.binding.model.Binding;
import io.certdesk.order.remote.binding.model.BindingPage;
import io.certdesk.order.remote.binding.model.BindingPreview;
import io.certdesk.order.remote.binding.model.BindingRequest;
import io.certdesk.order.remote.binding.model.BindingResult;
import io.certdesk.order.remote.binding.model.BindingStrategy;
import io.certdesk.order.remote.binding.model.CertificateLink;
import io.certdesk.order.remote.binding.model.Server;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * binding-service as order-service uses it, through the client generated from binding's committed contract; every
 * call passes {@link RemoteCalls} and fails as a {@link RemoteProblem}. A bind carries an Idempotency-Key.
 */
@ApplicationScoped
public class BindingClient {

    public static final String SERVICE = "binding-service";

    private final ServersApi servers;
    private final BindingsApi bindings;
    private final RemoteCalls calls;

    public BindingClient(@RestClient ServersApi servers, @RestClient BindingsApi bindings, RemoteCalls calls) {
        this.servers = servers;
        this.bindings = bindings;
        this.calls = calls;
    }

    public Uni<Server> getServer(String serverId) {
        return mapped(calls.binding(() -> servers.getServer(serverId)));
    }

    public Uni<BindingPreview> preview(String serverId, String domain, BindingStrategy strategy) {
        return mapped(calls.binding(() -> bindings.previewBinding(serverId, domain, strategy)));
    }

    /** Bindings of {@code domain} on any server, or only on {@code serverId} when given. */
    public Uni<BindingPage> bindingsOf(String domain, String serverId) {
        return mapped(calls.binding(() -> bindings.searchBindings(null, domain, null, 0, null, serverId, 200, null)));
    }

    public Uni<BindingResult> bind(String serverId, BindingRequest request, String idempotencyKey) {
        return mapped(calls.binding(() -> bindings.bindDomain(serverId, request, idempotencyKey)));
    }

    public Uni<Binding> link(String serverId, String bindingId, String certificateId, String fingerprint) {
        return mapped(calls.binding(() -> bindings.linkBindingCertificate(bindingId, serverId,
                new CertificateLink().certificateId(certificateId).certificateFingerprint(fingerprint), null)));
    }

    public Uni<Binding> probe(String serverId, String bindingId) {
        return mapped(calls.binding(() -> bindings.probeBinding(bindingId, serverId)));
    }

    public Uni<Void> unbind(String serverId, String bindingId) {
        return mapped(calls.binding(() -> bindings.unbindDomain(bindingId, serverId, null))).replaceWithVoid();
    }

    private static <T> Uni<T> mapped(Uni<T> call) {
        return call.onFailure().transform(e -> RemoteProblem.of(SERVICE, e));
    }
}
