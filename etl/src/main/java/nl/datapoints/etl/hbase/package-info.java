/**
 * A standalone HBase for development on one machine ({@link nl.datapoints.etl.hbase.LocalHBase},
 * run by {@code scripts/hbase-local start|stop|status}).
 *
 * <p>It starts {@code HMaster start} (the same entry point as {@code bin/hbase master start}) in
 * standalone mode from the project's Maven dependencies, so no HBase tarball is downloaded: master,
 * one region server and ZooKeeper share one JVM. Data lives under {@code <home>/data} ({@code
 * file://} root dir; {@code hbase.unsafe.stream.capability.enforce} is off because the local file
 * system cannot hflush), ZooKeeper data under {@code <home>/zookeeper}. RPC binds to 127.0.0.1, RPC
 * ports are random (clients find them in ZooKeeper), the web UIs are off, ZooKeeper listens on
 * {@code localhost:2181} unless {@code --zookeeper-port} is given.
 *
 * <p>Failure modes: a port already in use makes {@code run} exit (the script prints the log tail);
 * {@code ping} exits 1 until a region server is live and {@code hbase:meta} is online. No counters
 * (not MapReduce).
 */
package nl.datapoints.etl.hbase;
