package io.purseguard.dissuasion;

import io.purseguard.identity.Caller;
import io.purseguard.warning.WarningAddendum;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A warning's API answer carries its task ({@code task}), as far as the caller may see it. */
@Component
class TaskAddendum implements WarningAddendum {

    private final Tasks tasks;

    TaskAddendum(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public String property() {
        return "task";
    }

    @Override
    public Object of(UUID warningId, Caller caller) {
        return tasks.ofWarning(warningId, caller).orElse(null);
    }
}
