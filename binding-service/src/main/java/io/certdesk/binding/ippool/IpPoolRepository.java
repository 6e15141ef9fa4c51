package io.certdesk.binding.ippool;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** IP pools. */
@ApplicationScoped
public class IpPoolRepository implements PanacheRepository<IpPool> {

    public Uni<List<IpPool>> allById() {
        return listAll(Sort.by("id"));
    }

    /** Locks the pool so that two servers allocating from it at once are served one after the other. */
    public Uni<IpPool> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
