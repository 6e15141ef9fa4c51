package io.certdesk.binding.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An IP:port a server answers HTTPS on, shared (SNI) or exclusive. It exists while bindings use it; the
 * database ties each binding to an endpoint of the same mode and server.
 */
@Entity
@Table(name = "endpoint")
@IdClass(Endpoint.Key.class)
public class Endpoint {

    @Id
    @Column(length = 45)
    public String ip;

    @Id
    public int port;

    @Column(nullable = false)
    public boolean shared;

    @Column(name = "server_id", nullable = false)
    public long serverId;

    /** The primary key. */
    public static class Key implements Serializable {
        public String ip;
        public int port;

        public Key() {
        }

        public Key(String ip, int port) {
            this.ip = ip;
            this.port = port;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.port == port && Objects.equals(k.ip, ip);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ip, port);
        }
    }
}
