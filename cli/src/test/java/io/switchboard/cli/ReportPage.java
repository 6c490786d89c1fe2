package io.switchboard.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML report read back with the JDK's XML parser (the page is well-formed XML): its tables and charts. */
final class ReportPage {

    private final Document document;

    private ReportPage(Document document) {
        this.document = document;
    }

    /** Parses the file; fails the test when it is not well-formed XML. */
    static ReportPage read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return new ReportPage(builder.parse(file.toFile()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the report is not well-formed XML: " + e.getMessage(), e);
        }
    }

    Document document() {
        return document;
    }

    /** Elements named {@code name} (local name, any namespace) under {@code root}. */
    static List<Element> elements(Node root, String name) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", name)
                : ((Element) root).getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    List<Element> elements(String name) {
        return elements(document, name);
    }

    Element byId(String id) {
        for (String name : List.of("svg", "table", "section")) {
            for (Element e : elements(name)) {
                if (id.equals(e.getAttribute("id"))) {
                    return e;
                }
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    /** Elements under {@code root} whose class attribute holds {@code cssClass}. */
    static List<Element> withClass(Element root, String name, String cssClass) {
        return elements(root, name).stream()
                .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cssClass)).toList();
    }

    /** The body rows of a table, each as heading -> cell text. */
    List<Map<String, String>> rows(String tableId) {
        Element table = byId(tableId);
        List<String> headings = elements(elements(table, "thead").get(0), "th").stream()
                .map(Node::getTextContent).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Element tr : elements(elements(table, "tbody").get(0), "tr")) {
            List<Element> cells = elements(tr, "td");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                row.put(headings.get(i), cells.get(i).getTextContent());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The footer row of a table, cell texts in order. */
    List<String> footer(String tableId) {
        return elements(elements(byId(tableId), "tfoot").get(0), "td").stream().map(Node::getTextContent).toList();
    }
}
