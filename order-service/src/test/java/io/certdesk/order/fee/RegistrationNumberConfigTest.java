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
import java.util.List;
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

    /** Everything production must set besides the registration number. */
    private static Map<String, String> production(String registrationNumber) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "certdesk.billing.issuer-name", "株式会社サンプルホスティング",
                "certdesk.billing.bank.name", "さくら銀行",
                "certdesk.billing.bank.branch", "本店営業部",
                "certdesk.billing.bank.account-number", "7654321",
                "certdesk.billing.bank.account-holder", "サンプルホスティング（カ"));
        if (registrationNumber != null) {
            env.put("certdesk.billing.registration-number", registrationNumber);
        }
        return env;
    }

    @Test
    void productionWithoutTheVariableDoesNotStartAndSaysWhatToSet() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod", production(null)));
        assertTrue(messages(e).contains("CERTDESK_BILLING_REGISTRATION_NUMBER"), messages(e));
    }

    @Test
    void productionWithoutTheIssuerOrTheBankDoesNotStartAndSaysWhatToSet() {
        for (String missing : List.of("certdesk.billing.issuer-name", "certdesk.billing.bank.name",
                "certdesk.billing.bank.account-number")) {
            Map<String, String> env = production("T7123456789012");
            env.remove(missing);
            RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod", env), missing);
            String variable = "CERTDESK_" + missing.substring("certdesk.".length()).replace('.', '_').replace('-', '_')
                    .toUpperCase(java.util.Locale.ROOT);
            assertTrue(messages(e).contains(variable), variable + " in " + messages(e));
        }
    }

    @Test
    void aMalformedNumberDoesNotStart() {
        for (String bad : new String[] {"1234567890123", "T123456789012", "T12345678901234", "t1234567890123",
                "T12345678901X3"}) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod", production(bad)), bad);
            assertTrue(messages(e).contains("'T' followed by 13 digits"), messages(e));
        }
    }

    @Test
    void aNumberWithAWrongCheckDigitDoesNotStart() {
        // the corporate number's first digit checks the other twelve: 7000012050002 is the National Tax Agency's
        for (String bad : new String[] {"T1234567890123", "T6000012050002", "T8123456789012"}) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod", production(bad)), bad);
            assertTrue(messages(e).contains("wrong check digit"), messages(e));
        }
        for (String good : new String[] {"T7000012050002", "T7123456789012", "T3987654321098", "T9000000000000"}) {
            assertTrue(RegistrationNumber.Check.valid(good), good);
        }
    }

    @Test
    void productionTakesTheConfiguredNumber() throws IOException {
        assertEquals("T3987654321098", config("prod", production("T3987654321098"))
                .getConfigMapping(BillingConfig.class).registrationNumber());
    }

    @Test
    void devAndTestUseAMadeUpNumberWithARightCheckDigit() throws IOException {
        for (String profile : new String[] {"dev", "test"}) {
            BillingConfig billing = config(profile, Map.of()).getConfigMapping(BillingConfig.class);
            assertEquals("T7123456789012", billing.registrationNumber());
            assertEquals("certdesk株式会社", billing.issuerName());
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
