package io.switchboard.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's tiny CSV: comma-separated, no quoting, a header line, '#' comments and blank lines skipped. */
final class Csv {
  private Csv() {}

  record Row(int line, List<String> cells) {
    String cell(int i) {
      return cells.get(i);
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("line " + line + ": " + what);
    }
  }

  static String resource(String path) {
    try (InputStream in = Csv.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sandbox resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Rows after the header, which must equal {@code header}; every row must have as many cells. */
  static List<Row> parse(String text, String header) {
    List<Row> rows = new ArrayList<>();
    boolean headerSeen = false;
    String[] lines = text.split("\r?\n");
    int columns = header.split(",").length;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        if (!line.equals(header)) {
          throw new IllegalArgumentException("line " + (i + 1) + ": expected header '" + header + "', got '"
              + line + "'");
        }
        headerSeen = true;
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.split(",", -1)) {
        cells.add(cell.trim());
      }
      Row row = new Row(i + 1, List.copyOf(cells));
      if (cells.size() != columns) {
        throw row.error("expected " + columns + " cells (" + header + "), got " + cells.size());
      }
      rows.add(row);
    }
    if (!headerSeen) {
      throw new IllegalArgumentException("missing header '" + header + "'");
    }
    return rows;
  }
}
