/**
 * Test support shared by the etl and serving test suites: an independent, deliberately plain model
 * of what the pipeline computes from raw logs ({@link nl.datapoints.testkit.ReferenceModel}) and a
 * plain great-circle distance. It shares no code with the product it checks, so a bug in the
 * product cannot hide in the expected values. Used with test scope only.
 */
package nl.datapoints.testkit;
