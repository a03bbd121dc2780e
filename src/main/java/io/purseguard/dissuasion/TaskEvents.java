package io.purseguard.dissuasion;

import io.purseguard.warning.WarningRerouted;
import io.purseguard.warning.WarningSignedFor;
import io.purseguard.warning.Warnings;
import io.purseguard.warning.WarningsReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What dissuasion does when something happens elsewhere. Each runs after the other side committed,
 * in its own transaction, and is recorded by the event registry until it succeeds: a crash in
 * between is made good on restart, a failure is retried by the {@link SlaClock}.
 */
@Component
class TaskEvents {

    private final Tasks tasks;
    private final Warnings warnings;

    TaskEvents(Tasks tasks, Warnings warnings) {
        this.tasks = tasks;
        this.warnings = warnings;
    }

    @ApplicationModuleListener
    void on(WarningsReceived event) {
        tasks.open(warnings.facts(event.warningIds()));
    }

    @ApplicationModuleListener
    void on(WarningSignedFor event) {
        tasks.signedFor(event.warningId(), event.by(), event.at());
    }

    @ApplicationModuleListener
    void on(WarningRerouted event) {
        tasks.rerouted(event.warningId(), event.status(), event.unitCode(), event.placement(), event.by(), event.at());
    }

    @ApplicationModuleListener
    void on(VictimisationReported event) {
        tasks.victimised(event);
    }
}
