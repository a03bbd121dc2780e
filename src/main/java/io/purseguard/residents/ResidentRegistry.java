package io.purseguard.residents;

import io.purseguard.platform.BulkCopy;
import io.purseguard.scope.Placement;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers residents and their ties in bulk. */
@Service
public class ResidentRegistry {

    private final BulkCopy bulk;
    private final JdbcClient jdbc;

    ResidentRegistry(BulkCopy bulk, JdbcClient jdbc) {
        this.bulk = bulk;
        this.jdbc = jdbc;
    }

    /**
     * Loads residents and ties; each tie is stored in both directions, so pass each pair once. Holds
     * an exclusive lock on the tie table until the transaction ends: meant for bulk loads.
     *
     * @return the number of residents written
     */
    @Transactional
    public long load(Collection<NewResident> residents, Collection<Tie> ties) {
        long written = bulk.copy(
                "residents.resident",
                Placement.columnsAfter(
                        "id",
                        "name",
                        "id_number",
                        "gender",
                        "birth_date",
                        "phone",
                        "address",
                        "home_village",
                        "occupation",
                        "employer",
                        "tags"),
                residents,
                r -> r.placement()
                        .appendTo(
                                r.id(),
                                r.name(),
                                r.idNumber().value(),
                                r.idNumber().gender().name(),
                                r.idNumber().birthDate(),
                                r.phone(),
                                r.address(),
                                r.homeVillage(),
                                r.occupation(),
                                r.employer(),
                                r.tags() == null ? List.of() : r.tags()));
        // Checking the two foreign keys row by row costs two thirds of a city's load; dropping them
        // for the copy and adding them back checks every tie in one set-based pass instead. Both
        // happen in this transaction, so no one ever sees the table without them.
        jdbc.sql("ALTER TABLE residents.tie DROP CONSTRAINT tie_resident_fk, DROP CONSTRAINT tie_other_fk")
                .update();
        bulk.copy(
                "residents.tie",
                List.of("resident_id", "other_id", "relation"),
                () -> ties.stream()
                        .flatMap(t -> java.util.stream.Stream.of(t, t.inverse()))
                        .iterator(),
                t -> new Object[] {t.residentId(), t.otherId(), t.relation().name()});
        jdbc.sql("""
                        ALTER TABLE residents.tie
                          ADD CONSTRAINT tie_resident_fk FOREIGN KEY (resident_id) REFERENCES residents.resident (id),
                          ADD CONSTRAINT tie_other_fk FOREIGN KEY (other_id) REFERENCES residents.resident (id)
                        """).update();
        jdbc.sql("ANALYZE residents.resident").update();
        jdbc.sql("ANALYZE residents.tie").update();
        return written;
    }
}
