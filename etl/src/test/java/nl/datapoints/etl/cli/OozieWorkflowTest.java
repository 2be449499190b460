package nl.datapoints.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  private static Document workflow() throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new File(OOZIE.resolve("workflow.xml").toString()));
  }

  @Test
  void workflowRunsTheFourStagesInOrderWithKnownOptions() throws Exception {
    Document doc = workflow();
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
    assertEquals(List.of("enrich", "aggregate", "release", "publish"), stages);
  }

  /**
   * start → enrich, then every action's ok leads to its check, whose case leads to the next stage
   * (the last to the end) and whose default kills the workflow; every check reads the action's own
   * report status, the release's also that it released.
   */
  @Test
  void eachStageRunsOnlyAfterTheReportOfTheOneBeforeIsOk() throws Exception {
    Document doc = workflow();
    List<String> order = List.of("enrich", "aggregate", "release", "publish", "end");
    assertEquals(
        "enrich", ((Element) doc.getElementsByTagNameNS("*", "start").item(0)).getAttribute("to"));
    for (int i = 0; i < 4; i++) {
      String stage = order.get(i);
      Element action = byName(doc, "action", stage);
      assertEquals(
          "check-" + stage,
          ((Element) action.getElementsByTagNameNS("*", "ok").item(0)).getAttribute("to"));
      assertEquals(
          "fail",
          ((Element) action.getElementsByTagNameNS("*", "error").item(0)).getAttribute("to"));
      Element check = byName(doc, "decision", "check-" + stage);
      Element when = (Element) check.getElementsByTagNameNS("*", "case").item(0);
      assertEquals(order.get(i + 1), when.getAttribute("to"), "after " + stage);
      assertEquals(
          "report-not-ok",
          ((Element) check.getElementsByTagNameNS("*", "default").item(0)).getAttribute("to"));
      String condition = when.getTextContent();
      String data = "wf:actionData('" + stage + "')";
      assertTrue(
          stage.equals("publish")
              ? condition.contains(data + "['published'] eq 'true'")
              : condition.contains(data + "['status'] eq 'SUCCEEDED'"),
          stage + ": " + condition);
      if (stage.equals("release")) {
        assertTrue(condition.contains(data + "['released'] eq 'true'"), condition);
      }
    }
  }

  /**
   * Each secret reaches only the stage that needs it, as a file shipped to the launcher and passed
   * by name: the HMAC key to enrich, the release secret to release; both are workflow parameters
   * without a default, and the release's epsilon parameter defaults to the driver's.
   */
  @Test
  void theSecretsAreShippedAsFilesToTheStagesThatNeedThem() throws Exception {
    Document doc = workflow();
    Map<String, String> keyOption =
        Map.of("enrich", "--hmac-key-file", "release", "--release-key-file");
    Map<String, String> shipped =
        Map.of("enrich", "${hmacKeyFile}#hmac.key", "release", "${releaseKeyFile}#release.key");
    for (String stage : List.of("enrich", "aggregate", "release", "publish")) {
      Element java =
          (Element) byName(doc, "action", stage).getElementsByTagNameNS("*", "java").item(0);
      List<String> args = new ArrayList<>();
      NodeList a = java.getElementsByTagNameNS("*", "arg");
      for (int i = 0; i < a.getLength(); i++) {
        args.add(a.item(i).getTextContent());
      }
      List<String> files = new ArrayList<>();
      NodeList f = java.getElementsByTagNameNS("*", "file");
      for (int i = 0; i < f.getLength(); i++) {
        files.add(f.item(i).getTextContent());
      }
      for (String option : List.of("--hmac-key-file", "--release-key-file")) {
        boolean needs = option.equals(keyOption.get(stage));
        assertEquals(needs, args.contains(option), stage + " " + option + ": " + args);
        if (needs) {
          String local = args.get(args.indexOf(option) + 1);
          assertEquals(List.of(shipped.get(stage)), files, stage + " ships its secret");
          assertTrue(
              shipped.get(stage).endsWith("#" + local), stage + " passes the shipped file by name");
        }
      }
      if (!keyOption.containsKey(stage)) {
        assertEquals(List.of(), files, stage + " gets no secret");
      }
      assertFalse(
          args.stream().anyMatch(x -> x.matches("(?i)[0-9a-f]{64}")),
          stage + " passes no secret as an argument");
    }
    Map<String, Element> params = new java.util.HashMap<>();
    NodeList props =
        ((Element) doc.getElementsByTagNameNS("*", "parameters").item(0))
            .getElementsByTagNameNS("*", "property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      params.put(text(p, "name"), p);
    }
    for (String secret : List.of("hmacKeyFile", "releaseKeyFile")) {
      assertTrue(params.containsKey(secret), secret);
      assertEquals(
          0,
          params.get(secret).getElementsByTagNameNS("*", "value").getLength(),
          secret + " has no default");
    }
    assertEquals(
        nl.datapoints.etl.release.PrivacyParams.DEFAULT.epsilon().toPlainString(),
        text(params.get("epsilon"), "value"),
        "the workflow's default epsilon is the driver's");
  }

  private static Element byName(Document doc, String tag, String name) {
    NodeList nodes = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (name.equals(e.getAttribute("name"))) {
        return e;
      }
    }
    throw new AssertionError("no " + tag + " named " + name);
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
    assertEquals("false", p.getProperty("released"), "no release section: not released");

    RunReport released =
        new RunReport(
            "2013-01-08",
            43L,
            RunReport.SUCCEEDED,
            "ok",
            10,
            8,
            1,
            Map.of(),
            0,
            true,
            5,
            2,
            8,
            3,
            false,
            List.of(),
            false,
            5,
            "a",
            "b",
            new RunReport.Release(245163, 2, 18990, "00ff00ff00ff00ff"),
            null,
            new RunReport.Privacy("user-day", 1.0, 1e-8, 2.0, 2, Map.of()));
    p =
        OozieOutput.properties(
            released, new org.apache.hadoop.fs.Path("/wh/reports/dt=2013-01-08/43.json"));
    assertEquals("true", p.getProperty("released"));
    assertEquals("245163", p.getProperty("release_values"));
    assertEquals("00ff00ff00ff00ff", p.getProperty("release_digest"));
    assertEquals("2.0", p.getProperty("epsilon_spent"));
    assertEquals("false", p.getProperty("published"));
  }

  private static String text(Element e, String tag) {
    return e.getElementsByTagNameNS("*", tag).item(0).getTextContent().trim();
  }
}
