package io.certdesk.binding.ippool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CidrTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Test
    void ipv4UsableRangeSkipsNetworkAndBroadcast() {
        Cidr c = cidr("192.0.2.8/29");
        assertEquals("192.0.2.9", c.addressText(c.firstUsable()));
        assertEquals("192.0.2.14", c.addressText(c.lastUsable()));
        assertEquals(BigInteger.valueOf(6), c.usableCount());
        assertEquals(BigInteger.ONE, cidr("192.0.2.7/32").usableCount());
        assertEquals(BigInteger.TWO, cidr("192.0.2.6/31").usableCount());
    }

    @Test
    void ipv6SkipsOnlyTheSubnetRouterAnycastAddress() {
        Cidr c = cidr("2001:db8::/126");
        assertEquals("2001:db8::1", c.addressText(c.firstUsable()));
        assertEquals("2001:db8::3", c.addressText(c.lastUsable()));
        assertEquals("2001:db8::/126", c.toString());
    }

    @Test
    void overlapIsPerFamilyAndInclusive() {
        assertTrue(cidr("10.0.0.0/8").overlaps(cidr("10.1.2.0/24")));
        assertTrue(cidr("10.1.2.0/24").overlaps(cidr("10.0.0.0/8")));
        assertFalse(cidr("10.0.0.0/25").overlaps(cidr("10.0.0.128/25")));
        assertFalse(cidr("0.0.0.0/0").overlaps(cidr("::/0")));
    }

    @Test
    void hostBitsAndBadPrefixesAreRejected() {
        assertTrue(Cidr.parse("10.0.0.1/24").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/-1").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/").isEmpty());
        assertTrue(Cidr.parse("::/129").isEmpty());
        assertTrue(Cidr.parse("example.com/24").isEmpty());
    }
}
