package nl.datapoints.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.datapoints.serving.db.HBaseFactory;

/**
 * The service's YAML configuration ({@code serving/config.yml}); every key overridable with {@code
 * -Ddw.<path>}.
 */
public final class DatapointsConfiguration extends Configuration {
  @Valid @NotNull private HBaseFactory hbase = new HBaseFactory();

  @NotEmpty private String referenceDir = "var/ref";

  @NotNull
  private List<
          @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256 of a key)")
          String>
      apiKeySha256 = new ArrayList<>();

  @DecimalMin("0.0")
  @DecimalMax("1000.0")
  private double maxRadiusKm = 25;

  @Min(1)
  @Max(366)
  private int maxDates = 31;

  @Min(0)
  @Max(100000)
  private int freshnessDays = 2;

  @Valid @NotNull private CacheSettings cache = new CacheSettings();

  @Valid @NotNull private WarmupSettings warmup = new WarmupSettings();

  @Valid @NotNull private DashboardConfig dashboard = new DashboardConfig();

  /** The {@code dashboard:} block: how the page shows released figures. */
  public static final class DashboardConfig {
    /**
     * A figure whose 95% margin of error is larger than this share of its value is shown as "too
     * few to show reliably" rather than as a number (0.5: the margin exceeds half the value).
     */
    @DecimalMin(value = "0.0", inclusive = false)
    @DecimalMax("10.0")
    private double maxMarginShare = 0.5;

    @JsonProperty
    public double getMaxMarginShare() {
      return maxMarginShare;
    }

    @JsonProperty
    public void setMaxMarginShare(double maxMarginShare) {
      this.maxMarginShare = maxMarginShare;
    }
  }

  /** The {@code cache:} block: the answer cache. */
  public static final class CacheSettings {
    private boolean enabled = true;

    @Min(1)
    private long maxEntries = 10_000;

    @JsonProperty
    public boolean isEnabled() {
      return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    @JsonProperty
    public long getMaxEntries() {
      return maxEntries;
    }

    @JsonProperty
    public void setMaxEntries(long maxEntries) {
      this.maxEntries = maxEntries;
    }
  }

  /**
   * The {@code warmup:} block: real reads before the ports open, so the first requests after a
   * start find the HBase connection, the region locations and the JIT-compiled read path ready.
   */
  public static final class WarmupSettings {
    private boolean enabled = true;

    /**
     * Wall-clock bound of the whole warm-up (a step in flight may overrun it by one {@code
     * hbase.deadline}).
     */
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    private Duration budget = Duration.seconds(20);

    /** Area queries run (on several threads) for the newest published dates. */
    @Min(0)
    @Max(100_000)
    private int queries = 256;

    @JsonProperty
    public boolean isEnabled() {
      return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    @JsonProperty
    public Duration getBudget() {
      return budget;
    }

    @JsonProperty
    public void setBudget(Duration budget) {
      this.budget = budget;
    }

    @JsonProperty
    public int getQueries() {
      return queries;
    }

    @JsonProperty
    public void setQueries(int queries) {
      this.queries = queries;
    }
  }

  @JsonProperty
  public HBaseFactory getHbase() {
    return hbase;
  }

  @JsonProperty
  public void setHbase(HBaseFactory hbase) {
    this.hbase = hbase;
  }

  @JsonProperty
  public String getReferenceDir() {
    return referenceDir;
  }

  @JsonProperty
  public void setReferenceDir(String referenceDir) {
    this.referenceDir = referenceDir;
  }

  @JsonProperty
  public List<String> getApiKeySha256() {
    return apiKeySha256;
  }

  @JsonProperty
  public void setApiKeySha256(List<String> apiKeySha256) {
    this.apiKeySha256 = apiKeySha256;
  }

  @JsonProperty
  public double getMaxRadiusKm() {
    return maxRadiusKm;
  }

  @JsonProperty
  public void setMaxRadiusKm(double maxRadiusKm) {
    this.maxRadiusKm = maxRadiusKm;
  }

  @JsonProperty
  public int getMaxDates() {
    return maxDates;
  }

  @JsonProperty
  public void setMaxDates(int maxDates) {
    this.maxDates = maxDates;
  }

  @JsonProperty
  public int getFreshnessDays() {
    return freshnessDays;
  }

  @JsonProperty
  public void setFreshnessDays(int freshnessDays) {
    this.freshnessDays = freshnessDays;
  }

  @JsonProperty
  public CacheSettings getCache() {
    return cache;
  }

  @JsonProperty
  public void setCache(CacheSettings cache) {
    this.cache = cache;
  }

  @JsonProperty
  public DashboardConfig getDashboard() {
    return dashboard;
  }

  @JsonProperty
  public void setDashboard(DashboardConfig dashboard) {
    this.dashboard = dashboard;
  }

  @JsonProperty
  public WarmupSettings getWarmup() {
    return warmup;
  }

  @JsonProperty
  public void setWarmup(WarmupSettings warmup) {
    this.warmup = warmup;
  }
}
