package net.qgreenland.ogdc.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Brings every input into one directory: pvc files as symbolic links, url and DataONE objects downloaded (DataONE
 * ones under their {@code fileName}), up to {@code concurrency} downloads at once; two sources never share a name.
 */
final class InputFetcher {

    /** One URL to download: the input it came from, and its fixed file name (DataONE) if it has one. */
    private record Download(URI url, int inputIndex, Optional<String> fixedName) {}

    private final Path destination;
    private final HttpDownloader downloader;
    private final Supplier<DataOneResolver> resolver;
    private final PrintWriter err;
    private final int concurrency;
    private final NameClaims claims = new NameClaims();

    InputFetcher(Path destination, HttpDownloader downloader, Supplier<DataOneResolver> resolver, PrintWriter err,
            int concurrency) {
        this.destination = destination;
        this.downloader = downloader;
        this.resolver = resolver;
        this.err = err;
        this.concurrency = concurrency;
    }

    /** Fetches {@code inputs} and returns the local paths of their files in input order, each once. */
    List<Path> fetch(List<InputSpec> inputs) {
        try {
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new TaskFailure("creating " + destination + " failed: " + TaskFailure.reason(e), e);
        }
        FetchLedger ledger = FetchLedger.load(destination);
        PvcStager stager = new PvcStager(destination, claims);
        Map<String, Download> downloads = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>(); // per file in input order: its link, or the key of its download
        DataOneResolver dataOne = null;
        int linked = 0;
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec input = inputs.get(i);
            if (input instanceof InputSpec.Pvc pvc) {
                List<Path> links = stager.stage(pvc);
                linked += links.size();
                order.addAll(links);
            } else if (input instanceof InputSpec.Url url) {
                downloads.putIfAbsent(url.url(), new Download(httpUri(url.url(), i), i, Optional.empty()));
                order.add(url.url());
            } else if (input instanceof InputSpec.DataOne d) {
                dataOne = dataOne == null ? resolver.get() : dataOne;
                for (DataOneObject object : dataOne.requireObjects(d.dataset(), d.filename())) {
                    String name = DownloadFileName.sanitize(object.filename()).orElseThrow(() -> new TaskFailure(
                            "DataONE object " + object.identifier() + " has no usable fileName: '"
                                    + object.filename() + "'"));
                    downloads.putIfAbsent(object.url(), new Download(httpUri(object.url(), i), i, Optional.of(name)));
                    order.add(object.url());
                }
            }
        }
        if (linked > 0) {
            err.println("Linked " + linked + " PVC input files into " + destination);
        }
        Map<String, String> fixedNames = new LinkedHashMap<>();
        downloads.forEach((url, download) -> download.fixedName().ifPresent(name -> fixedNames.put(name,
                claim(name, url))));
        ledger.recordAll(fixedNames);
        Map<String, Path> downloaded = downloadAll(downloads, ledger);
        if (!downloads.isEmpty()) {
            err.println("Fetched " + downloaded.size() + " files into " + destination);
        }
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (Object file : order) {
            files.add(file instanceof Path path ? path : downloaded.get((String) file));
        }
        return List.copyOf(files);
    }

    /** Claims {@code name} for {@code source} in this run and returns the source; throws if another has it. */
    private String claim(String name, String source) {
        claims.claim(name, source).ifPresent(other -> {
            throw new TaskFailure(other + " and " + source + " would both be saved as " + destination.resolve(name)
                    + "; fetch them into different directories");
        });
        return source;
    }

    /** Downloads everything (keyed by URL), starting no new download after the first failure; URL to path. */
    private Map<String, Path> downloadAll(Map<String, Download> downloads, FetchLedger ledger) {
        Map<String, Path> paths = new LinkedHashMap<>();
        if (downloads.isEmpty()) {
            return paths;
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, downloads.size()), r -> {
            Thread thread = new Thread(r, "fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Path>> results = new LinkedHashMap<>();
            downloads.forEach((url, download) -> results.put(url, pool.submit(() -> {
                if (failure.get() != null) {
                    return null;
                }
                try {
                    return downloader.download(download.url(), contentDisposition -> {
                        String name = download.fixedName().orElseGet(() -> DownloadFileName.choose(
                                contentDisposition, download.url(), download.inputIndex()));
                        ledger.record(name, claim(name, url));
                        return name;
                    }).path();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    throw e;
                }
            })));
            results.forEach((url, result) -> paths.put(url, await(result)));
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return paths;
    }

    private static Path await(Future<Path> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            return null; // the first failure is rethrown once every started download has ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("interrupted while downloading", e);
        }
    }

    /** {@code url} as an http(s) URI, or a failure naming input {@code index}. */
    private static URI httpUri(String url, int index) {
        return TaskCommand.httpUri(url).orElseThrow(() -> new TaskFailure("--inputs[" + index + "]: cannot download '"
                + url + "': only http(s) URLs are supported"));
    }
}
