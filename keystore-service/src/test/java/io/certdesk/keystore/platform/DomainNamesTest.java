package io.certdesk.keystore.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for host names in the three services (this file is a platform copy, so every service runs it). */
class DomainNamesTest {

    @ParameterizedTest
    @CsvSource({
        "www.aaa.co.jp, www.aaa.co.jp",
        "WWW.Example.COM, www.example.com",
        "www.example.com., www.example.com",
        "日本語.jp, xn--wgv71a119e.jp",
        "xn--wgv71a119e.jp, xn--wgv71a119e.jp",
        "ドメイン.テスト, xn--eckwd4c7c.xn--zckzah",
        "a-b.example, a-b.example"
    })
    void canonicalisesValidNames(String input, String expected) {
        assertEquals(expected, DomainNames.canonical(input).name().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"*.example.com, *.example.com", "*.日本語.jp, *.xn--wgv71a119e.jp"})
    void takesAWildcardOnlyWhereAllowed(String input, String expected) {
        assertEquals(expected, DomainNames.canonical(input, true).orThrow());
        assertTrue(DomainNames.canonical(input).name().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "under_score.example.com", "-lead.example.com",
        "trail-.example.com", "a..example.com", "example.123", "exa mple.com",
        "xn--zz.com", "xn--.com", "www.xn--a.jp", "xn--abc-.example.com", "ab--cd.example.com",
        "XN--ZZ.com", "xn--www-.example.com", "www.*.example.com", "w*.example.com", "*", "a\u0000b.com"})
    void rejectsInvalidNames(String input) {
        DomainNames.Result result = DomainNames.canonical(input, true);
        assertTrue(result.name().isEmpty(), input);
        assertTrue(result.problem() != null && !result.problem().isBlank());
        assertThrows(IllegalArgumentException.class, result::orThrow);
    }
}
