package io.jiesu.stages.train;

import io.jiesu.aws.routing.ImportUploads;
import io.jiesu.aws.routing.RouterTraining;
import io.jiesu.aws.routing.TrainingRequests.TrainingRequest;
import io.jiesu.aws.routing.TrainingRuns;
import io.jiesu.aws.routing.TrainingRuns.Run;
import io.jiesu.aws.routing.TrainingRuns.State;
import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RoutingExample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Trains the learned router on the history and puts the model in force: daily (the schedule's body names no run)
 * and for each training an admin or an import asked for (a TrainQueue record naming its run, which says here how
 * it ended), with an uploaded export beside the history when the request names one (kept as the import once
 * trained on). Too little history, or an export missing or with a bad row, is no failure (a retry would not
 * help): the run says so and the model in force stays.
 * A run already finished (a message delivered twice) is not trained again.
 */
@ApplicationScoped
public class TrainStage {
    @Inject
    RouterTraining training;
    @Inject
    TrainingRuns runs;
    @Inject
    ImportUploads uploads;

    public String handle(TrainingRequest request) {
        Optional<Run> run = request == null || request.run() == null ? Optional.empty() : runs.find(request.run());
        if (run.isPresent() && run.get().state().finished()) {
            return "run " + run.get().id() + " already " + run.get().state().wire();
        }
        try {
            RouterTraining.Trained trained = request == null || request.upload() == null ? training.train()
                    : trainWithUpload(request.upload());
            run.ifPresent(r -> runs.finish(r, State.TRAINED, trained.version(), trained.examples(), trained.measured(), null));
            MeasuredThreshold m = trained.measured();
            return "trained router " + trained.version() + " on " + trained.examples() + " lessons; " + (m.reached()
                    ? "measured threshold %.2f (it dispatches alone from the higher of it and jiesu.routing.threshold)"
                    .formatted(m.threshold())
                    : "no threshold reached precision %.2f: it only proposes".formatted(m.target()));
        } catch (RouterTraining.NotEnoughHistory | UnreadableImport e) {
            run.ifPresent(r -> runs.finish(r, State.NOT_TRAINED, null, null, null, e.getMessage()));
            return "not trained: " + e.getMessage();
        } catch (RuntimeException e) {
            // the message is tried again (then dead-lettered); meanwhile the run says it failed, and of what
            run.ifPresent(r -> runs.finish(r, State.FAILED, null, null, null, e.getClass().getSimpleName()));
            throw e;
        }
    }

    /**
     * The uploaded export read and checked as an import sent to the api is, trained on, kept as the import once its
     * model is in force, then deleted from storage (citizens' words: the bucket's lifecycle rule is the backstop).
     */
    private RouterTraining.Trained trainWithUpload(String upload) {
        byte[] raw = uploads.read(upload).orElseThrow(() -> new UnreadableImport("no file could be read as " + upload
                + " (never uploaded, or gone after a day): upload it again and ask again"));
        List<RoutingExample> imported;
        try {
            imported = training.readImport(raw);
        } catch (IllegalArgumentException badRow) {
            // the import names the row at fault (TicketImport): trying again would not mend the file
            throw new UnreadableImport(badRow.getMessage());
        }
        RouterTraining.Trained trained = training.trainWithImport(raw, imported);
        uploads.delete(upload);
        return trained;
    }

    /** An uploaded export that is not there or not readable: asking again will not help until it is mended. */
    static final class UnreadableImport extends RuntimeException {
        UnreadableImport(String message) {
            super(message);
        }
    }
}
