package io.certdesk.binding.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever touching DNS. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The address for a v4 or v6 literal, in canonical text form; empty for anything else. */
    public static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String s = literal.strip();
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.contains(":") && IPV6_CHARS.matcher(s).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // only literals reach this call, so it never resolves a name
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code address} cannot be a server's address, or empty when it can: a server listens on a unicast
     * address, so the unspecified address (0.0.0.0, ::), the "this network" block 0.0.0.0/8, multicast, the
     * reserved 240.0.0.0/4 and the limited broadcast 255.255.255.255 are refused. Loopback stays allowed (a
     * test rig or a reverse proxy on the same machine).
     */
    public static Optional<String> notUnicast(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("is the unspecified address, not one a server can be reached on");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("is a multicast address; a server needs a unicast address");
        }
        if (address instanceof java.net.Inet4Address) {
            int first = address.getAddress()[0] & 0xff;
            if (first == 0) {
                return Optional.of("is in 0.0.0.0/8 (\"this network\"), not a host address");
            }
            if (first >= 240) {
                return Optional.of(first == 255 && (address.getAddress()[3] & 0xff) == 255
                        ? "is the broadcast address" : "is in the reserved block 240.0.0.0/4");
            }
        }
        return Optional.empty();
    }

    /** The canonical text of an address (IPv6 compressed, lower case). */
    public static String text(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof java.net.Inet6Address ? compress(host) : host;
    }

    private static String compress(String full) {
        // java prints 2001:db8:0:0:0:0:0:1; RFC 5952 wants the longest zero run as ::
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
