package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The importer fuzz campaign: for every format, {@code cases} mutants of that format's seeds (case i of a format is
 * always the same mutant for the same seed), each run through every reader and through format detection. A case
 * ends as the CLI would end it: loaded (exit 0), refused with a SnapshotException (exit 2), anything else thrown
 * (exit 3, a crash) or not done within {@link #TIMEOUT_SECONDS} (a hang). {@code ./mvnw verify} runs a fixed-seed
 * sample ({@link ImporterFuzzTest}); {@code scripts/fuzz-campaign} runs the full campaign (docs/reliability.md).
 */
public final class FuzzCampaign {
    static final int TIMEOUT_SECONDS = 5;

    /** How one case ended, with the exit code the CLI gives it. */
    enum Outcome {
        LOADED(0), REFUSED(2), CRASH(3), HANG(-1);

        final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** One format's tally, and the first few failures (case, seed file, mutation, what was thrown). */
    record Tally(SnapshotFormat format, int seeds, Map<Outcome, Integer> counts, List<String> failures) {
        int cases() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        int failed() {
            return counts.getOrDefault(Outcome.CRASH, 0) + counts.getOrDefault(Outcome.HANG, 0);
        }
    }

    private ExecutorService worker = Executors.newSingleThreadExecutor(FuzzCampaign::daemon);

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(null, r, "fuzz-case", 8L << 20);
        t.setDaemon(true);
        return t;
    }

    /** The corpus's seeds by the format their file name says (every seed has one: FuzzCorpus is exact). */
    static Map<SnapshotFormat, List<FuzzCorpus.Seed>> byFormat(List<FuzzCorpus.Seed> seeds) {
        Map<SnapshotFormat, List<FuzzCorpus.Seed>> out = new EnumMap<>(SnapshotFormat.class);
        for (FuzzCorpus.Seed s : seeds) {
            SnapshotFormat f = SnapshotFormat.fromExtension(s.name()).orElseThrow(() ->
                    new IllegalStateException("fuzz seed " + s.name() + " names no format"));
            out.computeIfAbsent(f, k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** Runs {@code cases} mutants of every format from {@code seed}. */
    Map<SnapshotFormat, Tally> run(long seed, int cases) {
        Map<SnapshotFormat, Tally> out = new LinkedHashMap<>();
        for (var e : byFormat(FuzzCorpus.seeds()).entrySet()) {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                long caseSeed = seed * 1_000_003L + e.getKey().ordinal() * 7_919L * 1_000_003L + i;
                Mutator m = new Mutator(caseSeed, e.getValue());
                FuzzCorpus.Seed base = m.pick();
                byte[] mutated = m.mutate(base.data(), 1 + (int) Math.floorMod(caseSeed, 4L));
                String[] why = new String[1];
                Outcome o = runCase(base.name(), mutated, why);
                counts.merge(o, 1, Integer::sum);
                if ((o == Outcome.CRASH || o == Outcome.HANG) && failures.size() < 10) {
                    failures.add("case " + i + " (seed " + caseSeed + ") " + base + " mutated:" + m.log + ": "
                            + why[0]);
                }
            }
            out.put(e.getKey(), new Tally(e.getKey(), e.getValue().size(), counts, failures));
        }
        worker.shutdownNow();
        return out;
    }

    /** One input through every reader and through detection; the worst outcome wins. */
    Outcome runCase(String fileName, byte[] data, String[] why) {
        Future<Outcome> f = worker.submit(() -> check(fileName, data, why));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(FuzzCampaign::daemon);   // the stuck thread is left behind
            why[0] = "no result within " + TIMEOUT_SECONDS + " s";
            return Outcome.HANG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = "interrupted";
            return Outcome.HANG;
        } catch (ExecutionException e) {
            why[0] = String.valueOf(e.getCause());
            return Outcome.CRASH;
        }
    }

    private static Outcome check(String fileName, byte[] data, String[] why) {
        boolean refused = false;
        for (SnapshotReader reader : Snapshots.readers()) {
            try {
                reader.sniff(Arrays.copyOf(data, Math.min(data.length, 4096)), fileName);
                reader.read(data, fileName, ParseLimits.DEFAULT);
            } catch (SnapshotException expected) {
                if (expected.getMessage().isBlank()) {
                    why[0] = reader.getClass().getSimpleName() + " gave a blank message";
                    return Outcome.CRASH;
                }
            } catch (Throwable t) {
                why[0] = reader.getClass().getSimpleName() + " threw " + t;
                return Outcome.CRASH;
            }
        }
        try {
            Snapshots.read(data, fileName, fileName, ParseLimits.DEFAULT);
        } catch (SnapshotException expected) {
            refused = true;
        } catch (Throwable t) {
            why[0] = "Snapshots.read threw " + t;
            return Outcome.CRASH;
        }
        return refused ? Outcome.REFUSED : Outcome.LOADED;
    }

    /** {@code FuzzCampaign [--cases N] [--seed S]}: the full campaign, one table row per format. */
    public static void main(String[] args) {
        int cases = 100_000;
        long seed = 17;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        Map<SnapshotFormat, Tally> result = new FuzzCampaign().run(seed, cases);
        System.out.printf("| format | seeds | cases | exit 0 (loaded) | exit 2 (refused) | crash (exit 3) | hang |%n");
        System.out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
        int failed = 0;
        for (Tally t : result.values()) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", t.format().displayName(), t.seeds(),
                    t.cases(), t.counts().getOrDefault(Outcome.LOADED, 0), t.counts().getOrDefault(Outcome.REFUSED, 0),
                    t.counts().getOrDefault(Outcome.CRASH, 0), t.counts().getOrDefault(Outcome.HANG, 0));
            failed += t.failed();
            t.failures().forEach(f -> System.out.println("  FAILED " + f));
        }
        System.out.printf("seed %d, %d cases per format, %.1f s%n", seed, cases, (System.nanoTime() - start) / 1e9);
        System.exit(failed == 0 ? 0 : 1);
    }
}
