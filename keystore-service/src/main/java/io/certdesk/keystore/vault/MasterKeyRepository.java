package io.certdesk.keystore.vault;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Master key versions. */
@ApplicationScoped
public class MasterKeyRepository implements PanacheRepositoryBase<MasterKey, Integer> {

    public Uni<List<MasterKey>> active() {
        return find("retiredAt is null", Sort.by("version")).list();
    }

    /** Versions older than {@code current} that no key's data keys are wrapped with any more. */
    public Uni<List<MasterKey>> unusedBefore(int current) {
        return find("from MasterKey m where m.retiredAt is null and m.version < ?1 and not exists "
                + "(select 1 from ManagedKey k where k.masterKeyVersion = m.version)", current).list();
    }

    public Uni<Integer> newestVersion() {
        return find("select max(m.version) from MasterKey m").project(Integer.class).firstResult()
                .map(v -> v == null ? 0 : v);
    }
}
