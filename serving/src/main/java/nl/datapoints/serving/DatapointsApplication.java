package nl.datapoints.serving;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import net.sourceforge.argparse4j.inf.Namespace;
import nl.datapoints.serving.api.ApiJson;
import nl.datapoints.serving.api.AreaAnswer;
import nl.datapoints.serving.api.DashboardSettings;
import nl.datapoints.serving.core.Gazetteer;
import nl.datapoints.serving.core.QueryParser;
import nl.datapoints.serving.core.QueryService;
import nl.datapoints.serving.core.ReferenceLoader;
import nl.datapoints.serving.core.SbiCatalog;
import nl.datapoints.serving.db.HBaseCellStore;
import nl.datapoints.serving.health.FreshnessHealthCheck;
import nl.datapoints.serving.health.HBaseHealthCheck;
import nl.datapoints.serving.resources.ApiKeyFilter;
import nl.datapoints.serving.resources.AreaResource;
import nl.datapoints.serving.resources.DatesResource;
import nl.datapoints.serving.resources.ExceptionMappers;
import nl.datapoints.serving.resources.JsonErrorHandler;
import nl.datapoints.serving.resources.PostcodeResource;
import nl.datapoints.serving.resources.SbiResource;
import nl.datapoints.serving.resources.SettingsResource;

/** The datapoints service: the HTTP API under {@code /api} and the dashboard page at {@code /}. */
public final class DatapointsApplication extends Application<DatapointsConfiguration> {
  /** The time zone dates are local to. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** Runs {@code server CONFIG} (or any other Dropwizard command). */
  public static void main(String[] args) throws Exception {
    new DatapointsApplication().run(args);
  }

  @Override
  public String getName() {
    return "datapoints";
  }

  /**
   * The {@code server} and {@code check} commands; {@code server} reports a configuration or
   * reference-data mistake found at start-up (an {@link IllegalArgumentException}, e.g. a {@code
   * postcodes.csv} the pipeline would refuse) as one line naming it, not a stack trace.
   */
  @Override
  protected void addDefaultCommands(Bootstrap<DatapointsConfiguration> bootstrap) {
    bootstrap.addCommand(
        new ServerCommand<>(this) {
          @Override
          public void onError(Cli cli, Namespace namespace, Throwable e) {
            if (e instanceof IllegalArgumentException) {
              cli.getStdErr().println("datapoints: cannot start: " + e.getMessage());
            } else {
              super.onError(cli, namespace, e);
            }
          }
        });
    bootstrap.addCommand(new CheckCommand<>(this));
  }

  @Override
  public void initialize(Bootstrap<DatapointsConfiguration> bootstrap) {
    bootstrap.addBundle(new AssetsBundle("/assets/", "/", "index.html", "dashboard"));
  }

  @Override
  public void run(DatapointsConfiguration config, Environment env) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      // Our own mappers answer every error as {"code", "message"}; Dropwizard's would compete.
      server.setRegisterDefaultExceptionMappers(false);
    }
    env.jersey().setUrlPattern("/api/*");
    ApiJson.configure(env.getObjectMapper());
    // Requests Jetty refuses itself (bad URIs) get the same JSON error shape, not an HTML page.
    env.lifecycle()
        .addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));

    Path ref = Path.of(config.getReferenceDir());
    Gazetteer gazetteer = ReferenceLoader.gazetteer(ref);
    SbiCatalog catalog = ReferenceLoader.sbi(ref);
    HBaseCellStore store = config.getHbase().build(env.metrics(), gazetteer.pc4s());
    env.lifecycle().manage(store);

    Cache<QueryService.AreaKey, AreaAnswer> cache = null;
    if (config.getCache().isEnabled()) {
      Cache<QueryService.AreaKey, AreaAnswer> c =
          Caffeine.newBuilder()
              .maximumSize(config.getCache().getMaxEntries())
              .recordStats()
              .build();
      env.metrics()
          .register(
              MetricRegistry.name(QueryService.class, "cache", "hit-rate"),
              (Gauge<Double>) () -> c.stats().hitRate());
      cache = c;
    }
    QueryService queries =
        new QueryService(
            gazetteer,
            catalog,
            store,
            new QueryParser(config.getMaxDates(), config.getMaxRadiusKm()),
            cache);

    // After the store (managed objects start in order) and before Jetty opens the ports.
    Warmup warmup =
        new Warmup(
            store::refresh,
            store::locateRegions,
            queries,
            gazetteer,
            env.getObjectMapper(),
            config.getWarmup(),
            config.getMaxDates(),
            config.getMaxRadiusKm());
    warmup.registerMetrics(env.metrics());
    env.lifecycle().manage(warmup);

    env.jersey().register(new ApiKeyFilter(config.getApiKeySha256()));
    ExceptionMappers.all().forEach(env.jersey()::register);
    env.jersey().register(new AreaResource(queries));
    env.jersey().register(new DatesResource(queries));
    env.jersey().register(new SbiResource(catalog));
    env.jersey().register(new PostcodeResource(queries));
    env.jersey()
        .register(
            new SettingsResource(new DashboardSettings(config.getDashboard().getMaxMarginShare())));

    env.healthChecks().register("hbase", new HBaseHealthCheck(store));
    env.healthChecks()
        .register(
            "freshness",
            new FreshnessHealthCheck(store, config.getFreshnessDays(), Clock.system(ZONE)));
  }
}
