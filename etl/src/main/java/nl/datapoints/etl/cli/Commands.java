package nl.datapoints.etl.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.generate.GenerateConfig;
import nl.datapoints.etl.generate.GenerateSummary;
import nl.datapoints.etl.generate.SampleGenerator;
import nl.datapoints.etl.run.Pipeline;
import nl.datapoints.etl.run.PipelineConfig;
import nl.datapoints.etl.run.Plan;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Every {@code scripts/etl} command by name, with its one-line description and options, turning
 * parsed options into typed configuration and calling the step (runs in the driver).
 */
public final class Commands {
  private static final Set<String> COMMON =
      Set.of(
          "raw",
          "ref",
          "warehouse",
          "min-users",
          "max-bad-fraction",
          "hmac-key-file",
          "zookeeper",
          "table",
          "release-key-file",
          "epsilon",
          "delta",
          "epsilon-split",
          "max-events",
          "max-cells",
          "max-hits");
  private static final Set<String> COMMON_FLAGS = Set.of("skip-corrupt-files");

  private record Command(
      String name,
      String synopsis,
      String description,
      Set<String> valued,
      Set<String> flags,
      Function<Args, Integer> action) {}

  private final Configuration conf;
  private final PrintStream out;
  private final Map<String, Command> commands = new LinkedHashMap<>();

  public Commands(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
    StoreCommands store = new StoreCommands(conf, out);
    add(
        "generate",
        "--out DIR --from DATE --days N [--events-per-day N] [--seed S] [--bad-fraction F]",
        "write a realistic sample: DIR/raw/" + Layout.PARTITION_PATTERN + " logs and DIR/ref/*.csv",
        Set.of("out", "from", "days", "events-per-day", "seed", "bad-fraction"),
        Set.of(),
        this::generate);
    add(
        "run",
        "--date DATE [--no-publish]",
        "enrich + aggregate + release (+ publish) one date",
        union(COMMON, "date"),
        union(COMMON_FLAGS, "no-publish"),
        this::runOne);
    add(
        "backfill",
        "--from DATE --to DATE [--cascade] [--no-publish]",
        "the same for a range, in one job per stage; --cascade also redoes dates whose delta depends on it",
        union(COMMON, "from", "to"),
        union(COMMON_FLAGS, "cascade", "no-publish"),
        this::backfill);
    add(
        "enrich",
        "--date DATE",
        "stage 1 only: raw logs -> anonymized events + quarantine (Oozie action)",
        union(COMMON, "date"),
        COMMON_FLAGS,
        a -> stage(a, "enrich"));
    add(
        "aggregate",
        "--date DATE",
        "stage 2 only: events + D-7 -> exact k-suppressed cells, internal (Oozie action)",
        union(COMMON, "date"),
        COMMON_FLAGS,
        a -> stage(a, "aggregate"));
    add(
        "release",
        "--date DATE",
        "stage 3 only: events + released D-7 -> differentially private release (Oozie action)",
        union(COMMON, "date"),
        COMMON_FLAGS,
        a -> stage(a, "release"));
    add(
        "publish",
        "--date DATE | --from DATE --to DATE",
        "stage 4 only: release -> HFiles -> bulk load -> flip the generation pointer (a range: one HFile job)",
        union(COMMON, "date", "from", "to"),
        COMMON_FLAGS,
        this::publish);
    add(
        "rollback",
        "--date DATE [--generation G]",
        "point the date back to the previous (or given) kept generation",
        Set.of("date", "generation", "zookeeper", "table"),
        Set.of(),
        store::rollback);
    add(
        "status",
        "[--date DATE] [--json]",
        "published dates, current and kept generations, cells, hits",
        Set.of("date", "zookeeper", "table"),
        Set.of("json"),
        store::status);
    add(
        "drop-table",
        "--table NAME",
        "disable and delete a serving table (e.g. one in an older store layout)",
        Set.of("zookeeper", "table"),
        Set.of(),
        store::dropTable);
  }

  private void add(
      String name,
      String synopsis,
      String description,
      Set<String> valued,
      Set<String> flags,
      Function<Args, Integer> action) {
    commands.put(name, new Command(name, synopsis, description, valued, flags, action));
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> s = new TreeSet<>(base);
    s.addAll(List.of(more));
    return s;
  }

  /** The help text: every command with its synopsis and description. */
  public String usage() {
    StringBuilder b =
        new StringBuilder(
            "usage: scripts/etl [hadoop generic options] <command> [options]\n\ncommands:\n");
    for (Command c : commands.values()) {
      b.append(String.format("  %-10s %s%n  %-10s   %s%n", c.name, c.synopsis, "", c.description));
    }
    b.append("\ncommon options:\n")
        .append(RunOptions.usage())
        .append(
            "the HMAC secret comes from DATAPOINTS_HMAC_KEY (hex, at least 32 bytes) or --hmac-key-file\n")
        .append(
            "the release secret comes from DATAPOINTS_RELEASE_KEY (hex, at least 32 bytes) or --release-key-file\n")
        .append("exit status: 0 success, 1 the run failed, 2 usage error\n");
    return b.toString();
  }

  /** Runs {@code name} with its option words; returns the exit status. */
  public int run(String name, List<String> words) {
    Command c = commands.get(name);
    if (c == null) {
      throw new UsageException(
          "unknown command '"
              + name
              + "' (commands: "
              + String.join(", ", commands.keySet())
              + ")");
    }
    return c.action.apply(Args.parse(name, words, c.valued, c.flags));
  }

  private int runOne(Args a) {
    LocalDate d = a.requiredDate("date");
    PipelineConfig cfg = RunOptions.parse(a, conf);
    return runPlan(cfg, Plan.full(List.of(d), List.of(), !a.flag("no-publish")));
  }

  private int backfill(Args a) {
    LocalDate from = a.requiredDate("from");
    LocalDate to = a.requiredDate("to");
    List<LocalDate> dates = DateRange.of(from, to);
    PipelineConfig cfg = RunOptions.parse(a, conf);
    List<LocalDate> cascade =
        a.flag("cascade")
            ? CascadePlan.dependents(PublishedDates.list(conf, cfg.layout()), from, to)
            : List.of();
    if (!cascade.isEmpty()) {
      out.println("cascade: delta of " + cascade + " depends on the range; recomputing them too");
    }
    return runPlan(cfg, Plan.full(dates, cascade, !a.flag("no-publish")));
  }

  /**
   * Publishes existing releases: one date (the Oozie action), or a range in ONE HFile job and one
   * bulk load (reloading the store from the warehouse, e.g. into a new table).
   */
  private int publish(Args a) {
    Optional<LocalDate> date = a.date("date");
    Optional<LocalDate> from = a.date("from");
    Optional<LocalDate> to = a.date("to");
    if (date.isPresent() == (from.isPresent() || to.isPresent())) {
      throw new UsageException("publish needs --date DATE or --from DATE --to DATE");
    }
    List<LocalDate> dates =
        date.map(List::of)
            .orElseGet(
                () ->
                    DateRange.of(
                        from.orElseThrow(() -> new UsageException("--from is required with --to")),
                        to.orElseThrow(() -> new UsageException("--to is required with --from"))));
    return runPlan(RunOptions.parse(a, conf), Plan.publishOnly(dates));
  }

  private int stage(Args a, String stage) {
    List<LocalDate> d = List.of(a.requiredDate("date"));
    Plan plan =
        switch (stage) {
          case "enrich" -> Plan.enrichOnly(d);
          case "aggregate" -> Plan.aggregateOnly(d);
          case "release" -> Plan.releaseOnly(d);
          default -> throw new IllegalArgumentException(stage);
        };
    return runPlan(RunOptions.parse(a, conf), plan);
  }

  /** Runs {@code plan} with options already validated, so nothing runs on a bad option. */
  private int runPlan(PipelineConfig cfg, Plan plan) {
    long start = System.nanoTime();
    Pipeline.Publishing publishing =
        plan.publish().isEmpty() ? null : new HBasePublishing(conf, cfg, out);
    Pipeline.Result r = new Pipeline(conf, cfg, publishing, out).run(plan);
    Path last = RunSummary.print(out, r, (System.nanoTime() - start) / 1e9);
    OozieOutput.write(r.reports().values().stream().reduce((x, y) -> y).orElseThrow(), last);
    return 0;
  }

  private int generate(Args a) {
    java.nio.file.Path dir = java.nio.file.Path.of(a.requiredString("out"));
    LocalDate from = a.requiredDate("from");
    a.requiredString("days");
    GenerateConfig g;
    try {
      g =
          new GenerateConfig(
              dir,
              from,
              a.intValue(GenerateConfig.DAYS_RANGE, 0),
              a.intValue(
                  GenerateConfig.EVENTS_PER_DAY_RANGE, GenerateConfig.DEFAULT_EVENTS_PER_DAY),
              a.longValue("seed", GenerateConfig.DEFAULT_SEED),
              a.fraction(GenerateConfig.BAD_FRACTION_RANGE, GenerateConfig.DEFAULT_BAD_FRACTION));
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    out.printf(
        "generating %d day(s) from %s, %d events per day, seed %d, bad fraction %s into %s%n",
        g.days(), g.from(), g.eventsPerDay(), g.seed(), g.badFraction(), g.out());
    GenerateSummary s =
        SampleGenerator.generate(
            g,
            (done, total, day) ->
                out.printf(
                    "  [%d/%d] %s: %d lines, %d events, %d bad, %d empty, %.1f MB gzip%n",
                    done,
                    total,
                    day.date(),
                    day.lines(),
                    day.events(),
                    day.quarantined(),
                    day.emptyLines(),
                    day.bytes() / 1e6));
    out.printf(
        "SUCCEEDED generated %d lines (%d events) in %d partitions, %d postcodes, %d merchants, %d SBI codes: %s, %s%n",
        s.lines(),
        s.events(),
        s.days().size(),
        s.postcodes(),
        s.merchants(),
        s.sbiCodes(),
        g.rawDir(),
        g.refDir());
    return 0;
  }
}
