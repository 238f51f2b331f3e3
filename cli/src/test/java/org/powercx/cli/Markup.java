package org.powercx.cli;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses the generated SVG charts and HTML pages with the JDK's DOM parser, so tests can assert on their
 * structure instead of on substrings. Parsing fails on markup that is not well formed, which is itself checked:
 * every chart must be well-formed XML, and the page is too once its HTML-only parts (the doctype and the void
 * {@code <meta>} elements) are written the XML way.
 */
final class Markup {
    private Markup() {
    }

    /** One SVG element, as produced by {@link Svg}. */
    static Element svg(String svg) {
        Element root = parse(svg).getDocumentElement();
        if (!root.getTagName().equals("svg")) {
            throw new AssertionError("root element is <" + root.getTagName() + ">, not <svg>");
        }
        return root;
    }

    /** A whole page, as produced by {@link HtmlReport#html()}. */
    static Element page(String html) {
        String prefix = "<!DOCTYPE html>";
        if (!html.startsWith(prefix)) {
            throw new AssertionError("page does not start with " + prefix);
        }
        String xml = html.substring(prefix.length()).replaceAll("<meta([^>]*[^/])>", "<meta$1/>");
        Element root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("html")) {
            throw new AssertionError("root element is <" + root.getTagName() + ">, not <html>");
        }
        return root;
    }

    /** An HTML fragment such as a table. */
    static Element fragment(String html) {
        return parse(html).getDocumentElement();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new AssertionError("not well-formed markup: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The descendants of an element with a tag name, in document order. */
    static List<Element> all(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The descendants with a tag name that pass a test. */
    static List<Element> all(Element parent, String tag, Predicate<Element> test) {
        return all(parent, tag).stream().filter(test).toList();
    }

    /** The element children (not deeper descendants) of an element with a tag name. */
    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text content of each descendant with a tag name. */
    static List<String> texts(Element parent, String tag) {
        return all(parent, tag).stream().map(Node::getTextContent).toList();
    }

    /** A numeric attribute. */
    static double num(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty()) {
            throw new AssertionError("<" + e.getTagName() + "> has no " + attribute);
        }
        return Double.parseDouble(v);
    }

    /** Whether a line or shape is drawn dashed. */
    static boolean dashed(Element e) {
        return e.hasAttribute("stroke-dasharray");
    }
}
