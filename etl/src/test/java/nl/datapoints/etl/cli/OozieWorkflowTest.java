package nl.datapoints.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.datapoints.etl.common.RunReport;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Oozie workflow and coordinator in scripts/oozie validate against Oozie's own schemas. */
class OozieWorkflowTest {
  private static final Path OOZIE = Path.of("..", "scripts", "oozie");

  private static void validate(String file, String xsd) throws Exception {
    URL schema = OozieWorkflowTest.class.getClassLoader().getResource(xsd);
    assertNotNull(schema, xsd + " from oozie-client on the test classpath");
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.newSchema(schema).newValidator().validate(new StreamSource(OOZIE.resolve(file).toFile()));
  }

  @Test
  void workflowValidatesAgainstOozieWorkflowSchema() throws Exception {
    validate("workflow.xml", "oozie-workflow-1.0.xsd");
  }

  @Test
  void coordinatorValidatesAgainstOozieCoordinatorSchema() throws Exception {
    validate("coordinator.xml", "oozie-coordinator-0.5.xsd");
  }

  @Test
  void workflowRunsTheThreeStagesInOrderWithKnownOptions() throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc =
        dbf.newDocumentBuilder().parse(new File(OOZIE.resolve("workflow.xml").toString()));
    NodeList actions = doc.getElementsByTagNameNS("*", "action");
    List<String> stages = new ArrayList<>();
    Commands commands =
        new Commands(new Configuration(), new PrintStream(new ByteArrayOutputStream()));
    for (int i = 0; i < actions.getLength(); i++) {
      Element java =
          (Element) ((Element) actions.item(i)).getElementsByTagNameNS("*", "java").item(0);
      assertEquals("nl.datapoints.etl.Main", text(java, "main-class"));
      NodeList args = java.getElementsByTagNameNS("*", "arg");
      List<String> words = new ArrayList<>();
      for (int a = 1; a < args.getLength(); a++) {
        words.add(
            args.item(a).getTextContent().startsWith("${")
                ? "2013-01-08"
                : args.item(a).getTextContent());
      }
      String stage = args.item(0).getTextContent();
      stages.add(stage);
      assertTrue(commands.usage().contains("  " + stage + " "), "known command " + stage);
      for (int w = 0; w < words.size(); w += 2) {
        assertTrue(
            commands.usage().contains(words.get(w)),
            "option " + words.get(w) + " of " + stage + " is documented");
      }
      assertEquals(
          1,
          java.getElementsByTagNameNS("*", "capture-output").getLength(),
          stage + " hands its report to Oozie");
    }
    assertEquals(List.of("enrich", "aggregate", "publish"), stages);
  }

  @Test
  void actionOutputCarriesWhatTheDecisionNodesRead() {
    RunReport r =
        new RunReport(
            "2013-01-08",
            42L,
            RunReport.SUCCEEDED,
            "ok",
            10,
            8,
            1,
            Map.of("FIELD_COUNT", 1L),
            1,
            true,
            5,
            2,
            8,
            3,
            false,
            List.of(),
            true,
            5,
            "a",
            "b",
            null,
            null,
            null);
    Properties p =
        OozieOutput.properties(
            r, new org.apache.hadoop.fs.Path("/wh/reports/dt=2013-01-08/42.json"));
    assertEquals("SUCCEEDED", p.getProperty("status"));
    assertEquals("true", p.getProperty("accounting_ok"));
    assertEquals("true", p.getProperty("published"));
    assertEquals("42", p.getProperty("generation"));
  }

  private static String text(Element e, String tag) {
    return e.getElementsByTagNameNS("*", tag).item(0).getTextContent().trim();
  }
}
