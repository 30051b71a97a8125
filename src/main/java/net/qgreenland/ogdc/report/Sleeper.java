package net.qgreenland.ogdc.report;

import java.time.Duration;

/** Waits out a retry delay; tests pass one that only records how long it was asked to wait. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
