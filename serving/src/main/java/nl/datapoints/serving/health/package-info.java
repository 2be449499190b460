/**
 * Admin health checks: {@code hbase} (the pointer row can be read within the deadline) and {@code
 * freshness} (the newest published date is at most {@code freshnessDays} old, in Europe/Amsterdam).
 */
package nl.datapoints.serving.health;
