package io.certdesk.binding.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/** Refuses to start with binding settings that would only fail later, request by request. */
@ApplicationScoped
public class BindingSettingsCheck {

    void verifyBindingSettings(@Observes StartupEvent event, BindingConfig config) {
        int first = config.alternatePorts().first();
        int last = config.alternatePorts().last();
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalStateException("certdesk.binding.alternate-ports must be a range first <= last within 1-65535, not "
                    + first + "-" + last);
        }
        for (int port : new int[] {config.httpsPort(), config.httpPort()}) {
            if (port >= first && port <= last) {
                throw new IllegalStateException("certdesk.binding.alternate-ports " + first + "-" + last
                        + " must not contain the HTTP or HTTPS port " + port);
            }
        }
        URI responder = URI.create(config.acmeResponderUrl());
        if (!"http".equals(responder.getScheme()) && !"https".equals(responder.getScheme()) || responder.getHost() == null
                || responder.getPath() != null && !responder.getPath().isEmpty() && !responder.getPath().equals("/")) {
            throw new IllegalStateException("certdesk.binding.acme-responder-url must be http(s)://host[:port] without a path, not "
                    + config.acmeResponderUrl());
        }
    }
}
