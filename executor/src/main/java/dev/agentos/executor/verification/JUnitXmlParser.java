package dev.agentos.executor.verification;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML, the report format of surefire, Gradle, JUnit's console launcher, pytest's {@code
 * --junitxml} and node's junit reporter: {@code <testcase>} elements, in {@code <testsuite>}
 * elements that may nest, each with a {@code <failure>}, {@code <error>} or {@code <skipped>} child
 * unless it passed.
 *
 * <p>The report is streamed with StAX rather than built into a tree, so its size costs memory only
 * for the tests kept (see {@link TestReport}) and the bounded messages. DTDs are refused: a report
 * is written by a program under test, and a DTD could make the parser read host files (XXE) or
 * expand entities without end.
 */
public final class JUnitXmlParser {

  /** How a test's full name is made from what the report says. */
  public enum Naming {
    /**
     * classname + "." + name, e.g. "test_calc.TestGroup.test_param[2]" or "CalculatorTest.adds()":
     * surefire, JUnit's console launcher, pytest and unittest put the test's class there.
     */
    CLASSNAME,
    /**
     * The enclosing suites' names and the test's, joined by " > ", e.g. "math > adds": node's
     * reporter puts "test" in every classname and a describe block's title in a suite.
     */
    SUITES
  }

  private static final XMLInputFactory FACTORY = secureFactory();

  private final Naming naming;

  public JUnitXmlParser(Naming naming) {
    this.naming = naming;
  }

  /** Parses one report into a report of its own. */
  public TestReport parse(byte[] xml) {
    TestReport.Builder report = new TestReport.Builder();
    parseInto(xml, report);
    return report.build();
  }

  /**
   * Adds the tests of one report file to {@code report}; several files (surefire writes one per
   * class) add to the same one.
   *
   * @throws ReportFormatException if the bytes are not well-formed JUnit XML
   */
  void parseInto(byte[] xml, TestReport.Builder report) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      read(reader, report);
    } catch (XMLStreamException e) {
      throw new ReportFormatException("not well-formed XML: " + e.getMessage(), e);
    } finally {
      close(reader);
    }
  }

  private void read(XMLStreamReader reader, TestReport.Builder report) throws XMLStreamException {
    Deque<String> suites = new ArrayDeque<>();
    boolean sawRoot = false;
    TestCase current = null;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw new ReportFormatException("a JUnit report has no DTD; this one declares one");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String element = reader.getLocalName();
        if (!sawRoot && !element.equals("testsuites") && !element.equals("testsuite")) {
          throw new ReportFormatException(
              "not a JUnit report: the root element is <" + element + ">");
        }
        sawRoot = true;
        switch (element) {
          case "testsuite" -> suites.push(attribute(reader, "name"));
          case "testcase" -> current = new TestCase(fullName(reader, suites));
          case "failure", "error", "skipped" -> {
            if (current != null) {
              current.outcome(element, attribute(reader, "message"), reader);
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String element = reader.getLocalName();
        if (element.equals("testsuite") && !suites.isEmpty()) {
          suites.pop();
        } else if (element.equals("testcase") && current != null) {
          report.add(current.name, current.status(), current.message());
          current = null;
        }
      }
    }
    if (!sawRoot) {
      throw new ReportFormatException("not a JUnit report: it has no element");
    }
  }

  private String fullName(XMLStreamReader reader, Deque<String> suites) {
    String name = attribute(reader, "name");
    if (naming == Naming.SUITES) {
      StringBuilder full = new StringBuilder();
      suites.descendingIterator().forEachRemaining(s -> full.append(s).append(" > "));
      return full.append(name).toString();
    }
    String classname = attribute(reader, "classname");
    return classname.isEmpty() ? name : classname + "." + name;
  }

  private static String attribute(XMLStreamReader reader, String name) {
    String value = reader.getAttributeValue(null, name);
    return value == null ? "" : value;
  }

  /** A test case being read: which outcome elements it had, and the first one's message. */
  private static final class TestCase {
    final String name;
    boolean failure;
    boolean error;
    boolean skipped;
    String message;

    TestCase(String name) {
      this.name = name;
    }

    /**
     * Notes an outcome element and keeps its message attribute, or else the start of its text (a
     * stack trace) read no further than needed.
     */
    void outcome(String element, String attributeMessage, XMLStreamReader reader)
        throws XMLStreamException {
      switch (element) {
        case "failure" -> failure = true;
        case "error" -> error = true;
        default -> skipped = true;
      }
      String text = boundedText(reader);
      if (message == null) {
        message = attributeMessage.isBlank() ? text : attributeMessage;
      }
    }

    /**
     * A to-do test that fails (node writes {@code <skipped>} and {@code <failure>}) does not count
     * against the code, as node's own exit code says; otherwise an error outranks a failure.
     */
    TestStatus status() {
      if (skipped) {
        return TestStatus.SKIPPED;
      }
      if (error) {
        return TestStatus.ERROR;
      }
      return failure ? TestStatus.FAILED : TestStatus.PASSED;
    }

    Optional<String> message() {
      return Optional.ofNullable(message);
    }
  }

  /** The element's text up to its end, keeping at most a message's worth of it. */
  private static String boundedText(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          int room = TestResult.MAX_MESSAGE_CHARS - text.length();
          if (room > 0) {
            text.append(
                reader.getTextCharacters(),
                reader.getTextStart(),
                Math.min(room, reader.getTextLength()));
          }
        }
        default -> {}
      }
    }
    return text.toString();
  }

  /**
   * The JDK's own StAX parser (not whichever a library on the class path provides), reading no DTD
   * and resolving no external entity. SUPPORT_DTD false alone makes the JDK's parser skip the DTD;
   * the DTD event is refused above as well.
   */
  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Nothing was left open: the input is an array in memory.
      }
    }
  }
}
