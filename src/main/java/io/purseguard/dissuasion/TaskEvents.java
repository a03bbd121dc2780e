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

    private final OpeningTasks opening;
    private final FollowingWarnings following;
    private final PostWarningWatch watch;
    private final Warnings warnings;

    TaskEvents(OpeningTasks opening, FollowingWarnings following, PostWarningWatch watch, Warnings warnings) {
        this.opening = opening;
        this.following = following;
        this.watch = watch;
        this.warnings = warnings;
    }

    @ApplicationModuleListener
    void on(WarningsReceived event) {
        opening.open(warnings.facts(event.warningIds()));
    }

    @ApplicationModuleListener
    void on(WarningSignedFor event) {
        following.signedFor(event.warningId(), event.by(), event.at());
    }

    @ApplicationModuleListener
    void on(WarningRerouted event) {
        following.rerouted(
                event.warningId(), event.status(), event.unitCode(), event.placement(), event.by(), event.at());
    }

    @ApplicationModuleListener
    void on(VictimisationReported event) {
        watch.victimised(event);
    }
}
