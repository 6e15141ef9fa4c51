package io.certdesk.binding.ippool;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Addresses handed out from pools. */
@ApplicationScoped
public class IpAddressRepository implements PanacheRepository<IpAddress> {

    public Uni<List<IpAddress>> ofServer(long serverId) {
        return list("serverId", Sort.by("id"), serverId);
    }

    public Uni<List<IpAddress>> ofPool(long poolId) {
        return list("poolId", Sort.by("id"), poolId);
    }

    /** Allocated addresses per pool id, in one query. */
    public Uni<Map<Long, Long>> countsByPool() {
        return getSession().flatMap(session -> session
                .createSelectionQuery("select poolId, count(*) from IpAddress group by poolId", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(
                        r -> (Long) r[0], r -> (Long) r[1])));
    }

    public Uni<Long> countOfPool(long poolId) {
        return count("poolId", poolId);
    }

    public Uni<IpAddress> findByAddress(String address) {
        return find("address", address).firstResult();
    }

    public Uni<List<String>> takenAmong(Collection<String> addresses) {
        return list("address in ?1", addresses).map(found -> found.stream().map(a -> a.address).toList());
    }
}
