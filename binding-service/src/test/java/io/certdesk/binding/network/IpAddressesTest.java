package io.certdesk.binding.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

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
