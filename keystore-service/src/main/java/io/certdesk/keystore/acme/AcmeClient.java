package io.certdesk.keystore.acme;

import io.certdesk.keystore.platform.Times;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeNotSupportedException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * One blocking RFC 8555 conversation with a CA: account, order, http-01 challenges answered
 * through the {@link Responder}, finalisation with the stored CSR, chain download. Runs on a
 * worker thread, never on an event loop.
 */
public final class AcmeClient {

    /** Publishes and withdraws http-01 answers where the responder endpoint can find them. */
    public interface Responder {
        void publish(String token, String keyAuthorization);

        void withdraw(String token);
    }

    /** Everything one attempt needs. */
    public record Job(UUID issuanceId, URI directory, KeyPair accountKey, String accountUrl, List<String> names,
            byte[] csrDer) {
    }

    /** How an attempt ended. */
    public sealed interface Outcome {
        /** Issued: leaf first, then intermediates; and the account URL to remember. */
        record Issued(List<X509Certificate> chain, String accountUrl) implements Outcome {
        }

        /** Try again at {@code at}; the problem explains what went wrong this time. */
        record Retry(Instant at, String problemType, String detail) implements Outcome {
        }

        /** The CA refused for good (e.g. the challenge failed). */
        record Failed(String problemType, String detail) implements Outcome {
        }
    }

    /** What the CA advises about renewing a certificate (ACME Renewal Information, RFC 9773). */
    public sealed interface Advice {
        /** Renew inside this window; ask again at {@code checkAgainAt} (the CA's Retry-After) when it names one. */
        record Window(Instant start, Instant end, Instant checkAgainAt, String explanationUrl) implements Advice {
        }

        /** The CA's directory offers no renewal information. */
        record NotOffered(String reason) implements Advice {
        }

        /** The CA could not be asked now; ask again later. */
        record Unavailable(String detail) implements Advice {
        }
    }

    private final Optional<SSLContext> serverTrust;
    private final Optional<String> eabKeyId;
    private final Optional<String> eabHmacKey;
    private final Optional<String> contactEmail;
    private final Duration stepTimeout;

    public AcmeClient(Optional<Path> serverTrust, Optional<String> eabKeyId, Optional<String> eabHmacKey,
            Optional<String> contactEmail, Duration stepTimeout) {
        this.serverTrust = serverTrust.map(AcmeClient::sslContext);
        this.eabKeyId = eabKeyId;
        this.eabHmacKey = eabHmacKey;
        this.contactEmail = contactEmail;
        this.stepTimeout = stepTimeout;
    }

    /** Asks the CA of {@code directory} when to renew {@code certificate}; blocking, on a worker thread. */
    public Advice renewalInfo(URI directory, KeyPair accountKey, String accountUrl, X509Certificate certificate) {
        try {
            Session session = session(directory);
            if (session.resourceUrlOptional(org.shredzone.acme4j.connector.Resource.RENEWAL_INFO).isEmpty()) {
                return new Advice.NotOffered("the CA's directory names no renewalInfo resource");
            }
            RenewalInfo info = session.login(new URL(accountUrl), accountKey).bindRenewalInfo(certificate);
            Optional<Instant> retryAfter = info.fetch();
            return new Advice.Window(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd(), retryAfter.orElse(null),
                    info.getExplanation().map(URL::toString).orElse(null));
        } catch (AcmeNotSupportedException e) {
            return new Advice.NotOffered(String.valueOf(e.getMessage()));
        } catch (AcmeException | RuntimeException | java.net.MalformedURLException e) {
            return new Advice.Unavailable(String.valueOf(e.getMessage()));
        }
    }

    private Session session(URI directory) {
        Session session = serverTrust.map(ctx -> new Session(directory, new TrustingProvider(ctx)))
                .orElseGet(() -> new Session(directory));
        session.networkSettings().setTimeout(Duration.ofSeconds(30));
        return session;
    }

    public Outcome obtain(Job job, Responder responder, Duration retryDelay) {
        try {
            Session session = session(job.directory());
            Account account = account(session, job);
            Order order = account.newOrder().domains(job.names()).create();
            for (Authorization auth : order.getAuthorizations()) {
                if (auth.getStatus() == Status.VALID) {
                    continue;
                }
                Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElse(null);
                if (challenge == null) {
                    return new Outcome.Failed("urn:ietf:params:acme:error:unsupportedChallenge",
                            "the CA offers no http-01 challenge for " + auth.getIdentifier().getDomain());
                }
                responder.publish(challenge.getToken(), challenge.getAuthorization());
                try {
                    challenge.trigger();
                    Status status = challenge.waitForCompletion(stepTimeout);
                    if (status != Status.VALID) {
                        Problem problem = challenge.getError().orElse(null);
                        return new Outcome.Failed(problem == null ? "urn:ietf:params:acme:error:unauthorized" : problem.getType().toString(),
                                "http-01 validation of " + auth.getIdentifier().getDomain() + " failed"
                                        + (problem == null ? "" : ": " + problem.getDetail().orElse(problem.toString())));
                    }
                } finally {
                    responder.withdraw(challenge.getToken());
                }
            }
            Status ready = order.waitUntilReady(stepTimeout);
            if (ready != Status.READY && ready != Status.VALID) {
                return new Outcome.Failed(orderProblem(order), "the order did not become ready (" + ready + ")");
            }
            order.execute(job.csrDer());
            Status done = order.waitForCompletion(stepTimeout);
            if (done != Status.VALID) {
                return new Outcome.Failed(orderProblem(order), "finalisation ended " + done);
            }
            List<X509Certificate> chain = order.getCertificate().getCertificateChain();
            return new Outcome.Issued(chain, account.getLocation().toString());
        } catch (AcmeRateLimitedException e) {
            return new Outcome.Retry(e.getRetryAfter().orElse(Times.now().plus(retryDelay)), e.getType().toString(),
                    "rate limited by the CA: " + e.getMessage());
        } catch (AcmeServerException e) {
            boolean transientProblem = e.getType().toString().endsWith(":serverInternal")
                    || e.getType().toString().endsWith(":badNonce");
            if (transientProblem) {
                return new Outcome.Retry(Times.now().plus(retryDelay), e.getType().toString(), e.getMessage());
            }
            return new Outcome.Failed(e.getType().toString(), e.getMessage());
        } catch (AcmeNetworkException e) {
            return new Outcome.Retry(Times.now().plus(retryDelay), "urn:certdesk:acme:network",
                    "the CA could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry(Times.now().plus(retryDelay), "urn:certdesk:acme:interrupted", "the attempt was interrupted");
        } catch (AcmeException | RuntimeException e) {
            // timeouts of the waits, protocol errors: try again later, the attempt limit ends it
            return new Outcome.Retry(Times.now().plus(retryDelay), "urn:certdesk:acme:attempt-failed", String.valueOf(e.getMessage()));
        }
    }

    private Account account(Session session, Job job) throws AcmeException {
        if (job.accountUrl() != null) {
            try {
                return session.login(new URL(job.accountUrl()), job.accountKey()).getAccount();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException("stored ACME account URL is invalid", e);
            }
        }
        AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(job.accountKey());
        contactEmail.ifPresent(builder::addEmail);
        if (eabKeyId.isPresent() && eabHmacKey.isPresent()) {
            builder.withKeyIdentifier(eabKeyId.get(), eabHmacKey.get());
        }
        return builder.create(session);
    }

    private static String orderProblem(Order order) {
        return order.getError().map(p -> p.getType().toString()).orElse("urn:certdesk:acme:order-failed");
    }

    private static SSLContext sslContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, cert);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The ACME server trust file " + pem + " cannot be read", e);
        }
    }

    /** The generic https provider with an HTTP client that trusts the configured CAs. */
    static final class TrustingProvider extends GenericAcmeProvider {
        private final SSLContext context;

        TrustingProvider(SSLContext context) {
            this.context = context;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(settings.getTimeout()).sslContext(context).build();
        }
    }
}
