package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodesTest {
  @Test
  void reducesPc6ToPc4() {
    assertEquals(1017, Postcodes.pc4("1017AB"));
  }

  @Test
  void acceptsLowerCaseLetters() {
    assertEquals(1017, Postcodes.pc4("1017ab"));
  }

  @Test
  void acceptsMixedCaseLetters() {
    assertEquals(1017, Postcodes.pc4("1017aB"));
  }

  @Test
  void acceptsOneSpaceBeforeLetters() {
    assertEquals(1017, Postcodes.pc4("1017 ab"));
  }

  @Test
  void acceptsBarePc4() {
    assertEquals(9999, Postcodes.pc4("9999"));
  }

  @Test
  void readsOnlyTheGivenRange() {
    byte[] b = "xx1234 ABxx".getBytes();
    assertEquals(1234, Postcodes.pc4(b, 2, 9));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0123AB",
        "0123",
        "123",
        "12345",
        "1234A",
        "1234ABC",
        "1234  AB",
        "1234-AB",
        "12a4AB",
        "1234A1",
        "1234ÄB",
        " 1234",
        "1234 ",
        "1234\tAB",
        "1234 a"
      })
  void rejectsMalformedPostcode(String s) {
    assertEquals(Postcodes.INVALID, Postcodes.pc4(s));
  }
}
