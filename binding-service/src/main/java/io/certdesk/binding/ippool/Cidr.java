package io.certdesk.binding.ippool;

import io.certdesk.binding.network.IpAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 network in CIDR notation, with the address arithmetic pools need. */
public record Cidr(InetAddress network, int prefix) {

    /** Parses {@code 203.0.113.0/28} or {@code 2001:db8::/120}; the host bits must be zero. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<InetAddress> address = IpAddresses.parse(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (address.isEmpty() || prefix > bits(address.get())) {
            return Optional.empty();
        }
        Cidr cidr = new Cidr(address.get(), prefix);
        return cidr.first().equals(toBig(address.get())) ? Optional.of(cidr) : Optional.empty();
    }

    /** The largest pools: an IPv4 /16 (65,534 addresses) or an IPv6 /48. */
    public static final int MIN_PREFIX_V4 = 16;
    public static final int MIN_PREFIX_V6 = 48;

    /**
     * Why this block cannot be a pool of server addresses, or empty when it can: a block larger than
     * {@value #MIN_PREFIX_V4} bits (IPv4) or {@value #MIN_PREFIX_V6} bits (IPv6) is a typing error rather than a
     * pool (0.0.0.0/0 would swallow every address), and its first and last address must be unicast.
     */
    public Optional<String> unusableAsPool() {
        int min = isV4() ? MIN_PREFIX_V4 : MIN_PREFIX_V6;
        if (prefix < min) {
            return Optional.of("/" + prefix + " is larger than a pool can be (at most /" + min + " for "
                    + (isV4() ? "IPv4" : "IPv6") + ")");
        }
        for (BigInteger n : new BigInteger[] {first(), last()}) {
            Optional<String> why = IpAddresses.notUnicast(address(n));
            if (why.isPresent()) {
                return Optional.of(IpAddresses.text(address(n)) + " " + why.get());
            }
        }
        return Optional.empty();
    }

    public boolean isV4() {
        return network instanceof Inet4Address;
    }

    public int bits() {
        return bits(network);
    }

    /** The numerically first address of the block. */
    public BigInteger first() {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE);
        return toBig(network).andNot(hostMask);
    }

    /** The numerically last address of the block. */
    public BigInteger last() {
        return first().add(BigInteger.ONE.shiftLeft(bits() - prefix)).subtract(BigInteger.ONE);
    }

    /**
     * The first and last address a server may be given: IPv4 networks larger than /31 lose their
     * network and broadcast address, IPv6 networks larger than /127 their subnet-router anycast address.
     */
    public BigInteger firstUsable() {
        return prefix < bits() - 1 ? first().add(BigInteger.ONE) : first();
    }

    public BigInteger lastUsable() {
        return isV4() && prefix < 31 ? last().subtract(BigInteger.ONE) : last();
    }

    /** How many addresses can be handed out. */
    public BigInteger usableCount() {
        BigInteger n = lastUsable().subtract(firstUsable()).add(BigInteger.ONE);
        return n.signum() < 0 ? BigInteger.ZERO : n;
    }

    public boolean overlaps(Cidr other) {
        return isV4() == other.isV4() && first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
    }

    public boolean contains(InetAddress address) {
        if ((address instanceof Inet4Address) != isV4()) {
            return false;
        }
        BigInteger n = toBig(address);
        return first().compareTo(n) <= 0 && n.compareTo(last()) <= 0;
    }

    /** The canonical text of the address with number {@code n} in this block's family. */
    public String addressText(BigInteger n) {
        return IpAddresses.text(address(n));
    }

    private InetAddress address(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] bytes = new byte[bits() / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a " + bytes.length + "-byte address is always valid", e);
        }
    }

    @Override
    public String toString() {
        return IpAddresses.text(network) + "/" + prefix;
    }

    private static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    private static BigInteger toBig(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }
}
