package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteRequest;
import dev.wattiq.app.run.Bills;
import dev.wattiq.app.run.SampleShape;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.UserInputException;

/**
 * A {@code show} request: one stored run by its id or a unique prefix of it, billed again for {@code site} when any
 * site field is given. The answer ({@link #run}) is printed by {@link dev.wattiq.app.run.Summary} and, as JSON, by
 * {@link dev.wattiq.app.run.RunJson#full} (what {@code GET /api/runs/ID} answers, with samples).
 */
public record ShowRequest(String runId, SiteRequest site) {
    public ShowRequest {
        if (site == null) site = SiteRequest.NONE;
    }

    /** The run, rebilled for the site given; a user error when the store has no such run. */
    public RunRecord run(RunStore store) throws StoreException {
        RunRecord r = find(store, runId);
        return site.given() ? rebill(store, r, site.site()) : r;
    }

    /** The run {@code runId} (or a unique prefix) names; a user error, naming the store, when there is none. */
    static RunRecord find(RunStore store, String runId) throws StoreException {
        return store.find(runId).orElseThrow(() -> new Errors.UserError(
                "no run '" + UserInputException.shown(runId) + "' in " + store.location() + ": list the runs with 'wattiq runs'"));
    }

    private static RunRecord rebill(RunStore store, RunRecord r, Site site) throws StoreException {
        SampleShape shape = new SampleShape();
        store.forEachSample(r.runId(), s -> shape.add(s.wallTime(), s.intervalSeconds(), s.totalWatts()));
        double seconds = Double.isFinite(r.durationSeconds()) ? r.durationSeconds() : 0;
        return r.withBill(Bills.bill(site, r, seconds, shape.samples()));
    }
}
