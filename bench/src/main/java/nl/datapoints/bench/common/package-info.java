/**
 * What every bench tool shares: {@link nl.datapoints.bench.common.Options} (command-line options
 * parsed once, with messages naming the option, the allowed range and the value given), {@link
 * nl.datapoints.bench.common.Cli} (a tool's {@code main}: a caller's mistake is exit status 2 and
 * one line) and {@link nl.datapoints.bench.common.Tsv} (the sweeps' tables).
 */
package nl.datapoints.bench.common;
