package io.certdesk.keystore.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.pki.CsrSubject.ValidationLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectValidatorTest {

    private static List<String> fields(SubjectValidator.InvalidSubjectException e) {
        return e.problems().stream().map(SubjectValidator.Problem::field).toList();
    }

    @Test
    void dvTakesNamesOnlyAndPutsCommonNameFirst() {
        CsrSubject s = SubjectValidator.validate(ValidationLevel.DV, "www.aaa.co.jp", null, null, null, null, "jp",
                List.of("aaa.co.jp", "www.aaa.co.jp"));
        assertEquals(List.of("www.aaa.co.jp", "aaa.co.jp"), s.dnsNames());
        assertEquals("JP", s.country());
    }

    @Test
    void dvForbidsOrganisationFields() {
        var e = assertThrows(SubjectValidator.InvalidSubjectException.class, () -> SubjectValidator.validate(
                ValidationLevel.DV, "www.aaa.co.jp", "AAA", "IT", "Shibuya", "Tokyo", "JP", List.of()));
        assertEquals(List.of("organization", "organizationalUnit", "locality", "state"), fields(e));
    }

    @Test
    void ovRequiresOrganisationFieldsAndEvForbidsWildcards() {
        var ov = assertThrows(SubjectValidator.InvalidSubjectException.class, () -> SubjectValidator.validate(
                ValidationLevel.OV, "www.aaa.co.jp", null, null, null, null, null, List.of()));
        assertEquals(List.of("organization", "locality", "state", "country"), fields(ov));
        var ev = assertThrows(SubjectValidator.InvalidSubjectException.class, () -> SubjectValidator.validate(
                ValidationLevel.EV, "*.aaa.co.jp", "AAA", null, "Shibuya", "Tokyo", "JP", List.of()));
        assertEquals(List.of("commonName"), fields(ev));
    }

    @Test
    void commonNameMustBeAmongGivenSansAndCountryMustBeIso() {
        var e = assertThrows(SubjectValidator.InvalidSubjectException.class, () -> SubjectValidator.validate(
                ValidationLevel.DV, "www.aaa.co.jp", null, null, null, null, "XX", List.of("shop.aaa.co.jp", "bad_name.jp")));
        assertTrue(fields(e).containsAll(List.of("commonName", "country", "subjectAlternativeNames[1]")), fields(e).toString());
    }
}
