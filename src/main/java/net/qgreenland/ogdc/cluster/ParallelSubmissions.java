package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.translate.RecipeWorkflows;

/**
 * Submits many recipes with at most {@code parallel} of them being submitted at once (the helpers run and the
 * main workflow sent: {@link RecipeSubmitter#start}), and follows every submitted main workflow to its end
 * ({@link RecipeSubmitter#follow}) without holding one of those places. So a hundred recipes whose workflows run
 * for an hour take an hour, not {@code 100 / parallel} hours; the cluster, not this program, decides how many run
 * at once.
 *
 * <p>A follower is a thread parked until its workflow's end arrives through the run's one
 * {@link WorkflowTracker} watch (or its periodic check); it sends no request meanwhile.
 */
public final class ParallelSubmissions implements AutoCloseable {

    private final ExecutorService submitting;
    private final ExecutorService following;
    private final Set<CompletableFuture<RecipeSubmission>> results = ConcurrentHashMap.newKeySet();

    /** At most {@code parallel} recipes submitted at once (at least 1). */
    public ParallelSubmissions(int parallel) {
        this.submitting = Executors.newFixedThreadPool(Math.max(1, parallel), threads("ogdc-submit-"));
        this.following = Executors.newCachedThreadPool(threads("ogdc-follow-"));
    }

    /**
     * Submits {@code recipe} (translated by {@code workflows} when its turn comes) with {@code submitter}, then
     * follows it.
     *
     * @return its result; completed exceptionally with a {@link CancellationException} when {@link #shutdownNow}
     *     interrupted it, or with what {@code workflows} or {@code submitter} threw unexpectedly
     */
    public CompletableFuture<RecipeSubmission> submit(RecipeSubmitter submitter, Recipe recipe,
            Supplier<RecipeWorkflows> workflows, RunLabels labels) {
        CompletableFuture<RecipeSubmission> result = new CompletableFuture<>();
        results.add(result);
        result.whenComplete((done, failure) -> results.remove(result));
        try {
            submitting.execute(() -> start(submitter, recipe, workflows, labels, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new CancellationException("the submissions were stopped"));
        }
        return result;
    }

    /**
     * Interrupts every submission and follower, and drops the recipes still waiting for their turn; every future
     * not completed yet ends with a {@link CancellationException}.
     */
    public void shutdownNow() {
        submitting.shutdownNow();
        following.shutdownNow();
        for (CompletableFuture<RecipeSubmission> result : List.copyOf(results)) {
            result.completeExceptionally(new CancellationException("the submissions were stopped"));
        }
    }

    /** Stops the threads and waits a little for them to end. */
    @Override
    public void close() throws InterruptedException {
        shutdownNow();
        submitting.awaitTermination(10, TimeUnit.SECONDS);
        following.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void start(RecipeSubmitter submitter, Recipe recipe, Supplier<RecipeWorkflows> workflows,
            RunLabels labels, CompletableFuture<RecipeSubmission> result) {
        try {
            RecipeSubmitter.Started started = submitter.start(recipe, workflows.get(), labels);
            if (!started.hasWorkflow()) {
                result.complete(submitter.follow(started));
                return;
            }
            following.execute(() -> complete(result, () -> submitter.follow(started)));
        } catch (InterruptedException e) {
            result.completeExceptionally(new CancellationException("interrupted while submitting"));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new CancellationException("the submissions were stopped"));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** The work a follower does. */
    private interface Following {
        RecipeSubmission get() throws InterruptedException;
    }

    private static void complete(CompletableFuture<RecipeSubmission> result, Following work) {
        try {
            result.complete(work.get());
        } catch (InterruptedException e) {
            result.completeExceptionally(new CancellationException("interrupted while following"));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
