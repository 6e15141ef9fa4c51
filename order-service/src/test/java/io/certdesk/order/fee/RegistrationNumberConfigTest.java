package io.certdesk.order.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The registration number printed on invoices has no made-up production default: the service's own
 * application.properties, read as Quarkus reads it, refuses to start without CERTDESK_BILLING_REGISTRATION_NUMBER
 * or with a malformed one.
 */
class RegistrationNumberConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        RegistrationNumberConfigTest.class.getResource("/application.properties"), 250))
                // what the environment variable becomes in Quarkus: a source above application.properties
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withMapping(BillingConfig.class)
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return VALIDATOR;
                    }
                })
                .build();
    }

    @Test
    void productionWithoutTheVariableDoesNotStartAndSaysWhatToSet() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod", Map.of()));
        assertTrue(messages(e).contains("CERTDESK_BILLING_REGISTRATION_NUMBER"), messages(e));
    }

    @Test
    void aMalformedNumberDoesNotStart() {
        for (String bad : new String[] {"1234567890123", "T123456789012", "T12345678901234", "t1234567890123",
                "T12345678901X3"}) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> config("prod", Map.of("certdesk.billing.registration-number", bad)), bad);
            assertTrue(messages(e).contains("'T' followed by 13 digits"), messages(e));
        }
    }

    @Test
    void productionTakesTheConfiguredNumber() throws IOException {
        assertEquals("T9876543210987", config("prod", Map.of("certdesk.billing.registration-number", "T9876543210987"))
                .getConfigMapping(BillingConfig.class).registrationNumber());
    }

    @Test
    void devAndTestUseTheDummyNumber() throws IOException {
        for (String profile : new String[] {"dev", "test"}) {
            assertEquals("T1234567890123",
                    config(profile, Map.of()).getConfigMapping(BillingConfig.class).registrationNumber());
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
