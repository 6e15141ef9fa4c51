package io.certdesk.binding.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

    @ParameterizedTest
    @CsvSource({
        "www.aaa.co.jp, www.aaa.co.jp",
        "WWW.Example.COM, www.example.com",
        "www.example.com., www.example.com",
        "日本語.jp, xn--wgv71a119e.jp",
        "ドメイン.テスト, xn--eckwd4c7c.xn--zckzah",
        "a-b.example, a-b.example"
    })
    void canonicalisesValidNames(String input, String expected) {
        assertEquals(expected, DomainNames.canonical(input).name().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "under_score.example.com", "-lead.example.com",
        "trail-.example.com", "a..example.com", "example.123", "*.example.com", "exa mple.com"})
    void rejectsInvalidNames(String input) {
        DomainNames.Result result = DomainNames.canonical(input);
        assertTrue(result.name().isEmpty(), input);
        assertTrue(result.problem() != null && !result.problem().isBlank());
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.10, 203.0.113.10", "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "::1, ::1"})
    void parsesAddressLiterals(String input, String expected) {
        assertEquals(expected, IpAddresses.parse(input).map(IpAddresses::text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "example.com", "1.2.3", "01.2.3.4", "gggg::1"})
    void rejectsNonLiterals(String input) {
        assertTrue(IpAddresses.parse(input).isEmpty(), input);
    }
}
