package nl.datapoints.serving.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.datapoints.schemas.reference.Postcode;
import nl.datapoints.schemas.reference.ReferenceCsv;

/**
 * Loads {@code postcodes.csv} and {@code sbi.csv} at start-up with the pipeline's own rules ({@link
 * ReferenceCsv}): a file the pipeline would refuse stops the service with the same message.
 */
public final class ReferenceLoader {
  private ReferenceLoader() {}

  /** Reads the gazetteer from {@code dir/postcodes.csv}. */
  public static Gazetteer gazetteer(Path dir) {
    Path file = dir.resolve(ReferenceCsv.POSTCODES);
    List<Place> places = new ArrayList<>();
    try (Reader in = open(file)) {
      for (Postcode p : ReferenceCsv.postcodes(file.toString(), in).values()) {
        places.add(new Place(p.pc4(), p.lat(), p.lon(), p.name()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + file, e);
    }
    return new Gazetteer(places);
  }

  /** Reads the SBI labels from {@code dir/sbi.csv}. */
  public static SbiCatalog sbi(Path dir) {
    Path file = dir.resolve(ReferenceCsv.SBI);
    try (Reader in = open(file)) {
      return new SbiCatalog(ReferenceCsv.sbi(file.toString(), in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + file, e);
    }
  }

  private static Reader open(Path file) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "reference file "
              + file
              + " does not exist; referenceDir must hold "
              + ReferenceCsv.POSTCODES
              + " and "
              + ReferenceCsv.SBI,
          e);
    }
  }
}
